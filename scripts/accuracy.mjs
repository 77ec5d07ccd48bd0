// Every accuracy figure of the README, measured again with the shared scorers, with the learned
// models and with the rules alone, printed as the README's Markdown tables. Run from the repository
// root after `npm run build`, with ../shared beside it:
//   node scripts/accuracy.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SHARED = '../shared';
const RULES_ONLY = 'node scripts/cli-rules-only.mjs';
const f3 = (x) => x.toFixed(3);
// score.mjs prints its summary line after the JSON; the JSON is what comes before it.
const run = (script, args) => JSON.parse(execFileSync('node', [join(SHARED, 'eval', script), ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split(/\n(?=ok: |short: )/)[0]);

const utteranceSets = [
  ['shared dev', join(SHARED, 'eval/dev'), 'rules and models were written with it in view'],
  ['`fixtures/labeled`', 'fixtures/labeled', 'ours, used while writing the rules'],
  ['`fixtures/heldout`', 'fixtures/heldout', 'ours, read only as summary figures'],
  ['`fixtures/blind`', 'fixtures/blind', 'ours, written by people who saw neither rules nor models'],
  ['`fixtures/unseen`', 'fixtures/unseen', 'ours, written last for evaluation, never trained or tuned on'],
];
console.log('| data set | judged with | seller-centric P / R | buyer-ownership P / R | call rank correlation | sellers detected |');
console.log('|---|---|---|---|---|---|');
for (const [name, dir] of utteranceSets) {
  if (!existsSync(dir)) continue;
  for (const [how, extra] of [['models', []], ['rules alone', ['--cli', RULES_ONLY]]]) {
    const r = run('score.mjs', ['--data', dir, ...extra]);
    const u = r.utterances;
    const c = r.calls;
    console.log(`| ${name} (${u.total} utterances, ${c.scored.length} calls) | ${how} | ${f3(u['seller-centric'].precision)} / ${f3(u['seller-centric'].recall)} | ${f3(u['buyer-ownership'].precision)} / ${f3(u['buyer-ownership'].recall)} | ${f3(c.spearman)} | ${Math.round(c.roles * c.scored.length)} of ${c.scored.length} |`);
  }
}
console.log('');
const sentenceSets = [
  ['every seller sentence of the 8 shared dev calls', join(SHARED, 'eval/dev/sentence-judgements.csv'), join(SHARED, 'eval/dev/calls')],
  ['every seller sentence of the 8 `fixtures/unseen` calls', 'fixtures/unseen/sentence-judgements.csv', 'fixtures/unseen/calls'],
  ["a coach's 80 judgements on the 7 corpus sales calls", join(SHARED, 'eval/coach/judgements.csv'), join(SHARED, 'corpus/sales-calls')],
];
console.log('| sentences judged in context | judged with | seller-centric P / R | buyer-ownership P / R |');
console.log('|---|---|---|---|');
for (const [name, rows, calls] of sentenceSets) {
  if (!existsSync(rows)) continue;
  for (const [how, extra] of [['models', []], ['rules alone', ['--cli', RULES_ONLY]]]) {
    const r = run('coach-score.mjs', ['--rows', rows, '--calls', calls, ...extra]);
    console.log(`| ${name} | ${how} | ${f3(r['seller-centric'].precision)} / ${f3(r['seller-centric'].recall)} | ${f3(r['buyer-ownership'].precision)} / ${f3(r['buyer-ownership'].recall)} |`);
  }
}
console.log('');
// Sales calls and other conversations: each file analysed once, without sellers named.
const lookalikes = [];
const kinds = 'fixtures/unseen/lookalikes/kinds.csv';
if (existsSync(kinds)) {
  for (const line of readFileSync(kinds, 'utf8').trim().split('\n').slice(1)) {
    const [file, sales] = line.split(',');
    lookalikes.push([`fixtures/unseen/lookalikes/${file}`, sales === 'yes']);
  }
}
for (const f of readdirSync(join(SHARED, 'corpus/business-calls'))) lookalikes.push([join(SHARED, 'corpus/business-calls', f), false]);
for (const f of readdirSync(join(SHARED, 'corpus/sales-calls'))) lookalikes.push([join(SHARED, 'corpus/sales-calls', f), true]);
const out = JSON.parse(execFileSync('node', ['bin/buyerside.js', 'analyze', ...lookalikes.map((l) => l[0]), '--format', 'json', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const byFile = new Map(out.calls.map((c) => [c.file, c.salesCall]));
const right = lookalikes.filter(([f, want]) => byFile.get(f) === want);
const wrong = lookalikes.filter(([f, want]) => byFile.get(f) !== want).map(([f]) => f);
console.log(`sales calls told from other conversations: ${right.length} of ${lookalikes.length} right (${lookalikes.filter((l) => !l[1]).length} not sales, ${lookalikes.filter((l) => l[1]).length} sales)${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`);
