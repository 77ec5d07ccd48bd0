/** The whole pipeline, analyze(): any string gives a CallReport or an InputProblem, quickly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeTranscript, builtinEngine } from '../../src/analyze.js';
import { parseBytes, SUPPORTED_FORMATS } from '../../src/transcript/index.js';
import type { InputFormat } from '../../src/types.js';
import { DOCS, anyBytes, anyDoc, checkReport, outcome, timed } from '../support/arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

describe('analyze()', () => {
  // Compile the built-in rules once, outside the timed cases.
  builtinEngine();

  it.each(SUPPORTED_FORMATS)('damaged %s documents, detected: a report or an InputProblem', (format) => {
    fc.assert(
      fc.property(DOCS[format], (doc) => {
        const r = timed(() => outcome(() => analyze(doc, { file: `call.${format}` })));
        if ('value' in r) checkReport(r.value, doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('any string, any forced format, any seller list and call type: a report or an InputProblem', () => {
    fc.assert(
      fc.property(
        anyDoc,
        fc.constantFrom<InputFormat | 'auto' | undefined>(undefined, 'auto', ...SUPPORTED_FORMATS),
        fc.array(fc.constantFrom('Dana', 'constructor', '__proto__', '', 'Speaker 1'), { maxLength: 2 }),
        fc.option(fc.constantFrom('discovery', 'demo', 'constructor', '__proto__', 'toString'), { nil: undefined }),
        (doc, format, sellers, callType) => {
          const r = timed(() => outcome(() => analyze(doc, { ...(format ? { format } : {}), sellers, ...(callType ? { callType } : {}) })));
          if ('value' in r) checkReport(r.value, doc);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });

  it('any bytes through parseBytes and analyzeTranscript: a report or an InputProblem', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const r = timed(() => outcome(() => analyzeTranscript(parseBytes(bytes, { fileName: 'x' }))));
        if ('value' in r) checkReport(r.value);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a seller sentence full of words that are Object.prototype keys is analyzed', () => {
    const r = analyze('Dana: constructor __proto__ toString hasOwnProperty valueOf prototype. Why constructor?\nSam: constructor.', { sellers: ['Dana'] });
    checkReport(r);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
