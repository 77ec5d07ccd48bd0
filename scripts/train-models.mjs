// Build step: trains the learned models from rules/training/ into dist/models.json. The build wipes
// dist/, so a trained copy is kept in node_modules/.cache/buyerside/ under a hash of everything that
// shapes the models (training data, rules, the code that makes features): a build whose inputs did
// not change copies it instead of training again (npm test builds first).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTrainingData } from '../dist/training/data.js';
import { trainModels } from '../dist/training/train.js';
import { modelToJson } from '../dist/model/logistic.js';
import { builtinEngine } from '../dist/analyze.js';
import { cueLists } from '../dist/judge/cues.js';

const OUT = 'dist/models.json';
function files(dir) {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const inputs = ['dist/rules.json', ...files('rules'), ...['model', 'training', 'judge', 'language', 'roles', 'patterns', 'kinds', 'rules', 'transcript'].flatMap((d) => files(join('dist', d)).filter((f) => f.endsWith('.js')))];
const hash = createHash('sha256');
for (const f of inputs) hash.update(f).update(readFileSync(f));
const digest = hash.digest('hex');
const CACHE_DIR = join('node_modules', '.cache', 'buyerside');
const cached = join(CACHE_DIR, `models-${digest.slice(0, 16)}.json`);
if (existsSync(cached)) {
  copyFileSync(cached, OUT);
  console.error('models are up to date (trained before on the same inputs)');
  process.exit(0);
}
const started = Date.now();
const engine = builtinEngine();
const models = trainModels(readTrainingData('rules/training'), engine, cueLists(engine.lexicon), (line) => console.error(`  ${line}`));
const json = { inputs: digest, boundary: modelToJson(models.boundary), sentence: { first: modelToJson(models.sentence.first), second: modelToJson(models.sentence.second) }, speech: modelToJson(models.speech), salesTalk: modelToJson(models.salesTalk), call: modelToJson(models.call) };
writeFileSync(OUT, JSON.stringify(json));
try {
  mkdirSync(CACHE_DIR, { recursive: true });
  copyFileSync(OUT, cached);
} catch {
  // No cache where node_modules is read-only: the next build trains again.
}
console.error(`trained the models into ${OUT} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
