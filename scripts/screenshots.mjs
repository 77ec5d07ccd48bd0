#!/usr/bin/env node
/**
 * `node scripts/screenshots.mjs`: the README's screenshots, taken in Debian's Chromium by playwright-core:
 * the batch dashboard of the fixture calls, and the trends of a three-week history of renamed fixture calls.
 * Writes docs/images/dashboard.png, dashboard-calls.png (a call opened) and trend.png.
 */
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'buyerside.js');
const OUT = join(ROOT, 'docs', 'images');
const work = mkdtempSync(join(tmpdir(), 'shots-'));
const run = (args, cwd = ROOT) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 2) throw new Error(`buyerside ${args.join(' ')}: ${r.stderr}`);
  return r;
};

// The dashboard: the fixture calls and the unseen ones, as a coach would score a folder.
run(['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', 'fixtures/calls/discovery-call-buyer-led.txt', 'fixtures/calls/renewal-call-mixed.txt', 'fixtures/unseen', '-f', 'html', '-o', join(work, 'dashboard.html')]);

// A history: three reps over three weeks, each week's calls the fixtures with the seller renamed.
const fixture = (name) => readFileSync(join(ROOT, 'fixtures', 'calls', name), 'utf8');
const as = (name, seller, rep) => fixture(name).replaceAll(`${seller}:`, `${rep}:`).replaceAll(`${seller} from`, `${rep} from`);
const DEMO = ['demo-call-seller-pitch.txt', 'Trevor'];
const MIXED = ['renewal-call-mixed.txt', 'Marcus'];
const LED = ['discovery-call-buyer-led.txt', 'Dana'];
const plan = { Sam: [DEMO, MIXED, LED], Kim: [LED, MIXED, DEMO], Ana: [MIXED, MIXED, LED] };
const weeks = ['2026-11-02', '2026-11-09', '2026-11-16'];
const db = join(work, 'team.sqlite');
weeks.forEach((date, w) => {
  const files = Object.entries(plan).map(([rep, calls]) => {
    const [name, seller] = calls[w];
    const file = `${rep.toLowerCase()}-week-${w + 1}.txt`;
    // A closing line of its own makes each call distinct: the history would count an identical transcript once.
    writeFileSync(join(work, file), `${as(name, seller, rep)}\n${rep}: Thanks again, talk soon (week ${w + 1}).\n`);
    return file;
  });
  run(['analyze', ...files, '--history', db, '--date', date, '-f', 'json'], work);
});
run(['history', db, '-f', 'html', '-o', join(work, 'trends.html')], work);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  await page.goto(pathToFileURL(join(work, 'dashboard.html')).href, { waitUntil: 'load' });
  await page.locator('#call-rows tr').first().waitFor();
  await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: false });
  await page.locator('#filter').fill('renewal');
  await page.locator('#call-rows a[href^="#call="]').first().click();
  await page.locator('#detail table.findings').waitFor();
  await page.setViewportSize({ width: 1100, height: 1300 });
  await page.evaluate(() => globalThis.document.getElementById('calls').scrollIntoView());
  await page.screenshot({ path: join(OUT, 'dashboard-calls.png'), fullPage: false });
  await page.goto(pathToFileURL(join(work, 'trends.html')).href, { waitUntil: 'load' });
  await page.setViewportSize({ width: 760, height: 1000 });
  await page.screenshot({ path: join(OUT, 'trend.png'), fullPage: false });
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log('wrote docs/images/dashboard.png, dashboard-calls.png and trend.png');
