// Cross-validates the sentence judge on the labelled training calls: each fold's calls are judged
// by models trained without them (and with every lone utterance), and precision and recall per kind
// are printed for several neutral scales. A measure of how the judge does on calls it never saw.
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
for (const scale of [1, 0.85, 0.7, 0.6, 0.5]) {
  const t = [0, 1].map(() => ({ tp: 0, fp: 0, fn: 0 }));
  calls.forEach((c, i) => c.items.forEach((it, j) => {
    const p = probs[i][j];
    const s = [p[0], p[1], p[2] * scale];
    const pred = s.indexOf(Math.max(...s));
    for (const k of [0, 1]) {
      if (pred === k && it.label === k) t[k].tp++;
      else if (pred === k) t[k].fp++;
      else if (it.label === k) t[k].fn++;
    }
  }));
  const f = (x) => x.toFixed(3);
  console.log(`neutral scale ${scale}: seller-centric P/R ${f(t[0].tp / (t[0].tp + t[0].fp))}/${f(t[0].tp / (t[0].tp + t[0].fn))}, buyer-ownership P/R ${f(t[1].tp / (t[1].tp + t[1].fp))}/${f(t[1].tp / (t[1].tp + t[1].fn))}`);
}
