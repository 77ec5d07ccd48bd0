#!/usr/bin/env node
/**
 * Small hostile inputs that once took minutes or crashed (issue #13, class 2 and 4), each run as a
 * whole CLI process: the time and peak memory each takes, against a bound. Prints one line a case.
 *   node bench/hostile.mjs
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'buyerside.js');

/** Each case: its files (name → content), the CLI arguments, and the bounds it must stay within. */
function cases(dir) {
  const speakers = Array.from({ length: 40_000 }, (_, i) => `S${i}: hello there.`).join('\n');
  // About 40 MB in one string: one turn of an array of turns, a shape the JSON reader takes.
  const oneString = JSON.stringify([{ speaker: 'Rep', text: 'we offer the best platform. '.repeat(1_450_000) }, { speaker: 'Ana', text: 'ok.' }]);
  // Nine levels of aliases, each nine of the one before: 9^9 nodes if a reader expands them.
  const level = (i) => String.fromCharCode(97 + i);
  const laughs = [`a: &a [${Array(9).fill('"x"').join(',')}]`];
  for (let i = 1; i <= 8; i++) laughs.push(`${level(i)}: &${level(i)} [${Array(9).fill(`*${level(i - 1)}`).join(',')}]`);
  laughs.push('sellers: *i');
  return [
    { id: 'no-vowels-80k', what: 'one 80 KB word without vowels', files: { 'w.txt': `Rep: ${'bcdfghjklmnpqrstvwxz'.repeat(4000)}\nAna: ok.\n` }, args: ['analyze', 'w.txt', '-f', 'json'], maxS: 5, maxMB: 400 },
    { id: 'speakers-40k', what: '40,000 distinct speakers in 1 MB', files: { 's.txt': speakers }, args: ['analyze', 's.txt', '-f', 'json'], maxS: 10, maxMB: 600 },
    { id: 'glob-ignore', what: "an ignore glob like '*a*a*a*a*a*a*a*a*a*a*b' beside a long file name", files: { [`${'a'.repeat(200)}.txt`]: 'Rep: hi.\nAna: hi.\n', '.buyersiderc.yaml': "ignore:\n  - '*a*a*a*a*a*a*a*a*a*a*b'\n" }, args: ['analyze', '.', '-f', 'json'], maxS: 5, maxMB: 300 },
    { id: 'json-40mb', what: 'a 40 MB one-string JSON transcript', files: { 'big.json': oneString }, args: ['analyze', 'big.json', '-f', 'json', '-o', '/dev/null'], maxS: 120, maxMB: 1500 },
    { id: 'billion-laughs-rc', what: 'a billion-laughs .buyersiderc.yaml', files: { '.buyersiderc.yaml': laughs.join('\n'), 'c.txt': 'Rep: hi.\nAna: hi.\n' }, args: ['analyze', 'c.txt', '-f', 'json'], maxS: 5, maxMB: 300 },
  ].map((c) => ({ ...c, cwd: join(dir, c.id) }));
}

/** Runs every case once; resolves with one row each. */
export async function measureHostile({ dir = join(ROOT, 'bench', 'out', 'tmp', 'hostile') } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const rows = [];
  for (const c of cases(dir)) {
    mkdirSync(c.cwd, { recursive: true });
    for (const [name, text] of Object.entries(c.files)) writeFileSync(join(c.cwd, name), text);
    const m = await measure({ cmd: process.execPath, args: [CLI, ...c.args], cwd: c.cwd });
    // Exit 0, 1 (a gate) or 2 (the input refused with one line) all count: what matters is the bound.
    const finished = m.exitCode === 0 || m.exitCode === 1 || m.exitCode === 2;
    rows.push({ ...c, wallS: m.wallS, peakMB: m.peakMB, cpuS: m.cpuS, exitCode: m.exitCode, pass: finished && m.wallS <= c.maxS && (m.peakMB ?? 0) <= c.maxMB });
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await measureHostile()) {
    console.log(`hostile ${r.id}: ${r.what}: ${r.wallS.toFixed(2)} s wall, peak ${r.peakMB === null ? '?' : Math.round(r.peakMB)} MB, exit ${r.exitCode} (bound ${r.maxS} s, ${r.maxMB} MB): ${r.pass ? 'pass' : 'FAIL'}`);
  }
}
