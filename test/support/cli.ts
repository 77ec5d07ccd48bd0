/**
 * Helpers for CLI tests: `cli` runs main() in this process (the default: fast), `spawnCli` the built
 * CLI as a process (for what only a process shows: standard input, worker threads, signals, the
 * launcher); assertions on a run's report and standard error; temp folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli.js';
import type { CallReport, InputError, Report } from '../../src/types.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'buyerside.js');
export const FIXTURES = join(ROOT, 'fixtures');
export const BAD_FIXTURES = join(FIXTURES, 'bad');
export const CONVERSATION = join(FIXTURES, 'formats', 'conversation.txt');

/** Throws unless `npm run build` has produced dist/ (a spawned CLI runs the built code). */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'dist', 'batch', 'worker.js'))) {
    throw new Error('dist/ is missing or stale: run `npm run build` before these tests');
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
  ms: number;
}

export interface RunOptions {
  /** The working folder (default: the repository). */
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * Runs the CLI's main() in this process, in `cwd`, with a capturing Io (not a terminal, NO_COLOR
 * set unless `env` says otherwise). Batches run in this thread: the workers are built code, which
 * only `spawnCli` reaches.
 */
export async function cli(args: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const cwd = options.cwd ?? ROOT;
  const before = process.cwd();
  const t0 = performance.now();
  process.chdir(cwd);
  try {
    const code = await main(args, {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
      isTTY: false,
      errIsTTY: false,
      env: { NO_COLOR: '1', ...options.env },
      cwd,
    });
    return { code, stdout, stderr, signal: null, ms: performance.now() - t0 };
  } finally {
    process.chdir(before);
  }
}

/** Runs `node bin/buyerside.js ...args` as a process; a run past `timeoutMs` is killed (so a hang fails, not blocks). */
export function spawnCli(args: string[], options: RunOptions & { input?: string | Buffer; timeoutMs?: number } = {}): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', signal: r.signal, ms: performance.now() - t0 };
}

/** The JSON report of a run; fails with the run's stderr when stdout is not JSON. */
export function report(run: Run): Report {
  expect(run.signal, `the CLI was killed (hang?) after ${Math.round(run.ms)} ms; stderr: ${run.stderr.slice(0, 500)}`).toBeNull();
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`stdout is not a JSON report (exit ${run.code}); stderr: ${run.stderr.slice(0, 1000)}`);
  }
}

/** No stack trace anywhere, and every stderr line is one `buyerside: ...` line. */
export function expectCleanStderr(run: Run): void {
  expect(run.stderr).not.toContain('    at ');
  expect(run.stdout).not.toContain('    at ');
  for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^buyerside: /);
}

/** The error for `file` in the report, and its one stderr line naming the file (and line, when known). */
export function expectInputError(run: Run, r: Report, file: string, code?: string | RegExp): InputError {
  const err = r.errors.find((e) => e.file === file);
  expect(err, `an error for ${file} in ${JSON.stringify(r.errors)}`).toBeDefined();
  if (code) expect(err!.code).toMatch(code);
  expect(err!.message).not.toMatch(/[\r\n]/);
  const where = err!.line ? `${file}:${err!.line}: ` : `${file}: `;
  const lines = run.stderr.split('\n').filter((l) => l.startsWith(`buyerside: ${where}`));
  expect(lines, `one stderr line for ${where} in:\n${run.stderr}`).toHaveLength(1);
  return err!;
}

export function expectCall(r: Report, file: string): CallReport {
  const call = r.calls.find((c) => c.file === file);
  expect(call, `a call for ${file} in ${JSON.stringify(r.calls.map((c) => c.file))}`).toBeDefined();
  return call!;
}

const made: string[] = [];

/** Removes the temp folders made so far; test/support/setup.ts calls it after each test file. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'buyerside-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A short, good conversation that must be analyzed alongside every bad input. */
export const GOOD = [
  'Dana: Hi Lee, thanks for making the time today.',
  'Lee: Sure, happy to chat.',
  'Dana: What got you looking at new scheduling tools this spring?',
  'Lee: Our front desk spends two hours a day on the phone moving appointments around.',
  'Dana: Our platform was named a leader three years running.',
].join('\n') + '\n';
