// Cross-validates the sentence judge on the labelled training calls: each fold's calls are judged
// by models trained without them (and with every lone utterance), and precision and recall per kind
// are printed for several neutral scales, with the model alone and with the rules' say as analysis gives it. A measure of how the judge does on calls it never saw.
//   node scripts/cross-validate.mjs [--folds 5]
import { readTrainingData } from '../dist/training/data.js';
import { parseCalls, sentenceSamples, trainSentenceModels } from '../dist/training/train.js';
import { builtinEngine } from '../dist/analyze.js';
import { cueLists } from '../dist/judge/cues.js';
import { predict } from '../dist/model/logistic.js';
import { neighbourFeatures } from '../dist/judge/decide.js';

const args = process.argv.slice(2);
const folds = Number(args[args.indexOf('--folds') + 1] || 5);
const engine = builtinEngine();
const data = readTrainingData('rules/training');
const { lone, calls } = sentenceSamples(data, parseCalls(data), engine, cueLists(engine.lexicon));
const probs = calls.map(() => []);
for (let k = 0; k < folds; k++) {
  const m = trainSentenceModels(lone, calls.filter((_, i) => i % folds !== k));
  calls.forEach((c, i) => {
    if (i % folds !== k) return;
    const first = c.items.map((it) => predict(m.first, it.features));
    const nb = neighbourFeatures(c.items, first, false);
    probs[i] = c.items.map((it, j) => predict(m.second, [...it.features, ...nb[j]]));
  });
  console.error(`fold ${k + 1} of ${folds}`);
}
// As analysis decides (src/analyze.ts): below `yield` the judge's choice gives way to a matched rule of
// another kind (the rules' kinds are in the features as rk:...); 0 is the model alone.
const LABEL_OF = { 'rk:seller-centric': 0, 'rk:buyer-ownership': 1 };
function decide(p, features, scale, yieldBelow) {
  const s = [p[0], p[1], p[2] * scale];
  let pred = s.indexOf(Math.max(...s));
  if (Math.max(...p) < yieldBelow) {
    const other = features.map((f) => LABEL_OF[f]).find((k) => k !== undefined && k !== pred);
    if (other !== undefined) pred = other;
  }
  return pred;
}
const settings = [[1, 0], [0.85, 0], [0.7, 0], [0.6, 0], [0.5, 0], [0.7, 0.5], [0.7, 0.6]];
for (const [scale, yieldBelow] of settings) {
  const t = [0, 1].map(() => ({ tp: 0, fp: 0, fn: 0 }));
  calls.forEach((c, i) => c.items.forEach((it, j) => {
    const pred = decide(probs[i][j], it.features, scale, yieldBelow);
    for (const k of [0, 1]) {
      if (pred === k && it.label === k) t[k].tp++;
      else if (pred === k) t[k].fp++;
      else if (it.label === k) t[k].fn++;
    }
  }));
  const f = (x) => x.toFixed(3);
  const how = yieldBelow ? `, rules win below ${yieldBelow}` : '';
  console.log(`neutral scale ${scale}${how}: seller-centric P/R ${f(t[0].tp / (t[0].tp + t[0].fp))}/${f(t[0].tp / (t[0].tp + t[0].fn))}, buyer-ownership P/R ${f(t[1].tp / (t[1].tp + t[1].fp))}/${f(t[1].tp / (t[1].tp + t[1].fn))}`);
}
