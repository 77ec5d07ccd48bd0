// Build step: bundles the compiled CLI (dist/cli.js and every module it reaches, the packages it
// imports included) into one CommonJS script, dist/cli.cjs, that src/launch.ts compiles with V8's
// code cache (scripts/code-cache.mjs makes it): a cold start then reads one file instead of some 150
// (#12). The library (dist/index.js) and the batch worker (dist/batch/worker.js) stay as tsc wrote them.
// The launcher (src/launch.ts) is written as CommonJS too, dist/launch.cjs.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { rolldown } from 'rolldown';
import { BUNDLE_FILE, CACHE_FILE, buildLine } from '../dist/launch.js';

const DIST = resolve('dist');
const require = createRequire(import.meta.url);
const COMMONJS_BUILDS = ['fdir'];
// A stale cache must never meet a new bundle: it goes first, and code-cache.mjs makes the new one.
rmSync(CACHE_FILE, { force: true });

const bundle = await rolldown({
  input: 'dist/cli.js',
  platform: 'node',
  plugins: [
    {
      // fdir's ES build loads picomatch with a require made at run time, which a bundle cannot hold
      // (picomatch's six files were then read and compiled at every start); its CommonJS build
      // requires it plainly.
      name: 'commonjs-builds',
      resolveId(source) {
        return COMMONJS_BUILDS.includes(source) ? require.resolve(source) : null;
      },
    },
    {
      // Each module finds its data files (models, rules, package.json) and its worker beside its own
      // file in dist/, so import.meta.url keeps naming that file rather than the bundle.
      name: 'module-urls',
      transform(code, id) {
        if (!id.startsWith(DIST + sep) || !code.includes('import.meta.url')) return null;
        const rel = relative(DIST, id).split(sep).join('/');
        return code.replaceAll('import.meta.url', `__buyersideModuleUrl(${JSON.stringify(rel)})`);
      },
    },
  ],
});
await bundle.write({
  file: BUNDLE_FILE,
  format: 'cjs',
  codeSplitting: false,
  // Strict, as the ES modules it is made of were; the helper sits outside every module's scope, so
  // that a module's own `require` (made with createRequire) cannot shadow Node's.
  banner: '"use strict";\nfunction __buyersideModuleUrl(rel) { return require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href; }',
});
await bundle.close();
const code = readFileSync(BUNDLE_FILE, 'utf8');
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync(BUNDLE_FILE, code + buildLine(id));
console.error(`bundled the CLI into ${relative('.', BUNDLE_FILE)} (${Math.round(code.length / 1024)} KB, build ${id})`);

// The launcher itself as CommonJS (dist/launch.cjs) for bin/buyerside.js, which is CommonJS too:
// an ES module on the way in cost a start the ES loader's set-up and an uncached compile (#12).
const launcher = await rolldown({ input: 'dist/launch.js', platform: 'node', external: ['./cli.js'] });
await launcher.write({ file: 'dist/launch.cjs', format: 'cjs', codeSplitting: false, banner: '"use strict";' });
await launcher.close();
