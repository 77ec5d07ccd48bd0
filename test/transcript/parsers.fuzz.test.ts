/** Every parser, forced and detected, on damaged documents: a Transcript or an InputProblem, nothing else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBytes, parseText, SUPPORTED_FORMATS } from '../../src/transcript/index.js';
import type { InputFormat } from '../../src/types.js';
import { DOCS, anyBytes, anyDoc, checkTranscript, outcome, soup, timed } from '../support/arbitraries.js';

/**
 * Cases per property (FUZZ_RUNS raises it for a long hunt). At the default 300 the fuzz suite runs
 * about 15,300 generated cases: 8,405 here, 4,200 in pipeline, 2,700 in patterns; plus 8 mutations
 * of each corpus file.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const EXT: Record<InputFormat, string> = { text: 'txt', markdown: 'md', vtt: 'vtt', srt: 'srt', csv: 'csv', tsv: 'tsv', json: 'json', nlp: 'nlp' };

describe.each(SUPPORTED_FORMATS)('the %s parser', (format) => {
  it('forced: its own damaged documents give a transcript or an InputProblem', () => {
    fc.assert(
      fc.property(DOCS[format], (doc) => {
        const r = timed(() => outcome(() => parseText(doc, { format })));
        if ('value' in r) checkTranscript(r.value, doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('forced: any input, of any other shape, gives a transcript or an InputProblem', () => {
    fc.assert(
      fc.property(fc.oneof(anyDoc, soup), (doc) => {
        const r = timed(() => outcome(() => parseText(doc, { format })));
        if ('value' in r) checkTranscript(r.value, doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('detected (with the extension as a hint): a transcript or an InputProblem', () => {
    fc.assert(
      fc.property(DOCS[format], fc.constantFrom(`call.${EXT[format]}`, 'call', 'call.constructor', 'x.__proto__', undefined), (doc, fileName) => {
        const r = timed(() => outcome(() => parseText(doc, { format: 'auto', ...(fileName ? { fileName } : {}) })));
        if ('value' in r) checkTranscript(r.value, doc);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseBytes', () => {
  it('any bytes (random, UTF-16 with and without BOM, Latin-1, damaged magic numbers) give a transcript or an InputProblem', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom<InputFormat | 'auto'>('auto', ...SUPPORTED_FORMATS), (bytes, format) => {
        timed(() => outcome(() => parseBytes(bytes, { format })));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('an unknown forced format is an InputProblem, not a crash', () => {
    fc.assert(
      fc.property(fc.constantFrom('xml', 'constructor', '__proto__', 'toString', ''), (format) => {
        outcome(() => parseText('Dana: hello', { format: format as InputFormat }));
      }),
      { numRuns: 5 },
    );
  });
});

describe('regressions found by these tests', () => {
  it('"&constructor;" in a cue stays as written (it decoded to the source of Object)', () => {
    const t = parseText('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>a &constructor; b &amp; c\n', { format: 'vtt' });
    expect(t.turns[0]!.text).toBe('a &constructor; b & c');
  });

  it('a file named "x.constructor" is detected, not sent to a parser named by Object.prototype', () => {
    expect(parseText('Dana: hello\nLee: hi\n', { fileName: 'x.constructor' }).format).toBe('text');
  });

  it('invalid JSON that quotes line breaks gives a one-line message', () => {
    const r = outcome(() => parseText('{"a":\n\n  x}', { format: 'json' }));
    expect('problem' in r && r.problem.message).toMatch(/^invalid JSON: .*\\n/);
  });

  it('JSON cut off at the end names its last line', () => {
    const r = outcome(() => parseText('[\n{"speaker": "A",\n"text": "hi"', { format: 'json' }));
    expect('problem' in r && r.problem.line).toBe(3);
  });

  it('__proto__ keys in a JSON transcript are plain keys', () => {
    const t = parseText('[{"__proto__": {"speaker": "X"}, "speaker": "A", "text": "hi"}, {"speaker": "B", "text": "yo", "constructor": 1}]', { format: 'json' });
    expect(t.turns.map((x) => x.speaker)).toEqual(['A', 'B']);
    expect(({} as Record<string, unknown>).speaker).toBeUndefined();
  });
});
