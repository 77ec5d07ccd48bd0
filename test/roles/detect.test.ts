// Roles from a Markdown header's participant list.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { decideRoles } from '../../src/roles/detect.js';
import { parseText } from '../../src/transcript/index.js';

const header = [
  '# Renewal call',
  '**Participants:**',
  '- Priya (Northwind Account Manager)',
  '- Omar (Northwind Solutions Engineer)',
  '- Lena Fischer (VP Sales, Harbor Freight Co)',
  '',
  '**Lena:** Thanks for making the time today. What does your pricing look like this year?',
  '**Priya:** Happy to go through it.',
  '**Omar:** And I can show the new reports.',
  '**Lena:** Great.',
].join('\n');

describe('a header that lists the participants', () => {
  it('is read from Markdown', () => {
    expect(parseText(header).participants).toEqual([
      { name: 'Priya', description: 'Northwind Account Manager' },
      { name: 'Omar', description: 'Northwind Solutions Engineer' },
      { name: 'Lena Fischer', description: 'VP Sales, Harbor Freight Co' },
    ]);
  });
  it('decides the roles: seller titles and their colleagues sell; a VP of Sales at the customer buys', () => {
    const roles = analyze(header).roles;
    expect(roles.map((r) => [r.name, r.role])).toEqual([
      ['Lena', 'buyer'],
      ['Priya', 'seller'],
      ['Omar', 'seller'],
    ]);
    expect(roles[1]!.reasons[0]).toContain('Account Manager');
  });
});

describe('roles from what speakers say', () => {
  const t = parseText([
    'Priya: Hello, Priya speaking.',
    'Omar: Hi Priya, this is Omar from Northwind Solar, thanks for taking the time today.',
    'Priya: Sure.',
    'Omar: What got you thinking about panels this year?',
    'Priya: Our bills doubled and we have a new baby at home.',
    'Omar: Our panels come with a twenty five year warranty and our team handles the permits.',
  ].join('\n'));
  it('detects the seller from what they say, even when the buyer speaks first', () => {
    const roles = decideRoles(t.turns);
    expect(roles.find((r) => r.name === 'Omar')).toMatchObject({ role: 'seller', method: 'detected' });
    expect(roles.find((r) => r.name === 'Priya')).toMatchObject({ role: 'buyer' });
  });
  it('uses given names, case-insensitively', () => {
    const roles = decideRoles(t.turns, { sellers: ['priya'] });
    expect(roles.find((r) => r.name === 'Priya')).toMatchObject({ role: 'seller', method: 'given' });
  });
  it('judges no conversation shape in a one-speaker script, even when the seller is named', () => {
    const r = analyze('Coach: Let me walk you through our deck.\n', { sellers: ['Coach'] });
    expect(r.findings.filter((f) => f.scope === 'call').map((f) => f.ruleId)).toEqual([]);
  });
  it('treats a single speaker as a script', () => {
    const r = analyze('Coach: Let me walk you through our deck.\nCoach: It has forty slides.\n');
    expect(r.roles).toEqual([expect.objectContaining({ name: 'Coach', role: 'seller', method: 'script' })]);
    expect(r.findings.some((f) => f.kind === 'seller-centric')).toBe(true);
  });
});
