/** Every parser, forced and detected, on damaged documents: a Transcript or an InputProblem, nothing else. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseBytes, parseText, SUPPORTED_FORMATS } from '../../src/transcript/index.js';
import type { InputFormat } from '../../src/types.js';
import { DOCS, anyBytes, anyDoc, checkTranscript, outcome, soup, timed } from './arbitraries.js';

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
