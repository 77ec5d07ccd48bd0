/** Helpers for CLI tests: run the built CLI as a process, or main() in-process, and make temp folders. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { main, type Io } from '../../src/cli.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(ROOT, 'bin', 'buyerside.js');
export const FIXTURES = join(ROOT, 'fixtures');

/** Throws unless `npm run build` has produced dist/ (the spawned CLI runs the built code). */
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
}

/** Runs `node bin/buyerside.js ...args` with NO_COLOR set and stderr/stdout piped (so not TTYs). */
export function cli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Runs main() in this process with a capturing Io. */
export async function runMain(argv: string[], io: Partial<Io> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    isTTY: false,
    errIsTTY: false,
    env: { NO_COLOR: '1' },
    ...io,
  });
  return { code, stdout, stderr, signal: null };
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'buyerside-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const CONVERSATION = join(FIXTURES, 'formats', 'conversation.txt');
