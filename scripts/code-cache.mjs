// Build step: makes V8's code cache for the bundled CLI (dist/cli.cache). It runs the CLI in this
// process on a few typical commands, so that the functions a start and an analysis need are compiled,
// then saves the compiled code: a start reads it instead of compiling (src/launch.ts). The cache fits
// only this Node version and default V8 flags; elsewhere V8 ignores it and compiles as usual.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BUNDLE_FILE, CACHE_FILE, compileBundle, runBundle } from '../dist/launch.js';

if (process.execArgv.length > 0 || process.env.NODE_OPTIONS) {
  console.error(`code cache not made: node runs with flags (${[...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim()}), which a plain start would not share`);
  process.exit(0);
}
const { script, buildId } = compileBundle({ cache: false });
if (!buildId) throw new Error(`${BUNDLE_FILE}: no build line; run scripts/bundle-cli.mjs first`);
const cli = runBundle(script);
const scratch = mkdtempSync(join(tmpdir(), 'buyerside-code-cache-'));
const three = join(scratch, 'three-line.txt');
writeFileSync(three, 'Seller: Hi, thanks for taking the time today.\nBuyer: Sure, what did you want to show me?\nSeller: Our platform is the best on the market.\n');
const io = { out: () => {}, err: () => {}, isTTY: false, errIsTTY: false, env: { NO_COLOR: '1' }, cwd: scratch };
try {
  for (const argv of [
    ['analyze', three, '--format', 'json', '--no-config'],
    ['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', '--no-config'],
    ['rules'],
  ]) {
    const code = await cli.main(argv, io);
    if (code !== 0 && code !== 1) throw new Error(`buyerside ${argv.join(' ')} exited ${code} while making the code cache`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const data = script.createCachedData();
writeFileSync(CACHE_FILE, Buffer.concat([Buffer.from(buildId, 'latin1'), data]));
console.error(`made the code cache ${relative('.', CACHE_FILE)} (${Math.round(data.length / 1024)} KB)`);
