// Fuzzing signals on the output side (issue #13): SIGINT, SIGTERM or SIGHUP at a random moment of a
// run writing with -o or --out-dir. Whatever the moment: the exit code is the signal's (or 0 when the
// run finished first), no temp file is left, and every report on disk is complete, never partial:
// an -o target holds either its previous content or the whole report.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN, CONVERSATION, ROOT, tempDir } from '../support/cli.js';

const EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const CALLS = 60;

function inputs(): string {
  const dir = tempDir();
  for (let i = 0; i < CALLS; i++) copyFileSync(CONVERSATION, join(dir, `call-${String(i).padStart(2, '0')}.txt`));
  return dir;
}

describe('signals at random moments', () => {
  const dir = inputs();
  // The whole report, from a run left alone.
  const complete = spawnSync(process.execPath, [BIN, 'analyze', dir, '-f', 'ndjson', '--jobs', '1'], { cwd: ROOT, encoding: 'utf8' }).stdout;

  it('never leaves a partial report or a temp file', async () => {
    expect(complete.trim().split("\n").length).toBeGreaterThanOrEqual(CALLS); // a line a call (and the summary, where the format has one)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('SIGINT', 'SIGTERM', 'SIGHUP'), fc.integer({ min: 0, max: 1500 }), fc.boolean(), async (signal, delayMs, toDir) => {
        const out = tempDir();
        const target = join(out, 'report.ndjson');
        const before = 'previous report\n';
        if (!toDir) writeFileSync(target, before);
        const args = toDir ? ['analyze', dir, '-f', 'json', '--out-dir', join(out, 'reports'), '--jobs', '1'] : ['analyze', dir, '-f', 'ndjson', '-o', target, '--jobs', '1'];
        const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore' });
        const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
        await new Promise((r) => setTimeout(r, delayMs));
        child.kill(signal);
        const code = await exited;
        // null: the signal came before Node had started the CLI (the default action ended it), so
        // nothing was written yet; the checks on disk below hold for it too.
        expect([0, EXIT[signal], null]).toContain(code);
        if (toDir) {
          const written = readdirSync(out).includes('reports') ? readdirSync(join(out, 'reports')) : [];
          for (const name of written) {
            // Reports are named after the flattened input path; temp files are `.buyerside-*.tmp`.
            expect(name, 'a report, not a temp file').toMatch(/call-\d\d\.txt\.json$/);
            expect(name).not.toMatch(/\.tmp$/);
            expect(() => JSON.parse(readFileSync(join(out, 'reports', name), 'utf8'))).not.toThrow();
          }
          if (code === 0) expect(written).toHaveLength(CALLS);
        } else {
          expect(readdirSync(out)).toEqual(['report.ndjson']);
          const now = readFileSync(target, 'utf8');
          expect([before, complete]).toContain(now);
          if (code === 0) expect(now).toBe(complete);
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
