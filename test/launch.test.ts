// The launcher's bundle (dist/cli.cjs) and code cache (dist/cli.cache) as the build made them: V8
// takes the cache in a plain start, a cache made for another build is left alone, and the bundled
// CLI writes the same reports as the CLI's own modules.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, requireBuild, tempDir } from './support/cli.js';

/** Runs an ES module script in a plain `node` in the repository, resolving to its stdout as JSON. */
function node(script: string): unknown {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const LAUNCH = JSON.stringify(join(ROOT, 'dist', 'launch.js'));

beforeAll(() => requireBuild());

describe('the bundled CLI', () => {
  it('is compiled from its code cache in a plain start', () => {
    expect(node(`const { compileBundle } = await import(${LAUNCH}); const { buildId, cacheUsed } = compileBundle(); console.log(JSON.stringify({ buildId, cacheUsed }));`)).toEqual({ buildId: expect.stringMatching(/^[0-9a-f]{16}$/), cacheUsed: true });
  });

  it('leaves alone a cache made for another build', () => {
    const dir = tempDir('buyerside-launch-');
    const bundle = join(dir, 'cli.cjs');
    const source = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    writeFileSync(bundle, source.replace(/[0-9a-f]{16}\n$/, '0000000000000000\n'));
    copyFileSync(join(ROOT, 'dist', 'cli.cache'), join(dir, 'cli.cache'));
    const args = JSON.stringify({ bundleFile: bundle, cacheFile: join(dir, 'cli.cache') });
    expect(node(`const { compileBundle } = await import(${LAUNCH}); console.log(JSON.stringify(compileBundle(${args}).cacheUsed));`)).toBe(false);
  });

  it('writes the same reports as the modules, in every format asked', () => {
    const calls = ['demo-call-seller-pitch', 'discovery-call-buyer-led', 'renewal-call-mixed'].map((c) => join(ROOT, 'fixtures', 'calls', `${c}.txt`));
    const script = `
      const { compileBundle, runBundle } = await import(${LAUNCH});
      const modules = await import(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});
      const bundled = runBundle(compileBundle().script);
      const out = {};
      for (const [name, cli] of [['modules', modules], ['bundle', bundled]]) {
        const runs = [];
        for (const format of ['json', 'terminal', 'csv', 'sarif', 'markdown']) {
          let text = '';
          const io = { out: (t) => { text += t; }, err: (t) => { text += 'ERR ' + t; }, isTTY: false, errIsTTY: false, env: { NO_COLOR: '1' } };
          const code = await cli.main(['analyze', ...${JSON.stringify(calls)}, '--format', format, '--no-config'], io);
          runs.push({ format, code, text });
        }
        out[name] = runs;
      }
      console.log(JSON.stringify(out));`;
    const { modules, bundle } = node(script) as { modules: Array<{ text: string }>; bundle: Array<{ text: string }> };
    expect(modules.every((r) => r.text.length > 200)).toBe(true);
    expect(bundle).toEqual(modules);
  });
});
