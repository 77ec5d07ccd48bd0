#!/usr/bin/env node
/** `npm run bench`: times buyerside, write-good and alex as whole processes on a generated corpus and prints a Markdown table. */
import { existsSync, mkdirSync, writeFileSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem, loadavg } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, hasGnuTime, memoryMethod } from './measure.mjs';
import { validateJson, validateNdjson } from './validate.mjs';
import { writeBatch, writeSingles, CORPUS_DIR } from './generate.mjs';
import { renderMarkdown } from './table.mjs';
import { targets, MERGE_TARGET_MB, DASHBOARD_TARGET, dashboardPass } from './targets.mjs';
import { measureMerge } from './merge.mjs';
import { measureDashboard } from './dashboard.mjs';
import { snapshotCli } from './snapshot.mjs';
import { measureLsp } from './lsp.mjs';
import { measureContext } from './context.mjs';
import { measureHostile } from './hostile.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const SCRATCH = join(OUT, 'tmp');
const LIVE_CLI = join(ROOT, 'bin', 'buyerside.js');
let CLI = LIVE_CLI;
const NODE = process.execPath;

const USAGE = `usage: npm run bench -- [--quick] [--full] [--calls N] [--tool-files N] [--reps N] [--seed N] [--only a,b]
  --quick        3 runs of the small workloads, 1 run of a 200-call batch, tools on 20 files
  --full         also the 5,000-call batch (minutes), to show memory does not grow with batch size
  --calls N      batch size (default 1000; 200 with --quick)
  --tool-files N files given to write-good and alex, every k-th of the batch (default 100; 20 with --quick)
  --only LIST    comma list of groups: startup, single, batch, tools, lsp, eval, merge, dashboard, context, hostile (default all)
  --live         run bin/buyerside.js in place instead of a copy taken at the start (bench/out/cli-snapshot)`;

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    calls: { type: 'string' },
    'tool-files': { type: 'string' },
    reps: { type: 'string' },
    seed: { type: 'string', default: '20250101' },
    only: { type: 'string', default: 'startup,single,batch,tools,lsp,eval,merge,dashboard,context,hostile' },
    live: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}

const groups = new Set(opt.only.split(','));
const seed = Number(opt.seed) >>> 0;
const smallReps = Number(opt.reps ?? (opt.quick ? 3 : 5));
const batchReps = Number(opt.reps ?? (opt.quick ? 1 : 3));
const batchCalls = Number(opt.calls ?? (opt.quick ? 200 : 1000));
const toolFiles = Number(opt['tool-files'] ?? (opt.quick ? 20 : 100));
const haveCli = existsSync(LIVE_CLI);
const failures = [];
const results = [];
const notes = [];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (msg) => process.stderr.write(`${msg}\n`);

/**
 * Runs one workload `reps` times; checks exit codes and (optionally) validates the output of each run.
 * @param {{ id: string, label: string, args: string[], cmd?: string, words?: number, reps: number, okExit?: (code: number) => boolean, validate?: (path: string) => Promise<object>|object, env?: object, buyerside?: boolean }} w
 */
async function run(w) {
  mkdirSync(SCRATCH, { recursive: true });
  const runs = [];
  let validation;
  for (let i = 0; i < w.reps; i++) {
    const stdout = join(SCRATCH, `${w.id}-${i}.out`);
    const stderr = join(SCRATCH, `${w.id}-${i}.err`);
    const m = await measure({ cmd: w.cmd ?? NODE, args: w.args, cwd: ROOT, stdout, stderr, env: w.env });
    log(`  ${w.id} #${i + 1}: ${m.wallS.toFixed(3)} s (cpu ${m.cpuS?.toFixed(2) ?? '?'} s), ${m.peakMB?.toFixed(0) ?? '?'} MB, exit ${m.exitCode ?? m.signal}`);
    const okExit = w.okExit ?? ((c) => c === 0);
    let problem;
    if (m.exitCode === null || !okExit(m.exitCode)) {
      problem = `exit ${m.exitCode ?? m.signal}: ${readFileSync(stderr, 'utf8').slice(0, 400).trim()}`;
    } else if (w.validate) {
      validation = await w.validate(stdout);
      if (!validation.ok) problem = `invalid output: ${validation.problems.join('; ')}`;
    }
    rmSync(stdout, { force: true });
    rmSync(stderr, { force: true });
    runs.push({ ...m, ok: !problem });
    if (problem) {
      (w.buyerside === false ? notes : failures).push(`${w.label}: ${problem}`);
      log(`  ${w.id}: ${problem}`);
      break;
    }
  }
  // A failed run's numbers say nothing about speed: only runs that passed count.
  const good = runs.filter((r) => r.ok);
  const medianS = good.length ? median(good.map((r) => r.wallS)) : null;
  const peaks = good.map((r) => r.peakMB).filter((p) => p !== null);
  const row = {
    id: w.id,
    label: w.label,
    words: w.words ?? 0,
    reps: good.length,
    failed: runs.length - good.length,
    medianS,
    wordsPerS: w.words && medianS ? w.words / medianS : null,
    peakMB: peaks.length ? Math.max(...peaks) : null,
    cpuS: good.every((r) => r.cpuS !== null) && good.length ? median(good.map((r) => r.cpuS)) : null,
    runs,
    validation,
    sellerWords: validation?.sellerWords,
  };
  results.push(row);
  return row;
}

/** Picks every k-th file so that the subset keeps the batch's mix of prose and speech-to-text calls. */
function stride(files, n) {
  const step = Math.max(1, Math.floor(files.length / n));
  return files.filter((_, i) => i % step === 0).slice(0, n);
}

async function main() {
  if (haveCli && !opt.live) {
    const fixtures = join(ROOT, 'fixtures', 'calls');
    const smoke = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt')).map((f) => join(fixtures, f)) : [];
    const snap = await snapshotCli({ root: ROOT, dest: join(OUT, 'cli-snapshot'), smokeFiles: smoke.length ? smoke : [join(ROOT, 'package.json')] });
    CLI = snap.cli;
    if (!snap.ok) {
      console.error(`bench: the CLI does not work yet (${snap.problem}); try again after \`npm run build\`.`);
      process.exit(2);
    }
    notes.push('buyerside ran from a copy of bin/, dist/ and rules/ taken at the start (bench/out/cli-snapshot), so rebuilds during the run do not change it; `--live` runs it in place.');
  }
  const machine = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cores: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    node: process.version,
    memGB: (totalmem() / 2 ** 30).toFixed(0),
    buyerside: haveCli ? spawnSync(NODE, [CLI, '--version'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'unknown' : null,
    gnuTime: hasGnuTime,
    loadBefore: loadavg()[0],
  };
  log(`bench: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; generating corpus in ${CORPUS_DIR}`);
  if (!haveCli) notes.push('bin/buyerside.js not found: buyerside workloads were skipped (run `npm run build`).');
  const singles = writeSingles({ seed, out: join(CORPUS_DIR, 'singles') });
  const wantBatch = groups.has('batch') || groups.has('tools');
  const batch = wantBatch ? writeBatch({ calls: batchCalls, words: 9000, seed, out: join(CORPUS_DIR, `calls-${batchCalls}`) }) : undefined;
  const single = (name) => ({ path: join(singles.dir, name), words: singles.files.find((f) => f.file === name).words });
  const analyzeExit = (c) => c === 0 || c === 1;
  const bs = haveCli;

  if (groups.has('startup')) {
    await run({ id: 'baseline', label: '`node -e 0` (baseline)', args: ['-e', '0'], reps: smallReps, buyerside: false });
    if (bs) {
      await run({ id: 'version', label: '`buyerside --version`', args: [CLI, '--version'], reps: smallReps });
      await run({ id: 'rules', label: '`buyerside rules`', args: [CLI, 'rules'], reps: smallReps });
      // A call of three lines, cold: what a user waits for on one short file (start-up, rules, models).
      const three = join(SCRATCH, 'three-line.txt');
      mkdirSync(SCRATCH, { recursive: true });
      writeFileSync(three, 'Seller: Hi, thanks for taking the time today.\nBuyer: Sure, what did you want to show me?\nSeller: Our platform is the best on the market.\n');
      await run({ id: 'three-line', label: 'analyze a three-line call --format json (cold)', args: [CLI, 'analyze', three, '--format', 'json', '--no-config'], reps: smallReps, okExit: (c) => c === 0 || c === 1 });
    }
  }
  if (groups.has('single') && bs) {
    for (const [id, name] of [['call-9k', 'call-9k.txt'], ['call-1k', 'call-1k.txt'], ['call-90k', 'call-90k.txt'], ['monologue-100k', 'monologue-100k.txt']]) {
      const f = single(name);
      await run({
        id, label: `analyze ${name} --format json`, args: [CLI, 'analyze', f.path, '--format', 'json'], words: f.words,
        reps: id === 'call-90k' || id === 'monologue-100k' ? Math.max(3, smallReps - 2) : smallReps,
        okExit: analyzeExit, validate: (p) => validateJson(p, [f.path]),
      });
    }
  }
  if (groups.has('batch') && bs) {
    const files = batch.files.map((f) => join(batch.dir, f.file));
    await run({
      id: `batch-${batchCalls}`, label: `analyze DIR (${batchCalls.toLocaleString('en-US')} calls) --format ndjson`,
      args: [CLI, 'analyze', batch.dir, '--format', 'ndjson'], words: batch.words, reps: batchReps,
      okExit: analyzeExit, validate: (p) => validateNdjson(p, files),
    });
    // The floor: read, lower-case, split and look each word up in a set, over the same folder.
    await run({ id: `floor-${batchCalls}`, label: `floor: read, lower-case, split, set lookup (${batchCalls.toLocaleString('en-US')} calls)`, args: [join(ROOT, 'bench', 'floor.mjs'), batch.dir], words: batch.words, reps: batchReps, buyerside: false });
    await run({
      id: `batch-${batchCalls}-jobs1`, label: `analyze DIR (${batchCalls.toLocaleString('en-US')} calls) --format ndjson --jobs 1`,
      args: [CLI, 'analyze', batch.dir, '--format', 'ndjson', '--jobs', '1'], words: batch.words, reps: 1,
      okExit: analyzeExit, validate: (p) => validateNdjson(p, files),
    });
    if (opt.full) {
      const big = writeBatch({ calls: 5000, words: 9000, seed, out: join(CORPUS_DIR, 'calls-5000') });
      const bigFiles = big.files.map((f) => join(big.dir, f.file));
      await run({
        id: 'batch-5000', label: 'analyze DIR (5,000 calls) --format ndjson',
        args: [CLI, 'analyze', big.dir, '--format', 'ndjson'], words: big.words, reps: 1,
        okExit: analyzeExit, validate: (p) => validateNdjson(p, bigFiles),
      });
    }
  }
  if (groups.has('tools')) {
    const subset = stride(batch.files, toolFiles);
    const paths = subset.map((f) => join(batch.dir, f.file));
    const words = subset.reduce((s, f) => s + f.words, 0);
    const label = `${subset.length} of the ${batchCalls.toLocaleString('en-US')} calls`;
    if (bs) {
      await run({
        id: 'subset-buyerside', label: `buyerside analyze (${label}) --format ndjson`, args: [CLI, 'analyze', ...paths, '--format', 'ndjson'],
        words, reps: batchReps, okExit: analyzeExit, validate: (p) => validateNdjson(p, paths),
      });
    }
    await run({
      id: 'write-good', label: `write-good CLI (${label})`, args: [join(ROOT, 'node_modules/write-good/bin/write-good.js'), ...paths],
      words, reps: 1, buyerside: false, okExit: (c) => c >= 0,
    });
    await run({
      id: 'alex', label: `alex --text CLI (${label})`, args: [join(ROOT, 'node_modules/alex/cli.js'), '--text', ...paths],
      words, reps: 1, buyerside: false, okExit: (c) => c === 0 || c === 1, env: { NO_UPDATE_NOTIFIER: '1' },
    });
  }
  if (groups.has('lsp') && bs) {
    // The editor's wait: a change to a 3,000-word script until its diagnostics arrive (issue #17).
    const changes = opt.quick ? 10 : 30;
    for (const [id, debounceMs, limit, why] of [['lsp-3k', undefined, 0.3, 'default 150 ms debounce + ≤ 150 ms'], ['lsp-3k-now', 0, 0.15, 'debounce 0: the analysis and the round trip']]) {
      try {
        const r = await measureLsp({ node: NODE, cli: CLI, cwd: ROOT, dir: join(SCRATCH, 'lsp'), seed, changes, debounceMs });
        log(`  ${id}: median ${r.medianS.toFixed(3)} s, p95 ${r.p95S.toFixed(3)} s, max ${r.maxS.toFixed(3)} s over ${changes} changes; first analysis ${r.openS.toFixed(3)} s`);
        results.push({
          id, label: `lsp: change → diagnostics, 3,000-word script${debounceMs === 0 ? ' (debounceMs 0)' : ''}`, words: r.words, reps: changes, failed: 0,
          medianS: r.medianS, wordsPerS: null, peakMB: r.peakMB, cpuS: null, runs: r.times.map((wallS) => ({ wallS })),
          target: `median ≤ ${limit} s (${why})`, pass: r.medianS <= limit, detail: `(p95 ${r.p95S.toFixed(3)} s, max ${r.maxS.toFixed(3)} s; open ${r.openS.toFixed(3)} s)`,
        });
      } catch (e) {
        failures.push(`${id}: ${e.message}`);
        log(`  ${id}: ${e.message}`);
      }
    }
    notes.push(`lsp rows: one server process each; ${changes} full-text changes one after another, each swapping a pitch line in or out of the middle of a 3,000-word one-speaker script, timed from sending didChange to receiving that version's publishDiagnostics; peak MB is the server's VmHWM.`);
  }
  if (groups.has('merge') && bs) {
    // bench/merge.mjs: peak memory of merging 4,000 call lines (4 shards), in every output format; target in targets.mjs.
    const calls = opt.quick ? 1000 : 4000;
    log(`  merge: node bench/merge.mjs --calls ${calls}`);
    try {
      for (const r of await measureMerge({ cli: CLI, calls, dir: join(SCRATCH, 'merge') })) {
        const peak = r.peakMB === null ? '?' : Math.round(r.peakMB);
        log(`  merge -f ${r.format}: peak ${peak} MB, ${r.wallS.toFixed(1)} s, exit ${r.exitCode}`);
        if (!r.pass) failures.push(`merge -f ${r.format}: peak ${peak} MB, exit ${r.exitCode}`);
        results.push({
          id: `merge-${r.format}`, label: `merge ${calls.toLocaleString('en-US')} calls (4 shards) ${r.format === 'findings-csv' ? '--findings-csv' : `-f ${r.format}`}`, words: 0, reps: 1, failed: r.pass ? 0 : 1,
          medianS: r.wallS, wordsPerS: null, peakMB: r.peakMB, cpuS: r.cpuS, runs: [{ wallS: r.wallS }],
          target: `< ${MERGE_TARGET_MB} MB peak`, pass: r.pass, detail: r.outputMB === null ? '' : `(${r.outputMB.toFixed(1)} MB out)`,
        });
      }
    } catch (e) {
      failures.push(`merge: ${e.message}`);
      log(`  merge: ${e.message}`);
    }
  }
  if (groups.has('dashboard') && bs) {
    // bench/dashboard.mjs: the 2,000-call batch HTML in headless Chromium; targets in targets.mjs.
    if (!existsSync('/usr/bin/chromium')) notes.push('dashboard row skipped: /usr/bin/chromium is absent.');
    else {
      log('  dashboard: node bench/dashboard.mjs --calls 2000');
      try {
        const r = await measureDashboard({ cli: CLI, calls: 2000, dir: join(SCRATCH, 'dashboard') });
        const pass = dashboardPass(r);
        if (!pass) failures.push(`dashboard: ${r.kbPerCall.toFixed(1)} KB a call, ${r.renderS.toFixed(2)} s to the first row`);
        results.push({
          id: 'dashboard-2000', label: 'dashboard: 2,000-call HTML in Chromium, navigation to first row', words: 0, reps: r.times.length, failed: pass ? 0 : 1,
          medianS: r.renderS, wordsPerS: null, peakMB: null, cpuS: null, runs: r.times.map((wallS) => ({ wallS })),
          target: `< ${DASHBOARD_TARGET.renderS} s, < ${DASHBOARD_TARGET.kbPerCall} KB a call`, pass, detail: `(${r.mb.toFixed(1)} MB, ${r.kbPerCall.toFixed(1)} KB a call)`,
        });
      } catch (e) {
        failures.push(`dashboard: ${e.message}`);
        log(`  dashboard: ${e.message}`);
      }
    }
  }
  if (groups.has('context') && bs) {
    // What judging sentences in their conversation costs (issue #18: under 15% of throughput), in one process.
    try {
      const r = await measureContext({ calls: opt.quick ? 10 : 20, reps: opt.quick ? 1 : 3, seed, dir: join(SCRATCH, 'context') });
      log(`  context: ${(r.cost * 100).toFixed(1)}% of throughput (${r.withS.toFixed(2)} s with, ${r.withoutS.toFixed(2)} s without)`);
      results.push({
        id: 'context', label: `context on vs off, ${r.calls} calls in one process`, words: r.words, reps: opt.quick ? 1 : 3, failed: 0,
        medianS: r.withS, wordsPerS: r.words / r.withS, peakMB: null, cpuS: null, runs: [],
        target: 'context < 15% of throughput', pass: r.cost < 0.15, detail: `(${(r.cost * 100).toFixed(1)}%; ${r.withoutS.toFixed(2)} s judged alone)`,
      });
    } catch (e) {
      failures.push(`context: ${e.message}`);
      log(`  context: ${e.message}`);
    }
  }
  if (groups.has('hostile') && bs) {
    // bench/hostile.mjs: small hostile inputs of issue #13 (class 2 and 4), each within a time and memory bound.
    for (const r of await measureHostile({ dir: join(SCRATCH, 'hostile') })) {
      log(`  hostile ${r.id}: ${r.wallS.toFixed(2)} s, ${r.peakMB === null ? '?' : Math.round(r.peakMB)} MB, exit ${r.exitCode}`);
      if (!r.pass) failures.push(`hostile ${r.id}: ${r.wallS.toFixed(2)} s, exit ${r.exitCode}`);
      results.push({
        id: `hostile-${r.id}`, label: `hostile: ${r.what}`, words: 0, reps: 1, failed: r.pass ? 0 : 1,
        medianS: r.wallS, wordsPerS: null, peakMB: r.peakMB, cpuS: r.cpuS, runs: [{ wallS: r.wallS }],
        target: `≤ ${r.maxS} s, ≤ ${r.maxMB} MB`, pass: r.pass,
      });
    }
  }
  let evalLine;
  if (groups.has('eval')) {
    const score = join(ROOT, '..', 'shared', 'eval', 'score.mjs');
    if (!existsSync(score)) notes.push('labeled-set figures skipped: ../shared/eval is absent.');
    else if (!bs) notes.push('labeled-set figures skipped: no CLI.');
    else {
      log('  eval: node ../shared/eval/score.mjs --data ../shared/eval/dev');
      const r = spawnSync(NODE, [score, '--data', join(ROOT, '..', 'shared', 'eval', 'dev'), '--cli', `${NODE} ${CLI}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
      evalLine = r.stdout.trim().split('\n').filter(Boolean).pop() ?? '(no output)';
      if (r.status === 2 || r.status === null) failures.push(`eval: the CLI failed (score.mjs exit ${r.status}): ${r.stderr.slice(0, 300)}`);
      notes.push(`Labeled dev set (\`node ../shared/eval/score.mjs --data ../shared/eval/dev${opt.live ? '' : ' --cli "node <the copy>"'}\`, exit ${r.status}): \`${evalLine}\``);
    }
  }

  machine.loadAfter = loadavg()[0];
  const busy = Math.max(machine.loadBefore, machine.loadAfter) > machine.cores * 0.5;
  notes.push(`1-minute load average ${machine.loadBefore.toFixed(1)} at the start, ${machine.loadAfter.toFixed(1)} at the end, on ${machine.cores} cores${busy ? ': the machine was busy with other work, so these timings are pessimistic' : ''}.`);
  const { rows, targetNotes } = targets(results, { batchCalls, batchWords: batch?.words });
  notes.unshift(
    `Runs: ${smallReps} per small workload, ${batchReps} per batch, 1 per 5,000-call batch and per other tool; wall time is the median, peak MB the highest run; cpu s is user+sys time of the process tree (GNU time), which load from other work inflates less than wall time. Groups run: ${[...groups].join(', ')}${opt.full ? ', 5,000-call batch' : ' (5,000-call batch not run: use --full)'}${opt.quick ? '; --quick' : ''}.`,
    `Peak memory: ${memoryMethod}. buyerside's worker threads share one process, so GNU time's figure covers them; child processes are covered by the tree sampling.`,
    'Corpus: generated by bench/generate.mjs (seed ' + seed + '), about 9,000 words a call (±15%), ~30% in speech-to-text style; single calls are prose style.',
    ...targetNotes,
  );
  const md = renderMarkdown({ title: 'buyerside benchmark', machine, rows, notes: [...notes, ...failures.map((f) => `buyerside FAILED: ${f}`)] });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.md'), md);
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify({ machine, options: { ...opt, smallReps, batchReps, batchCalls, toolFiles }, results, evalLine, failures }, null, 1) + '\n');
  rmSync(SCRATCH, { recursive: true, force: true });
  console.log(md);
  log(`wrote ${join('bench', 'out', 'latest.md')} and latest.json`);
  if (failures.length) process.exit(1);
  if (!haveCli) process.exit(2);
}

main().catch((e) => {
  console.error(e);
  process.exit(3);
});
