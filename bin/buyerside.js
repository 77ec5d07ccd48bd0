#!/usr/bin/env node
// The launcher: answers --version without loading anything else, then hands over to the CLI
// (bundled and code-cached by the build when it can be: dist/launch.js).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const { loadCli } = await import('../dist/launch.js');
  await (await loadCli()).run(args);
}
