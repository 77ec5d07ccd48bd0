/**
 * Build-time training of every learned model from rules/training/: the speech boundary model, the
 * two-stage sentence model, and the speech-role model that tells seller speech from buyer speech.
 * Deterministic: the same data and code give the same models (fixed seeds and passes, files in name
 * order).
 */
import { readFileSync } from 'node:fs';
import type { Engine } from '../rules/engine.js';
import type { Role, Turn } from '../types.js';
import { parseText } from '../transcript/index.js';
import { tokenize } from '../language/tokens.js';
import { classifyQuestion } from '../language/questions.js';
import { boundarySamples, isUnpunctuated } from '../language/spoken.js';
import { sentenceFeatures } from '../judge/features.js';
import { neighbourFeatures, LABELS, type Judgeable } from '../judge/decide.js';
import { ruleVotes } from '../judge/votes.js';
import { walkCall } from '../judge/walk.js';
import type { CueLists } from '../judge/context.js';
import { speechChunks, speechFeatures } from '../roles/speech.js';
import { callFacts, callFeatures, talkStretches, NOT_SALES_BELOW } from '../judge/sales-call.js';
import { train, predict, type Model, type Sample } from '../model/logistic.js';
import type { TrainingData, LabelledCall } from './data.js';

export interface ModelBundle {
  boundary: Model;
  sentence: { first: Model; second: Model };
  speech: Model;
  salesTalk: Model;
  call: Model;
}

const SENTENCE_OPTIONS = { classes: LABELS, epochs: 15, learningRate: 0.2, l2: 1e-5, minCount: 2 };
const SECOND_OPTIONS = { ...SENTENCE_OPTIONS, learningRate: 0.1 };
const FOLDS = 5;

export interface CallItems {
  items: Array<Judgeable & { label: number }>;
}

function labelIndex(label: string): number {
  const i = (LABELS as readonly string[]).indexOf(label);
  if (i < 0) throw new Error(`unknown label "${label}" in the training data`);
  return i;
}

function parseCall(call: LabelledCall): Turn[] {
  return parseText(readFileSync(call.path, 'utf8'), { fileName: call.path }).turns;
}

/** Each labelled sentence of a call as the sentence model sees it in analysis. */
function callItems(call: LabelledCall, turns: readonly Turn[], engine: Engine, cues: CueLists): CallItems {
  const sellers = new Set(call.sellers.map((s) => s.toLowerCase()));
  const byLine = new Map<number, LabelledCall['sentences']>();
  for (const s of call.sentences) {
    const list = byLine.get(s.line) ?? [];
    list.push(s);
    byLine.set(s.line, list);
  }
  const items: CallItems['items'] = [];
  const roles = turns.map((t): Role => (sellers.has(t.speaker.toLowerCase()) ? 'seller' : 'buyer'));
  const conversation = { turns, roles };
  const previousBuyer: number[] = [];
  turns.forEach((_, i) => previousBuyer.push(i === 0 ? -1 : roles[i - 1] !== 'seller' ? i - 1 : previousBuyer[i - 1]!));
  walkCall(turns, (t) => sellers.has(t.speaker.toLowerCase()), cues, (turn, index, base) => {
    const lines = new Set([turn.line, ...turn.pieces.map((p) => p.line)]);
    const rows = [...lines].sort((a, b) => a - b).flatMap((l) => byLine.get(l) ?? []);
    rows.forEach((row, k) => {
      const tokens = tokenize(row.text);
      if (tokens.length === 0) return;
      const question = classifyQuestion(tokens, /\?\s*$/.test(row.text), row.text, engine.questions);
      const sentence = { text: row.text, start: Math.max(0, turn.text.indexOf(row.text)), tokens, question };
      const { votes } = ruleVotes(engine, { sentence, turn: index, conversation, previousBuyerTurn: previousBuyer[index]!, deepParse: false });
      items.push({ features: sentenceFeatures(row.text, tokens, question, votes, { ...base, indexInTurn: k }), turn: index, label: labelIndex(row.label) });
    });
  });
  return { items };
}

/** Trains every model. `log` receives one line per step. */
export function trainModels(data: TrainingData, engine: Engine, cues: CueLists, log: (line: string) => void = () => {}): ModelBundle {
  const parsed = parseCalls(data);

  // Boundaries: punctuated text of every kind, and the labelled pieces of unpunctuated calls.
  const boundaryTexts: string[] = data.utterances.map((u) => u.text);
  for (const { call, turns } of parsed) {
    for (const t of turns) if (!isUnpunctuated(t.text)) boundaryTexts.push(t.text);
    const byLine = new Map<number, string[]>();
    for (const s of call.sentences) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s.text]);
    for (const pieces of byLine.values()) if (pieces.length > 1 && pieces.every(isUnpunctuated)) boundaryTexts.push(`${pieces.join('. ')}.`);
  }
  const boundary = train(boundaryTexts.flatMap(boundarySamples), { classes: ['no', 'yes'], epochs: 8, learningRate: 0.2, l2: 1e-5, minCount: 3 });
  log(`boundaries: ${boundaryTexts.length} texts, ${boundary.size} features`);

  const { lone, calls } = sentenceSamples(data, parsed, engine, cues);
  const sentence = trainSentenceModels(lone, calls);
  log(`sentences: ${lone.length} lone, ${calls.reduce((s, c) => s + c.items.length, 0)} in ${calls.length} calls`);

  const speechModel = trainSpeech(parsed);
  log(`speech roles: ${speechModel.size} features`);
  const { salesTalk, call } = trainSalesCall(parsed, log);
  return { boundary, sentence, speech: speechModel, salesTalk, call };
}

export type Parsed = Array<{ call: LabelledCall; turns: Turn[] }>;

/** Speech roles: every stretch of speech in the sales calls, as seller's or buyer's. */
function trainSpeech(parsed: Parsed): Model {
  const samples: Sample[] = [];
  for (const { call, turns } of parsed) {
    if (!call.sales || call.sellers.length === 0) continue;
    const sellers = new Set(call.sellers.map((s) => s.toLowerCase()));
    for (const t of turns) for (const chunk of speechChunks(t.text)) samples.push({ features: speechFeatures(chunk), label: sellers.has(t.speaker.toLowerCase()) ? 1 : 0 });
  }
  return train(samples, { classes: ['buyer', 'seller'], epochs: 10, learningRate: 0.2, l2: 1e-5, minCount: 2 });
}

/** Sales talk: every stretch of every call, as from a sales call or not, marked as the leading (most seller-like) speaker's or another's; each call weighs about the same. */
function trainSalesTalk(parsed: Parsed, speech: Model): Model {
  const samples: Sample[] = [];
  for (const { call, turns } of parsed) {
    const stretches = talkStretches(turns, speech);
    const weight = 30 / Math.max(30, stretches.length);
    for (const st of stretches) samples.push({ features: st.features, label: call.sales ? 1 : 0, weight });
  }
  return train(samples, { classes: ['other', 'sales'], epochs: 8, learningRate: 0.2, l2: 1e-4, minCount: 2 });
}

/** The call model learns from readings of each call by models that never saw it (out of fold). */
function trainSalesCall(parsed: Parsed, log: (line: string) => void): { salesTalk: Model; call: Model } {
  const samples: Sample[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const rest = parsed.filter((_, i) => i % FOLDS !== k);
    const speech = trainSpeech(rest);
    const talk = trainSalesTalk(rest, speech);
    parsed.forEach((p, i) => {
      if (i % FOLDS === k) samples.push({ features: callFeatures(callFacts(p.turns, speech, talk)), label: p.call.sales ? 1 : 0, path: p.call.path } as Sample);
    });
  }
  // Sales and other calls weigh the same in all, however many of each the folder holds: the training
  // calls are written mostly as sales calls for the sentence judge, and the call model's threshold
  // must not drift with that mix.
  const sales = samples.filter((s) => s.label === 1).length;
  for (const s of samples) s.weight = samples.length / 2 / (s.label === 1 ? sales : samples.length - sales);
  const call = train(samples, { classes: ['other', 'sales'], epochs: 200, learningRate: 0.1, l2: 1e-3 });
  const wrongOnes = samples.filter((s) => (predict(call, s.features)[1]! >= NOT_SALES_BELOW ? 1 : 0) !== s.label);
  const wrong = wrongOnes.length;
  if (process.env.SHOW_WRONG) for (const w of wrongOnes) log(`  ${w.label ? 'sales' : 'other'} ${predict(call, w.features)[1]!.toFixed(2)} ${(w as Sample & { path: string }).path}`);
  log(`sales calls: ${parsed.filter((p) => p.call.sales).length} sales, ${parsed.filter((p) => !p.call.sales).length} other; ${wrong} on the wrong side read out of fold`);
  return { salesTalk: trainSalesTalk(parsed, trainSpeech(parsed)), call };
}

/** The sentence model's training rows: lone utterances, and each labelled call's sentences in context. */
export function sentenceSamples(data: TrainingData, parsed: Parsed, engine: Engine, cues: CueLists): { lone: Sample[]; calls: CallItems[] } {
  // Lone utterances have no context and no neighbours; call sentences have both.
  const lone: Sample[] = data.utterances.map((u) => {
    const tokens = tokenize(u.text);
    const question = classifyQuestion(tokens, /\?\s*$/.test(u.text), u.text, engine.questions);
    const turn: Turn = { speaker: 'Seller', text: u.text, line: 1, pieces: [{ at: 0, line: 1 }] };
    const context = { sentence: { text: u.text, start: 0, tokens, question }, turn: 0, conversation: { turns: [turn], roles: ['seller' as Role] }, previousBuyerTurn: -1, deepParse: false };
    return { features: sentenceFeatures(u.text, tokens, question, ruleVotes(engine, context).votes), label: labelIndex(u.label) };
  });
  const calls = parsed.filter((p) => p.call.sentences.length > 0).map((p) => callItems(p.call, p.turns, engine, cues));
  return { lone, calls };
}

const callSamples = (list: readonly CallItems[]): Sample[] => list.flatMap((c) => c.items.map((it) => ({ features: it.features, label: it.label })));

/** The two sentence models from lone and in-call samples. */
export function trainSentenceModels(lone: readonly Sample[], calls: readonly CallItems[]): { first: Model; second: Model } {
  const first = train([...lone, ...callSamples(calls)], SENTENCE_OPTIONS);
  // The second stage learns from what the first made of each call's neighbours, read out of fold
  // so that it sees the first stage's real mistakes, not its memory of the training rows.
  const second: Sample[] = lone.map((s) => ({ features: [...s.features, 'nonb'], label: s.label }));
  for (let k = 0; k < FOLDS; k++) {
    const held = calls.filter((_, i) => i % FOLDS === k);
    const m = train([...lone, ...callSamples(calls.filter((_, i) => i % FOLDS !== k))], SENTENCE_OPTIONS);
    for (const c of held) {
      const p = c.items.map((it) => predict(m, it.features));
      const nb = neighbourFeatures(c.items, p, false);
      c.items.forEach((it, i) => second.push({ features: [...it.features, ...nb[i]!], label: it.label }));
    }
  }
  return { first, second: train(second, SECOND_OPTIONS) };
}

/** Parses every training call once. */
export function parseCalls(data: TrainingData): Parsed {
  return data.calls.map((c) => ({ call: c, turns: parseCall(c) }));
}
