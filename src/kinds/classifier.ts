/**
 * The classifier kind: a naive Bayes model, trained with natural on the labeled sentences in
 * rules/training/, judges only sentences that no other rule matched, and reports a finding when
 * the probability of the rule's focus class is at least the rule's `minConfidence`.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Token } from '../language/tokens.js';
import { tokenize } from '../language/tokens.js';
import type { SentenceKind } from './types.js';
import { BUILTIN_RULES_DIR } from '../package.js';
import { declines } from '../language/negation.js';

const require = createRequire(import.meta.url);

interface Model {
  /** Log prior and per-feature log likelihoods per class, from natural's trained counts. */
  classes: Array<{ label: string; logPrior: number; logUnseen: number; logFeature: Map<string, number> }>;
}

let model: Model | undefined;
/** The model trained at build time (npm run build), so that runs need not load natural to train. */
const BUILT_MODEL = fileURLToPath(new URL('../classifier.json', import.meta.url));

/** The model: the build's, else trained once per process on first use. */
export function classifierModel(): Model {
  model ??= existsSync(BUILT_MODEL) ? modelFromJson(readFileSync(BUILT_MODEL, 'utf8')) : trainModel();
  return model;
}

/** Trains the model with natural on every CSV in rules/training/ (in name order). */
export function trainModel(): Model {
  const dir = join(BUILTIN_RULES_DIR, 'training');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  return train(files.flatMap((f) => readTraining(join(dir, f))));
}

/** The model as JSON (features sorted, so the file is the same on every build). */
export function modelToJson(m: Model): string {
  return JSON.stringify(m.classes.map((c) => ({ ...c, logFeature: [...c.logFeature].sort((a, b) => (a[0] < b[0] ? -1 : 1)) })));
}

function modelFromJson(text: string): Model {
  const raw = JSON.parse(text) as Array<{ label: string; logPrior: number; logUnseen: number; logFeature: Array<[string, number]> }>;
  return { classes: raw.map((c) => ({ ...c, logFeature: new Map(c.logFeature) })) };
}

/** Features: stems and stem bigrams. */
export function features(tokens: readonly Token[]): string[] {
  const out = tokens.map((t) => t.stem);
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]!.stem}_${tokens[i + 1]!.stem}`);
  return [...new Set(out)];
}

function readTraining(file: string): Array<{ text: string; label: string }> {
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<{ text: string; label: string }>;
}

function train(rows: Array<{ text: string; label: string }>): Model {
  const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js');
  const bayes = new BayesClassifier();
  // natural's wrapper turns text into a dense vector over its whole vocabulary, which is slow per
  // sentence; its underlying classifier also takes sparse observations (a list of feature names).
  const inner = bayes.classifier as {
    addExample(obs: Record<number, string>, label: string): void;
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
  };
  for (const row of rows) inner.addExample({ ...features(tokenize(row.text)) }, row.label);
  // Natural scores P(c) * prod P(f|c) and can underflow to 0 on long sentences; the same formula in
  // log space, over the same counts, cannot.
  const classes = Object.keys(inner.classFeatures).sort().map((label) => {
    const total = inner.classTotals[label]!;
    const logFeature = new Map<string, number>();
    for (const [f, count] of Object.entries(inner.classFeatures[label]!)) logFeature.set(f, Math.log(count / total));
    return { label, logPrior: Math.log(total / inner.totalExamples), logUnseen: Math.log(inner.smoothing / total), logFeature };
  });
  return { classes };
}

/** Class probabilities for a sentence, highest first. */
export function classify(tokens: readonly Token[]): Array<{ label: string; p: number }> {
  const feats = features(tokens);
  const scores = classifierModel().classes.map((c) => {
    let s = c.logPrior;
    for (const f of feats) s += c.logFeature.get(f) ?? c.logUnseen;
    return { label: c.label, s };
  });
  const max = Math.max(...scores.map((x) => x.s));
  const sum = scores.reduce((a, x) => a + Math.exp(x.s - max), 0);
  return scores.map((x) => ({ label: x.label, p: Math.exp(x.s - max) / sum })).sort((a, b) => b.p - a.p);
}

export const classifier: SentenceKind = {
  name: 'classifier',
  judges: 'sentence',
  order: 6,
  indexed: false,
  fields: ['minConfidence'],
  needsExamples: true,
  validate(fields) {
    return { minConfidence: fields.number('minConfidence', { min: 0.5, above: true, max: 1 }, 'a probability above 0.5 and at most 1') };
  },
  check(compiled, ctx) {
    const { tokens } = ctx.sentence;
    // Bag-of-words models miss a declined pitch ("we don't need to get into our product yet"):
    // leave those to the rules, which handle negation.
    if (ctx.earlier.any || tokens.length < 4 || declines(tokens)) return null;
    const top = classify(tokens)[0];
    if (!top || top.label !== compiled.rule.focus || top.p < (compiled.rule.minConfidence ?? 1)) return null;
    return { from: 0, to: tokens.length };
  },
};
