#!/usr/bin/env node
/**
 * `node bench/dashboard.mjs [--calls 2000] [--runs 3]`: how big the batch HTML dashboard is and how long Chromium
 * takes to show it. N real call lines (the three fixture calls, ~40 findings each on average, under their own
 * paths) are merged to HTML; the time is from navigation to the first drawn row of the calls table.
 * Targets (targets.mjs): under 10 KB a call, and under 5 s for 2,000 calls.
 */
import { mkdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DASHBOARD_TARGET, dashboardPass } from './targets.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIVE_CLI = join(ROOT, 'bin', 'buyerside.js');

/** Builds the page and opens it `runs` times; resolves with its size and the render times (median first). */
export async function measureDashboard({ cli = LIVE_CLI, calls = 2000, runs = 3, dir = join(ROOT, 'bench', 'out', 'dashboard') } = {}) {
  // Loaded here: playwright-core is a devDependency the other bench groups do not need.
  const { chromium } = await import('playwright-core');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fixtures = ['demo-call-seller-pitch.txt', 'discovery-call-buyer-led.txt', 'renewal-call-mixed.txt'].map((f) => join(ROOT, 'fixtures', 'calls', f));
  const lines = spawnSync(process.execPath, [cli, 'analyze', ...fixtures, '-f', 'ndjson'], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const shard = join(dir, 'calls.ndjson');
  writeFileSync(shard, Array.from({ length: calls }, (_, i) => JSON.stringify({ ...lines[i % 3], file: `calls/rep-${i % 17}/call-${String(i).padStart(6, '0')}.txt` })).join('\n') + '\n');
  const page = join(dir, 'report.html');
  const merged = spawnSync(process.execPath, [cli, 'merge', shard, '-f', 'html', '-o', page], { encoding: 'utf8' });
  if (merged.status !== 0) throw new Error(`merge -f html exited ${merged.status}: ${merged.stderr.slice(0, 300)}`);
  const bytes = statSync(page).size;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const times = [];
  try {
    for (let r = 0; r < runs; r++) {
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
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { calls, mb: bytes / 1024 / 1024, kbPerCall: bytes / calls / 1024, renderS: times[Math.floor(times.length / 2)], times };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: opt } = parseArgs({ options: { calls: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } });
  const r = await measureDashboard({ calls: Number(opt.calls), runs: Number(opt.runs) });
  console.log(`${r.calls} calls: ${r.mb.toFixed(1)} MB, ${r.kbPerCall.toFixed(1)} KB a call (target < ${DASHBOARD_TARGET.kbPerCall} KB: ${r.kbPerCall < DASHBOARD_TARGET.kbPerCall ? 'pass' : 'FAIL'})`);
  console.log(`render to first row: median ${r.renderS.toFixed(2)} s of ${r.times.length} (${r.times.map((t) => t.toFixed(2)).join(', ')}) (target < ${DASHBOARD_TARGET.renderS} s: ${r.renderS < DASHBOARD_TARGET.renderS ? 'pass' : 'FAIL'})`);
  process.exitCode = dashboardPass(r) ? 0 : 1;
}
