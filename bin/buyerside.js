#!/usr/bin/env node
// The launcher: answers --version without loading anything else, then hands over to the CLI, bundled
// and code-cached by the build where it could (src/launch.ts, as dist/launch.cjs). CommonJS (see
// bin/package.json): an ES module entry cost every start the ES loader's set-up (#12).
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version + '\n');
} else {
  const launcher = join(__dirname, '..', 'dist', 'launch.cjs');
  // Without the bundle (a build by tsc alone), the CLI's own modules.
  const cli = existsSync(launcher) ? require(launcher).loadCli() : import('../dist/cli.js');
  cli.then((c) => c.run(args));
}
