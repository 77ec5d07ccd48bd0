// The library's example in the README runs as written (importing the package by its name, through
// package.json's exports) and prints what the README says it prints.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import * as library from '../src/index.js';
import { requireBuild, ROOT } from './support/cli.js';

it("runs the README's library example and prints its output", () => {
  requireBuild();
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /## Library\n([\s\S]*?)\n## /.exec(readme)![1]!;
  const [, code, output] = /```js\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section)!;
  expect(code).toContain("from 'buyerside'");
  // Inside the repository, Node resolves the package's own name to its exports (dist/index.js).
  const dir = join(ROOT, 'test', '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `readme-example-${process.pid}.mjs`);
  writeFileSync(file, code!);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: ROOT });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(output);
});

it('exports the analysis, the report, the formatters and the errors, and nothing that prints or exits', () => {
  for (const name of ['analyze', 'analyzeTranscript', 'analyzeFile', 'parseBytes', 'loadRules', 'compileRules', 'createReport', 'summarize', 'checkGates', 'FORMATTERS', 'KINDS', 'InputProblem']) {
    expect(library, name).toHaveProperty(name);
  }
  expect(library).not.toHaveProperty('main');
  expect(library).not.toHaveProperty('run');
});
