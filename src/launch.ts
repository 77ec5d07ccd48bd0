/**
 * How bin/buyerside.js loads the CLI fast. The build bundles the CLI into one script (dist/cli.cjs,
 * scripts/bundle-cli.mjs) and keeps V8's code cache for it (dist/cli.cache, scripts/code-cache.mjs),
 * so that a start reads two files and compiles next to nothing, where it used to resolve, read and
 * compile some 150 modules and then compile each function on its first call (#12; Node 20 has no
 * compile cache for ES modules). Without the bundle (a build by tsc alone) the modules are imported
 * as they are; a cache that does not fit (another Node version, other V8 flags) is ignored by V8.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export type Cli = typeof import('./cli.js');

export const BUNDLE_FILE = fileURLToPath(new URL('./cli.cjs', import.meta.url));
export const CACHE_FILE = fileURLToPath(new URL('./cli.cache', import.meta.url));

/** The bundle's last line names its build; the cache file starts with the same name. */
const BUILD_LINE = /\n\/\/ buyerside build ([0-9a-f]{16})\n$/;
export const BUILD_ID_BYTES = 16;

/** The line scripts/bundle-cli.mjs ends the bundle with. */
export function buildLine(id: string): string {
  return `\n// buyerside build ${id}\n`;
}

/**
 * The bundle compiled as a CommonJS module body, with the code cache when there is one made for this
 * very bundle (V8 checks the rest: its version, its flags, the source's length).
 */
export function compileBundle(options: { cache?: boolean; bundleFile?: string; cacheFile?: string } = {}): { script: vm.Script; buildId: string; cacheUsed: boolean } {
  const { bundleFile = BUNDLE_FILE, cacheFile = CACHE_FILE } = options;
  const source = readFileSync(bundleFile, 'utf8');
  const buildId = BUILD_LINE.exec(source.slice(-64))?.[1] ?? '';
  let cachedData: Buffer | undefined;
  if (options.cache !== false && buildId && existsSync(cacheFile)) {
    const file = readFileSync(cacheFile);
    if (file.subarray(0, BUILD_ID_BYTES).toString('latin1') === buildId) cachedData = file.subarray(BUILD_ID_BYTES);
  }
  // The same wrapper Node puts around a CommonJS module, so the bundle sees require and __dirname.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundleFile, ...(cachedData ? { cachedData } : {}) });
  return { script, buildId, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** Runs a compiled bundle's body once; its exports are the CLI's (src/cli.ts). */
export function runBundle(script: vm.Script): Cli {
  const module = { exports: {} as Cli };
  const body = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  body(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, dirname(BUNDLE_FILE));
  return module.exports;
}

/** The CLI: from the bundle when the build made one, else from its modules. */
export async function loadCli(): Promise<Cli> {
  if (!existsSync(BUNDLE_FILE)) return import('./cli.js');
  return runBundle(compileBundle().script);
}
