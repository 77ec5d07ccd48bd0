/**
 * Mutations of the real exports in ../shared/corpus (byte flips, truncations, line shuffles and
 * duplications): each still gives a CallReport or an InputProblem.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyzeTranscript, builtinEngine } from '../../src/analyze.js';
import { parseBytes } from '../../src/transcript/index.js';
import { checkReport, outcome, timed } from '../support/arbitraries.js';
import { CORPUS as corpusDir } from '../support/shared.js';


/** Mutations per file; each analyzes the whole (mutated) file, so keep it small in CI. */
const RUNS = Number(process.env.FUZZ_CORPUS_RUNS ?? 8);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (name !== 'SOURCES.md' && !name.startsWith('.')) out.push(full);
  }
  return out;
}

const files = listFiles(corpusDir);

type Mutation =
  | { kind: 'flip'; positions: number[]; bits: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffle'; swaps: Array<[number, number]>; all: boolean }
  | { kind: 'duplicate'; at: number; count: number; lines: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), positions: fc.array(fc.nat(), { minLength: 1, maxLength: 16 }), bits: fc.array(fc.nat(7), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }), all: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }), lines: fc.integer({ min: 1, max: 10 }) }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'flip') {
    const out = Uint8Array.from(bytes);
    if (out.length === 0) return out;
    m.positions.forEach((p, i) => {
      out[p % out.length]! ^= 1 << m.bits[i % m.bits.length]!;
    });
    return out;
  }
  if (m.kind === 'truncate') return bytes.subarray(0, m.at % (bytes.length + 1));
  const lines = Buffer.from(bytes).toString('latin1').split('\n');
  if (m.kind === 'shuffle') {
    if (m.all) {
      // A full shuffle (deterministic, driven by the swaps) for a completely reordered file.
      for (let i = lines.length - 1; i > 0; i--) {
        const j = (m.swaps[i % m.swaps.length]![0] + i) % (i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
    } else {
      for (const [a, b] of m.swaps) {
        const i = a % lines.length;
        const j = b % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
    }
  } else {
    const i = m.at % lines.length;
    const block = lines.slice(i, i + m.lines);
    for (let k = 0; k < m.count; k++) lines.splice(i, 0, ...block);
  }
  return new Uint8Array(Buffer.from(lines.join('\n'), 'latin1'));
}

describe('mutated corpus files', () => {
  builtinEngine();
  it.each(files.map((f) => [path.relative(corpusDir, f), f]))('%s: a report or an InputProblem after each mutation', (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    fc.assert(
      fc.property(mutation, (m) => {
        const mutated = mutate(bytes, m);
        const r = timed(() => outcome(() => analyzeTranscript(parseBytes(mutated, { fileName: file }))), 5000, `${m.kind} of ${file}`);
        if ('value' in r) checkReport(r.value);
      }),
      { numRuns: RUNS },
    );
  });
});
