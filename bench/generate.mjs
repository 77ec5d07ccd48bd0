#!/usr/bin/env node
/** Writes the seeded, reproducible benchmark corpus (a batch of calls, or the single calls and the monologue). */
import { mkdirSync, writeFileSync, readFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCall, generateMonologue } from './call.mjs';
import { deriveSeed } from './prng.mjs';

/** Bump when the generator's output changes, so cached corpora are rewritten. */
const GENERATOR_VERSION = 3;

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/** The single-file workloads: name, generator and size in words. */
export const SINGLES = [
  { file: 'call-1k.txt', words: 1_000, kind: 'call' },
  { file: 'call-9k.txt', words: 9_000, kind: 'call' },
  { file: 'call-90k.txt', words: 90_000, kind: 'call' },
  { file: 'monologue-100k.txt', words: 100_000, kind: 'monologue' },
];

/** The manifest sits beside the folder, not in it, so that `analyze DIR` sees only transcripts. */
const manifestPath = (dir) => `${dir.replace(/\/+$/, '')}.manifest.json`;

function readManifest(dir) {
  const path = manifestPath(dir);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when `dir` already holds exactly what these parameters would write. */
function upToDate(dir, params) {
  const manifest = readManifest(dir);
  return Boolean(manifest && JSON.stringify(manifest.params) === JSON.stringify(params) && manifest.files.every((f) => existsSync(join(dir, f.file))));
}

function writeManifest(dir, params, files) {
  const words = files.reduce((sum, f) => sum + f.words, 0);
  writeFileSync(manifestPath(dir), JSON.stringify({ params, words, files }, null, 1) + '\n');
  return { dir, params, words, files };
}

/**
 * Writes `calls` calls of about `words` words each into `out` (reused when already there).
 * Call k depends only on (seed, k), so a larger batch starts with the same calls as a smaller one.
 * @param {{ calls: number, words: number, seed: number, out: string, asrShare?: number }} options
 */
export function writeBatch({ calls, words, seed, out }) {
  const params = { mode: 'batch', calls, words, seed, version: GENERATOR_VERSION };
  if (upToDate(out, params)) return { ...readManifest(out), dir: out };
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = [];
  const width = String(calls).length;
  for (let k = 0; k < calls; k++) {
    const call = generateCall({ seed: deriveSeed(seed, k), words: jitter(words, seed, k) });
    const file = `call-${String(k + 1).padStart(width, '0')}.txt`;
    writeFileSync(join(out, file), call.text);
    files.push({ file, words: call.words, asr: call.asr, domain: call.domain });
  }
  return writeManifest(out, params, files);
}

/** Varies a call's length by up to ±15% around the target, deterministically. */
function jitter(words, seed, k) {
  const r = (deriveSeed(seed ^ 0x5bd1e995, k) % 3001) / 3000; // 0..1
  return Math.round(words * (0.85 + 0.3 * r));
}

/**
 * Writes the single calls (1k, 9k, 90k words, prose style) and the 100k-word one-speaker monologue.
 * @param {{ seed: number, out: string }} options
 */
export function writeSingles({ seed, out }) {
  const params = { mode: 'singles', seed, sizes: SINGLES.map((s) => s.words), version: GENERATOR_VERSION };
  if (upToDate(out, params)) return { ...readManifest(out), dir: out };
  mkdirSync(out, { recursive: true });
  const files = SINGLES.map((s, i) => {
    const made = s.kind === 'call'
      ? generateCall({ seed: deriveSeed(seed, 100_000 + i), words: s.words, asr: false })
      : generateMonologue({ seed: deriveSeed(seed, 100_000 + i), words: s.words });
    writeFileSync(join(out, s.file), made.text);
    return { file: s.file, words: made.words, kind: s.kind };
  });
  return writeManifest(out, params, files);
}

/** Writes one monologue file of about `words` words. */
export function writeMonologue({ seed, words, out }) {
  mkdirSync(out, { recursive: true });
  const made = generateMonologue({ seed, words });
  const file = `monologue-${words}.txt`;
  writeFileSync(join(out, file), made.text);
  return { dir: out, files: [{ file, words: made.words }] };
}

const USAGE = `usage: node bench/generate.mjs [--mode batch|singles|monologue] [--calls N] [--words N] [--seed N] [--out DIR]
  batch (default): N calls (default 1000) of about --words words (default 9000, ±15%), ~30% speech-to-text style
  singles:         call-1k, call-9k, call-90k and monologue-100k .txt files
  monologue:       one single-speaker file of --words words (default 100000)
  --out defaults to bench/corpus/<mode>[-N]; --seed defaults to 20250101`;

function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'batch' },
      calls: { type: 'string', default: '1000' },
      words: { type: 'string' },
      seed: { type: 'string', default: '20250101' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  const seed = Number(values.seed) >>> 0;
  const calls = Number(values.calls);
  const started = Date.now();
  let result;
  if (values.mode === 'batch') {
    result = writeBatch({ calls, words: Number(values.words ?? 9000), seed, out: resolve(values.out ?? join(CORPUS_DIR, `calls-${calls}`)) });
  } else if (values.mode === 'singles') {
    result = writeSingles({ seed, out: resolve(values.out ?? join(CORPUS_DIR, 'singles')) });
  } else if (values.mode === 'monologue') {
    result = writeMonologue({ seed, words: Number(values.words ?? 100_000), out: resolve(values.out ?? join(CORPUS_DIR, 'monologue')) });
  } else {
    console.error(USAGE);
    process.exit(2);
  }
  const words = result.files.reduce((sum, f) => sum + f.words, 0);
  console.log(`${result.files.length} file(s), ${words} words in ${result.dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
