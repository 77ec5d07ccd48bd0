/** Opens the sample HTML report in headless Debian Chromium: charts and tables render, hostile transcript text never runs. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatStaticHtml as formatHtml } from '../../src/format/html.js';
import { sampleReport } from './sample-report.js';
import { HAVE_CHROMIUM, launchChromium } from '../support/chromium.js';

const TMP = join(dirname(fileURLToPath(import.meta.url)), '..', '.tmp');

describe.skipIf(!HAVE_CHROMIUM)('HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(TMP, { recursive: true });
    const file = join(TMP, 'report.html');
    writeFileSync(file, formatHtml(sampleReport, { color: false }));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the charts', async () => {
    for (const selector of ['svg.histogram', 'svg.reps', 'svg.timeline', 'svg.journey']) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(true);
    }
    expect(await page.locator('svg.timeline').count()).toBe(2);
    expect(await page.locator('svg.histogram rect').count()).toBe(5);
  });

  it('shows the tables', async () => {
    for (const selector of ['table.summary', 'table.reps', 'table.components', 'table.findings', 'table.steps']) {
      await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(true);
    }
    expect(await page.locator('table.summary tbody tr').count()).toBe(2);
    expect(await page.locator('section.failed li').count()).toBe(2);
  });

  it('renders hostile transcript text as text and runs none of it', async () => {
    // The page's global object; typed loosely because the tests compile without the DOM library.
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    const text = await page.locator('table.findings').last().innerText();
    expect(text).toContain('<script>window.__pwned=1;alert(1)</script>');
    expect(text).toContain('"><img src=x onerror="window.__pwned=2;alert(2)">');
    expect(await page.locator('table.findings mark', { hasText: 'we offer' }).count()).toBe(1);
    expect(await page.locator('ul.quotes mark', { hasText: 'we offer' }).count()).toBeGreaterThan(0); // the habit's quote, above the table
  });

  it('loads nothing from the network', () => {
    expect(requests).toEqual([]);
  });

  it('takes a screenshot', async () => {
    const path = join(TMP, 'html-report.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
