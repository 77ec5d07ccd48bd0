// The judgement with the rules alone (no learned models), for measuring what the models add. It
// answers the one command the shared scorers run, `analyze FILES --format json [--seller NAME]...`:
//   node ../shared/eval/score.mjs --data DIR --cli "node scripts/cli-rules-only.mjs"
//   node ../shared/eval/coach-score.mjs --rows ROWS --calls DIR --cli "node scripts/cli-rules-only.mjs"
import { readFileSync } from 'node:fs';
import { analyzeTranscript, builtinEngine, createReport, parseBytes } from '../dist/index.js';

const args = process.argv.slice(2);
if (args[0] !== 'analyze') {
  console.error('usage: cli-rules-only.mjs analyze FILES --format json [--seller NAME]...');
  process.exit(2);
}
const files = [];
const sellers = [];
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--seller') sellers.push(args[++i]);
  else if (args[i] === '--format' || args[i] === '-f') i++;
  else files.push(args[i]);
}
const engine = builtinEngine();
const calls = files.map((file) => analyzeTranscript(parseBytes(readFileSync(file), { fileName: file }), { file, engine, model: false, ...(sellers.length ? { sellers } : {}) }));
process.stdout.write(`${JSON.stringify(createReport({ calls, rules: engine.rules }), null, 2)}\n`);
