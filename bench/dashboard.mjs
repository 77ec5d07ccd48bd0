#!/usr/bin/env node
/**
 * `node bench/dashboard.mjs [--calls 2000]`: how big the batch HTML dashboard is and how long Chromium takes
 * to show it. N real call lines (the three fixture calls, ~40 findings each on average, under their own
 * paths) are merged to HTML; the time is from navigation to the first drawn row of the calls table.
 * Targets: under 10 KB a call, and under 5 s for 2,000 calls.
 */
import { mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'buyerside.js');
const { values: opt } = parseArgs({ options: { calls: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } });
const calls = Number(opt.calls);
const dir = join(ROOT, 'bench', 'out', 'dashboard');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const fixtures = ['demo-call-seller-pitch.txt', 'discovery-call-buyer-led.txt', 'renewal-call-mixed.txt'].map((f) => join(ROOT, 'fixtures', 'calls', f));
const lines = spawnSync(process.execPath, [CLI, 'analyze', ...fixtures, '-f', 'ndjson'], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => JSON.parse(l));
const shard = join(dir, 'calls.ndjson');
writeFileSync(shard, Array.from({ length: calls }, (_, i) => JSON.stringify({ ...lines[i % 3], file: `calls/rep-${i % 17}/call-${String(i).padStart(6, '0')}.txt` })).join('\n') + '\n');
const page = join(dir, 'report.html');
spawnSync(process.execPath, [CLI, 'merge', shard, '-f', 'html', '-o', page]);
const bytes = statSync(page).size;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const times = [];
try {
  for (let r = 0; r < Number(opt.runs); r++) {
    const p = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const start = performance.now();
    await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await p.locator('#call-rows tr').first().waitFor();
    times.push((performance.now() - start) / 1000);
    await p.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const perCall = bytes / calls;
console.log(`${calls} calls: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${(perCall / 1024).toFixed(1)} KB a call (target < 10 KB: ${perCall < 10240 ? 'pass' : 'FAIL'})`);
console.log(`render to first row: median ${median.toFixed(2)} s of ${times.length} (${times.map((t) => t.toFixed(2)).join(', ')}) (target < 5 s: ${median < 5 ? 'pass' : 'FAIL'})`);
process.exitCode = perCall < 10240 && median < 5 ? 0 : 1;
