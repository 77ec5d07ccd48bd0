#!/usr/bin/env node
/**
 * What judging each sentence in its conversation costs: the same calls analyzed in one process with
 * the context (the buyer's last turn, what the buyer said so far) and with it turned off
 * (`context: false`, each sentence judged alone), interleaved so that machine load hits both alike.
 * Issue #18's target: context costs under 15% of throughput.
 *   node bench/context.mjs [--calls 20] [--words 9000] [--reps 3]
 */
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBatch } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Median seconds per pass over `texts` with and without context, and the share context costs. */
export async function measureContext({ calls = 20, words = 9000, reps = 3, seed = 20250101, dir = join(ROOT, 'bench', 'out', 'tmp', 'context') } = {}) {
  const { analyze } = await import(join(ROOT, 'dist', 'analyze.js'));
  const batch = writeBatch({ calls, words, seed, out: dir });
  const texts = batch.files.map((f) => readFileSync(join(batch.dir, f.file), 'utf8'));
  const total = batch.files.reduce((s, f) => s + f.words, 0);
  const pass = (context) => {
    const t0 = process.hrtime.bigint();
    for (const text of texts) analyze(text, { context });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  pass(true); // warm-up: compiled rules, decoded models, JIT
  const on = [], off = [];
  for (let r = 0; r < reps; r++) {
    on.push(pass(true));
    off.push(pass(false));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const withS = median(on), withoutS = median(off);
  return { calls, words: total, withS, withoutS, cost: 1 - withoutS / withS };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { calls: { type: 'string', default: '20' }, words: { type: 'string', default: '9000' }, reps: { type: 'string', default: '3' } } });
  const r = await measureContext({ calls: Number(values.calls), words: Number(values.words), reps: Number(values.reps) });
  console.log(`${r.calls} calls, ${r.words} words: with context ${r.withS.toFixed(2)} s (${Math.round(r.words / r.withS)} words/s), without ${r.withoutS.toFixed(2)} s; context costs ${(r.cost * 100).toFixed(1)}% of throughput (target < 15%)`);
}
