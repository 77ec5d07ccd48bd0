#!/usr/bin/env node
/**
 * `node bench/merge.mjs [--calls 4000] [--shards 4] [--formats a,b]`: the memory of `buyerside merge` in every
 * output format. It analyzes the three fixture calls once, writes N call lines into shard files (each a copy of
 * a real call line under its own path), merges them once per format (and once with --findings-csv) to a file,
 * and reports each run's peak memory against the target in targets.mjs (under 300 MB for 4,000 calls).
 */
import { mkdirSync, rmSync, createWriteStream, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure } from './measure.mjs';
import { MERGE_TARGET_MB, mergePass } from './targets.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIVE_CLI = join(ROOT, 'bin', 'buyerside.js');

/** Every --format choice, and the findings CSV (a run with --findings-csv beside the summary). */
export const MERGE_FORMATS = ['terminal', 'summary', 'json', 'ndjson', 'csv', 'markdown', 'html', 'sarif', 'junit', 'github', 'findings-csv'];

const FIXTURES = ['demo-call-seller-pitch.txt', 'discovery-call-buyer-led.txt', 'renewal-call-mixed.txt'].map((f) => join(ROOT, 'fixtures', 'calls', f));

/** Writes `calls` call lines over `shards` files in `dir`; returns the files and their total size. */
async function writeShards({ cli, dir, calls, shards }) {
  const one = spawnSync(process.execPath, [cli, 'analyze', ...FIXTURES, '-f', 'ndjson'], { encoding: 'utf8' });
  const lines = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const files = [];
  for (let s = 0; s < shards; s++) {
    const file = join(dir, `shard-${s + 1}.ndjson`);
    files.push(file);
    const out = createWriteStream(file);
    for (let i = s; i < calls; i += shards) {
      const call = { ...lines[i % lines.length], file: `calls/rep-${i % 17}/call-${String(i).padStart(6, '0')}.txt` };
      if (!out.write(`${JSON.stringify(call)}\n`)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
  }
  return { files, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
}

/**
 * Merges the shards once per format; resolves with one row a format: its peak MB, wall and CPU seconds, exit
 * code, output size and whether it meets the target.
 */
export async function measureMerge({ cli = LIVE_CLI, calls = 4000, shards = 4, formats = MERGE_FORMATS, dir = join(ROOT, 'bench', 'out', 'merge') } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { files, bytes } = await writeShards({ cli, dir, calls, shards });
  const rows = [];
  for (const format of formats) {
    const output = join(dir, `merged.${format}`);
    const args = format === 'findings-csv' ? ['-f', 'summary', '--findings-csv', output, '-o', join(dir, 'merged.findings-summary')] : ['-f', format, '-o', output];
    const m = await measure({ cmd: process.execPath, args: [cli, 'merge', ...files, ...args], cwd: dir });
    let outputMB = null;
    try {
      outputMB = statSync(output).size / 1024 / 1024;
    } catch {
      // no output: the run failed, which exitCode says
    }
    rmSync(output, { force: true });
    rows.push({ format, calls, shards, shardMB: bytes / 1024 / 1024, peakMB: m.peakMB, wallS: m.wallS, cpuS: m.cpuS, exitCode: m.exitCode, outputMB, pass: mergePass(m) });
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: opt } = parseArgs({ options: { calls: { type: 'string', default: '4000' }, shards: { type: 'string', default: '4' }, formats: { type: 'string' } } });
  const rows = await measureMerge({ calls: Number(opt.calls), shards: Number(opt.shards), ...(opt.formats ? { formats: opt.formats.split(',') } : {}) });
  if (rows[0]) console.log(`${rows[0].calls} calls in ${rows[0].shards} shards, ${rows[0].shardMB.toFixed(1)} MB of NDJSON`);
  for (const r of rows) {
    console.log(
      `merge -f ${r.format}: peak ${r.peakMB?.toFixed(0)} MB, ${r.wallS.toFixed(1)} s wall, ${r.cpuS?.toFixed(1) ?? '?'} s CPU, exit ${r.exitCode}, ` +
        `output ${r.outputMB === null ? '-' : r.outputMB.toFixed(1)} MB — target < ${MERGE_TARGET_MB} MB: ${r.pass ? 'pass' : 'FAIL'}`,
    );
  }
  process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
}
