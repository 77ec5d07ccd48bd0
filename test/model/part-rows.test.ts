// Rows found by parts give the same rows, and the same probabilities bit for bit, as the feature
// names they stand for (the batch path must not change a report).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { models } from '../../src/model/bundle.js';
import { predict, predictRows } from '../../src/model/logistic.js';
import { PartRows } from '../../src/model/part-rows.js';
import { gapFeatures, gapRows, spokenWords } from '../../src/language/spoken.js';

const texts = readdirSync('fixtures/calls').filter((f) => !f.endsWith('.expected.txt')).map((f) => readFileSync(`fixtures/calls/${f}`, 'utf8'));

describe('rows by parts', () => {
  it('finds the row of the name its parts make, on first sight and on a repeat', () => {
    const m = models().boundary;
    const t = new PartRows(m, (a, b) => `nn=${a}_${b}`);
    for (const [a, b] of [['so', 'what'], ['so', 'what'], ['zzqx', 'what'], ['what', 'so']] as const) expect(t.row2(a, b)).toBe(m.row(`nn=${a}_${b}`));
    const one = new PartRows(m, (a) => `n=${a}`);
    const three = new PartRows(m, (a, b, c) => `nnn=${a}_${b}_${c}`);
    for (const w of ['so', 'so', 'zzqx']) expect(one.row1(w)).toBe(m.row(`n=${w}`));
    for (const [a, b, c] of [['so', 'what', 'brings'], ['so', 'what', 'brings'], ['so', 'what', 'zzqx']] as const) expect(three.row3(a, b, c)).toBe(m.row(`nnn=${a}_${b}_${c}`));
  });

  it('gives the boundary model the same probabilities as its feature names, bit for bit', () => {
    const m = models().boundary;
    const rows: number[] = [];
    let n = 0;
    for (const text of texts) {
      const words = spokenWords(text);
      for (let i = 1; i < words.length; i++) {
        const since = 1 + (i % 23);
        expect(gapRows(m, words, i, since, rows)).toEqual(gapFeatures(words, i, since).map((f) => m.row(f)));
        expect(predictRows(m, rows)).toEqual(predict(m, gapFeatures(words, i, since)));
        n++;
      }
    }
    expect(n).toBeGreaterThan(500);
  });
});

describe('speech chunks as rows', () => {
  it('gives the sales-talk model the rows of the prefixed feature names, in order', async () => {
    const { parseText } = await import('../../src/transcript/index.js');
    const { talkStretches, talkStretchRows } = await import('../../src/judge/sales-call.js');
    const { salesTalk, speech } = models();
    for (const text of texts) {
      const turns = parseText(text).turns;
      const leads = new Set([turns[0]!.speaker]);
      const named = talkStretches(turns, speech, leads);
      const rows = talkStretchRows(turns, salesTalk, leads);
      expect(rows.map((r) => r.lead)).toEqual(named.map((s) => s.lead));
      expect(rows.map((r) => r.rows)).toEqual(named.map((s) => s.features.map((f) => salesTalk.row(f)).filter((r) => r >= 0)));
      expect(rows.map((r) => predictRows(salesTalk, r.rows))).toEqual(named.map((s) => predict(salesTalk, s.features)));
      // The speech model reads the same chunks without a prefix.
      const { chunkFeatures, chunkRows, turnSpeechChunks } = await import('../../src/roles/speech.js');
      for (const turn of turns) for (const c of turnSpeechChunks(turn)) expect(predictRows(speech, chunkRows(speech, c))).toEqual(predict(speech, chunkFeatures(c)));
    }
  });
});
