#!/usr/bin/env node
/**
 * Checks that buyerside's output has not changed: runs the CLI over a fixed set of inputs (fixtures/,
 * bench-generated calls, and ../shared/corpus when present) in json, terminal and csv, one worker and
 * two, and compares stdout, stderr and exit code byte for byte with a baseline saved earlier.
 *
 *   node bench/same-output.mjs --save    # capture the baseline (run it on the commit to compare with)
 *   node bench/same-output.mjs           # compare; exits 1 and names each difference
 *   node bench/same-output.mjs --save --cli ../main-copy/bin/buyerside.js --dir bench/out/same-output/main
 *
 * Speed work must not change a report, so this runs after every optimisation.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBatch } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out', 'same-output');
const SHARED = resolve(ROOT, '..', 'shared', 'corpus');

const { values: opt } = parseArgs({
  options: { save: { type: 'boolean', default: false }, dir: { type: 'string' }, cli: { type: 'string' } },
});
// --cli: another build's bin/buyerside.js (say, main's in a scratch copy), run on the same inputs from here.
const CLI = resolve(opt.cli ?? join(ROOT, 'bin', 'buyerside.js'));
const baselineDir = resolve(opt.dir ?? join(OUT, 'baseline'));

/** Every file under `dir`, sorted, as paths relative to ROOT (so the report names them the same on every run). */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(ROOT, p));
    }
  };
  walk(dir);
  return out;
}

function inputSets() {
  const sets = [];
  // Transcripts only: the rule pack example and CSV label tables are not calls; expected outputs are text.
  const fixtureFiles = filesUnder(join(ROOT, 'fixtures')).filter((f) => !f.startsWith('fixtures/rule-pack-example') && !f.endsWith('.expected.txt') && !/utterances\.csv$|sentences\.csv$|sentence-judgements\.csv$|README\.md$/.test(f));
  sets.push({ name: 'fixtures', files: fixtureFiles });
  const gen = writeBatch({ calls: 40, words: 9000, seed: 1234, out: join(ROOT, 'bench', 'corpus', 'same-output-40') });
  sets.push({ name: 'generated', files: gen.files.map((f) => relative(ROOT, join(gen.dir, f.file))) });
  if (existsSync(SHARED)) sets.push({ name: 'shared-corpus', files: filesUnder(SHARED) });
  return sets;
}

function cases() {
  const list = [];
  for (const set of inputSets()) {
    for (const format of ['json', 'terminal', 'csv']) {
      list.push({ id: `${set.name}.${format}.jobs1`, args: ['analyze', ...set.files, '-f', format, '--jobs', '1'] });
    }
    // Worker threads hand results back: their path must give the same report.
    list.push({ id: `${set.name}.json.jobs2`, args: ['analyze', ...set.files, '-f', 'json', '--jobs', '2'] });
  }
  // One call alone (a single report, not a batch) and the rules listing.
  for (const f of filesUnder(join(ROOT, 'fixtures', 'calls')).filter((f) => !f.endsWith('.expected.txt'))) {
    list.push({ id: `single.${f.split('/').pop()}.terminal`, args: ['analyze', f, '-f', 'terminal'] });
    list.push({ id: `single.${f.split('/').pop()}.json`, args: ['analyze', f, '-f', 'json'] });
  }
  list.push({ id: 'rules.terminal', args: ['rules'] });
  list.push({ id: 'rules.custom', args: ['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', '-f', 'json', '--rules', 'fixtures/rule-pack-example'] });
  return list;
}

function runCase(c) {
  const flags = c.args[0] === 'analyze' ? ['--no-config', '--no-progress', '--no-color'] : [];
  const r = spawnSync(process.execPath, [CLI, ...c.args, ...flags], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return `exit ${r.status}\n--- stderr\n${r.stderr}\n--- stdout\n${r.stdout}`;
}

if (!existsSync(CLI)) {
  console.error('same-output: bin/buyerside.js missing; run `npm run build` first');
  process.exit(2);
}
mkdirSync(baselineDir, { recursive: true });
let differ = 0;
const all = cases();
for (const c of all) {
  const got = runCase(c);
  const file = join(baselineDir, `${c.id}.txt`);
  if (opt.save) {
    writeFileSync(file, got);
    continue;
  }
  if (!existsSync(file)) {
    console.error(`same-output: no baseline for ${c.id} (run with --save on the commit to compare with)`);
    differ++;
    continue;
  }
  const want = readFileSync(file, 'utf8');
  if (got === want) continue;
  differ++;
  writeFileSync(join(OUT, `${c.id}.got.txt`), got);
  const a = want.split('\n');
  const b = got.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.error(`DIFFERENT ${c.id} at line ${i + 1}:\n  want: ${(a[i] ?? '<end>').slice(0, 200)}\n  got:  ${(b[i] ?? '<end>').slice(0, 200)}`);
}
if (opt.save) console.log(`same-output: saved ${all.length} baselines in ${relative(ROOT, baselineDir)}`);
else console.log(differ ? `same-output: ${differ} of ${all.length} outputs differ` : `same-output: all ${all.length} outputs identical`);
process.exit(differ ? 1 : 0);
