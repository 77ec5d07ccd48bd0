/**
 * Large inputs through the CLI as a process: each is analyzed or refused with a clear error within a
 * generous bound (the run is killed past it, so a hang fails instead of blocking). Times are printed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOOD, spawnCli, expectCleanStderr, requireBuild, tempDir } from '../support/cli.js';

let dir: string;
const LIMIT_MS = 180_000;

beforeAll(() => {
  requireBuild();
  dir = tempDir('buyerside-large-');
  writeFileSync(join(dir, 'good.txt'), GOOD);
});

/**
 * Either every file analyzed (exit 0), or the big one refused in one line (exit 2); the good one always
 * analyzed. The CSV report (a row per file) keeps the output small, so the time is the analysis's.
 */
function expectAnalyzedOrClearError(name: string): void {
  const run = spawnCli(['analyze', 'good.txt', name, '--format', 'csv'], { cwd: dir, timeoutMs: LIMIT_MS });
  console.log(`${name}: exit ${run.code} in ${(run.ms / 1000).toFixed(1)} s`);
  expect(run.signal, `killed after ${Math.round(run.ms)} ms`).toBeNull();
  expectCleanStderr(run);
  const status = new Map(run.stdout.trim().split(/\r?\n/).slice(1).map((row) => row.split(',') as [string, string]).map(([file, s]) => [file, s]));
  expect(status.get('good.txt')).toBe('ok');
  expect(status.size).toBe(2);
  if (run.code === 0) expect(['ok', 'not-judged']).toContain(status.get(name));
  else {
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^buyerside: ${name.replace('.', '\\.')}(:\\d+)?: .+$`, 'm'));
  }
}

describe('large inputs', () => {
  it('a single 5 MB line (one speaker, no punctuation)', { timeout: LIMIT_MS + 20_000 }, async () => {
    writeFileSync(join(dir, 'one-line.txt'), 'Dana: ' + 'we have the best platform and our team '.repeat(135_000).slice(0, 5 * 1024 * 1024));
    expectAnalyzedOrClearError('one-line.txt');
  });

  it('a million tiny turns', { timeout: LIMIT_MS + 20_000 }, async () => {
    const parts: string[] = [];
    for (let i = 0; i < 500_000; i++) parts.push('A: hi\nB: ok\n');
    writeFileSync(join(dir, 'million.txt'), parts.join(''));
    expectAnalyzedOrClearError('million.txt');
  });
});
