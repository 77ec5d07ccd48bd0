// Not a sales call: the conversations in fixtures/unseen/lookalikes (written for evaluation, never
// trained on) are told apart; a named seller, --sales and a one-speaker script are always judged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { analyze } from '../../src/analyze.js';
import { FIXTURES } from '../support/cli.js';

const DIR = join(FIXTURES, 'unseen', 'lookalikes');
const kinds = parse(readFileSync(join(DIR, 'kinds.csv'), 'utf8'), { columns: true }) as Array<{ file: string; sales: string; type: string }>;

describe('sales calls and other conversations', () => {
  it.each(kinds)('$file ($type) is judged as a sales call: $sales', ({ file, sales }) => {
    const r = analyze(readFileSync(join(DIR, file), 'utf8'), { file });
    expect(r.salesCall).toBe(sales === 'yes');
    expect(r.salesCallReasons.length).toBeGreaterThan(0);
    if (sales === 'no') {
      expect(r.score).toBeNull();
      expect(r.findings).toEqual([]);
      expect(r.tips).toEqual([]);
    } else expect(typeof r.score).toBe('number');
  });

  const interview = kinds.find((k) => k.sales === 'no')!;
  const text = readFileSync(join(DIR, interview.file), 'utf8');
  it('judges any conversation with --sales (the sales option)', () => {
    const r = analyze(text, { file: interview.file, sales: true });
    expect(r.salesCall).toBe(true);
    expect(typeof r.score).toBe('number');
  });

  it('judges a one-speaker script as a sales script', () => {
    const r = analyze('Rep: Our platform is the fastest on the market and this price ends Friday.\n');
    expect(r.salesCall).toBe(true);
    expect(r.salesCallReasons[0]).toMatch(/script/);
  });

  it('does not judge a transcript in another language, and names it', () => {
    const r = analyze('Anna: Bon dia, com estàs? Volia parlar de les tasques pendents del projecte.\nPere: Molt bé, gràcies. Doncs mira, la setmana que ve tenim la reunió amb el client i encara ens falten moltes coses per acabar.\n');
    expect(r.language).toBe('ca');
    expect(r.salesCall).toBe(false);
    expect(r.score).toBeNull();
  });
});
