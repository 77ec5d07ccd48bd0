/** Headless Debian Chromium for the browser tests, driven by playwright-core: where it is, and one way to launch it. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the browser tests are skipped where it is not installed. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Headless, no sandbox (containers), and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-extensions',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Launches headless Chromium; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
