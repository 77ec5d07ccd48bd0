// Roles from a Markdown header's participant list.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
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
