// `context: false` judges every seller sentence alone (for measuring what the conversation costs and
// adds); the default judges it in its conversation, and a one-speaker script has none either way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { FIXTURES } from '../support/cli.js';

const read = (f: string) => readFileSync(join(FIXTURES, 'calls', f), 'utf8');
const CALLS = ['demo-call-seller-pitch.txt', 'discovery-call-buyer-led.txt', 'renewal-call-mixed.txt'];
const judged = (text: string, context?: boolean) =>
  analyze(text, context === undefined ? {} : { context }).findings.filter((f) => f.scope !== 'call').map((f) => `${f.line}:${f.column} ${f.ruleId}`);

describe('the context option', () => {
  it('is on by default', () => {
    for (const f of CALLS) expect(judged(read(f))).toEqual(judged(read(f), true));
  });
  it('changes how some sentences of the sample calls are judged when off', () => {
    const changed = CALLS.filter((f) => JSON.stringify(judged(read(f), false)) !== JSON.stringify(judged(read(f), true)));
    expect(changed.length).toBeGreaterThan(0);
  });
  it('makes no difference to a one-speaker script, which has no conversation', () => {
    const script = 'Rep: Thanks for picking up.\nRep: We have won every award there is, and our platform is the best in the industry.\nRep: What made you look at this now?\n';
    expect(judged(script, false)).toEqual(judged(script, true));
  });
});
