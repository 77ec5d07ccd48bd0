/** Copies the built CLI (bin, dist, rules, package.json) aside, so a rebuild during the bench cannot change what is measured. */
import { cpSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PARTS = ['bin', 'dist', 'rules', 'package.json'];

/**
 * Copies the CLI from `root` into `dest` and checks that the copy analyzes `smokeFiles` as JSON;
 * retries a few times, since others may be halfway through `npm run build`.
 * Modules still resolve from root's node_modules, which is an ancestor folder of `dest`.
 * @param {{ root: string, dest: string, smokeFiles: string[], tries?: number }} options
 * @returns {Promise<{ cli: string, ok: boolean, problem?: string }>}
 */
export async function snapshotCli({ root, dest, smokeFiles, tries = 6 }) {
  let problem = '';
  for (let i = 0; i < tries; i++) {
    if (i > 0) await sleep(20_000);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    const missing = PARTS.filter((p) => !existsSync(join(root, p)));
    if (missing.includes('bin') || missing.includes('dist')) {
      problem = `not built: ${missing.join(', ')} missing`;
      continue;
    }
    for (const part of PARTS) if (existsSync(join(root, part))) cpSync(join(root, part), join(dest, part), { recursive: true });
    const cli = join(dest, 'bin', 'buyerside.js');
    const r = spawnSync(process.execPath, [cli, 'analyze', ...smokeFiles, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
    try {
      if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr.slice(0, 300).trim()}`);
      const doc = JSON.parse(r.stdout);
      if (!Array.isArray(doc.calls) || doc.calls.length !== smokeFiles.length) throw new Error('the smoke test did not report every file');
      return { cli, ok: true };
    } catch (e) {
      problem = e.message;
      process.stderr.write(`  snapshot: the copied CLI failed its smoke test (${problem}); retrying in 20 s\n`);
    }
  }
  return { cli: join(dest, 'bin', 'buyerside.js'), ok: false, problem };
}
