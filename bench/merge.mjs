#!/usr/bin/env node
/**
 * `node bench/merge.mjs [--calls 4000] [--shards 4]`: the memory of `buyerside merge`. It analyzes the three
 * fixture calls once, writes N call lines into shard files (each a copy of a real call line under its own
 * path), merges them to the default terminal summary and to NDJSON, and reports peak memory against the
 * target: under 300 MB for 4,000 calls.
 */
import { mkdirSync, rmSync, writeFileSync, createWriteStream, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'buyerside.js');
const { values: opt } = parseArgs({ options: { calls: { type: 'string', default: '4000' }, shards: { type: 'string', default: '4' } } });
const calls = Number(opt.calls);
const shards = Number(opt.shards);
const TARGET_MB = 300;

const dir = join(ROOT, 'bench', 'out', 'merge');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const fixtures = ['demo-call-seller-pitch.txt', 'discovery-call-buyer-led.txt', 'renewal-call-mixed.txt'].map((f) => join(ROOT, 'fixtures', 'calls', f));
const one = spawnSync(process.execPath, [CLI, 'analyze', ...fixtures, '-f', 'ndjson'], { encoding: 'utf8' });
const lines = one.stdout.trim().split('\n').map((l) => JSON.parse(l));

const files = [];
for (let s = 0; s < shards; s++) {
  const file = join(dir, `shard-${s + 1}.ndjson`);
  files.push(file);
  const out = createWriteStream(file);
  for (let i = s; i < calls; i += shards) {
    const call = { ...lines[i % lines.length], file: `calls/rep-${i % 17}/call-${String(i).padStart(6, '0')}.txt` };
    out.write(`${JSON.stringify(call)}\n`);
  }
  await new Promise((r) => out.end(r));
}
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`${calls} calls in ${shards} shards, ${(bytes / 1024 / 1024).toFixed(1)} MB of NDJSON`);
let failed = false;
for (const format of ['terminal', 'ndjson', 'csv']) {
  const m = await measure({ cmd: process.execPath, args: [CLI, 'merge', ...files, '-f', format], cwd: dir, stdout: join(dir, `merged.${format}`) });
  const pass = m.peakMB !== null && m.peakMB < TARGET_MB && m.exitCode === 0;
  failed ||= !pass;
  console.log(`merge -f ${format}: peak ${m.peakMB?.toFixed(0)} MB, ${m.wallS.toFixed(1)} s wall, ${m.cpuS?.toFixed(1) ?? '?'} s CPU, exit ${m.exitCode} — target < ${TARGET_MB} MB: ${pass ? 'pass' : 'FAIL'}`);
}
writeFileSync(join(dir, 'README.txt'), 'scratch output of bench/merge.mjs\n');
process.exitCode = failed ? 1 : 0;
