// Build step: trains the learned models from rules/training/ into dist/models/, one file each in the
// packed form that a start uses as read (src/model/packed.ts). The build wipes dist/, so a trained
// copy is kept in node_modules/.cache/buyerside/ under a hash of everything that shapes the models
// (training data, rules, the code that makes features and writes the files): a build whose inputs
// did not change copies it instead of training again (npm test builds first).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync, mkdirSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readTrainingData } from '../dist/training/data.js';
import { trainModels } from '../dist/training/train.js';
import { packModel } from '../dist/model/packed.js';
import { MODEL_FILES } from '../dist/model/bundle.js';
import { builtinEngine } from '../dist/analyze.js';
import { cueLists } from '../dist/judge/cues.js';

const OUT = 'dist/models';
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
const cached = join(CACHE_DIR, `models-${digest.slice(0, 16)}`);
const names = Object.values(MODEL_FILES);
mkdirSync(OUT, { recursive: true });
if (names.every((n) => existsSync(join(cached, n)))) {
  for (const n of names) copyFileSync(join(cached, n), join(OUT, n));
  console.error('models are up to date (trained before on the same inputs)');
  process.exit(0);
}
const started = Date.now();
const engine = builtinEngine();
const models = trainModels(readTrainingData('rules/training'), engine, cueLists(engine.lexicon), (line) => console.error(`  ${line}`));
const byKey = { boundary: models.boundary, 'sentence.first': models.sentence.first, 'sentence.second': models.sentence.second, speech: models.speech, salesTalk: models.salesTalk, call: models.call };
for (const [key, name] of Object.entries(MODEL_FILES)) writeFileSync(join(OUT, name), packModel(byKey[key]));
try {
  // Filled beside the cache and renamed into place, so that a build stopped halfway leaves no partial set.
  const filling = `${cached}.${process.pid}`;
  mkdirSync(filling, { recursive: true });
  for (const n of names) copyFileSync(join(OUT, n), join(filling, n));
  rmSync(cached, { recursive: true, force: true });
  renameSync(filling, cached);
} catch {
  // No cache where node_modules is read-only: the next build trains again.
}
console.error(`trained the models into ${OUT}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
