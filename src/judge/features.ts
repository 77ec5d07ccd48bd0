/**
 * What the sentence model sees of a seller sentence: its words and word pairs, its opening, its
 * question class, its pronouns, the rules that matched it, and (in a call) the conversation around
 * it: whether the buyer just asked, asked about price or objected, and how much of the sentence
 * takes up the buyer's own words.
 */
import type { Token } from '../language/tokens.js';
import type { QuestionInfo } from '../language/questions.js';
import type { SentenceSituation } from './context.js';
import { contentStems } from './context.js';
import { declines } from '../language/negation.js';

export interface RuleVote {
  ruleId: string;
  focus: 'seller-centric' | 'buyer-ownership';
}

const count = (n: number): string => (n <= 0 ? '0' : n <= 1 ? '1' : n <= 2 ? '2' : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+');
const share = (x: number): string => (x <= 0 ? '0' : x < 0.2 ? 'lo' : x < 0.4 ? 'mid' : x < 0.7 ? 'hi' : 'vhi');
const YOU = new Set(['you', 'your', 'yours', 'yourself']);
const WE = new Set(['we', 'our', 'us', 'ours']);
const I = new Set(['i', 'me', 'my']);

/** The features of one sentence; `situation` is undefined for a script or a lone utterance. */
export function sentenceFeatures(text: string, tokens: readonly Token[], question: QuestionInfo, votes: readonly RuleVote[], situation?: SentenceSituation): string[] {
  const f: string[] = [];
  for (const t of tokens) f.push(`u:${t.stem}`);
  for (let i = 0; i + 1 < tokens.length; i++) f.push(`b:${tokens[i]!.stem}_${tokens[i + 1]!.stem}`);
  f.push(`o1:${tokens[0]?.word ?? ''}`, `o2:${tokens.slice(0, 2).map((t) => t.word).join('_')}`);
  f.push(`q:${question.isQuestion ? question.type : 'none'}`, `len:${count(tokens.length)}`);
  let you = 0, we = 0, me = 0;
  for (const t of tokens) {
    if (YOU.has(t.word)) you++;
    else if (WE.has(t.word)) we++;
    else if (I.has(t.word)) me++;
  }
  f.push(`you:${count(you)}`, `we:${count(we)}`, `i:${count(me)}`);
  if (/\d/.test(text)) f.push('num');
  // A declined pitch ("I'm not going to walk you through slides") reads like the pitch word for word;
  // what follows a "but" is asserted, so a disclaimer before a push does not count.
  if (declines(tokens)) f.push(tokens.some((t) => t.word === 'but') ? 'declines-but' : 'declines');
  const focuses = new Set<string>();
  for (const v of votes) {
    f.push(`r:${v.ruleId}`);
    focuses.add(`rk:${v.focus}`);
  }
  if (focuses.size === 0) focuses.add('rk:none');
  f.push(...focuses);
  if (!situation) {
    f.push('noctx');
    // Each feature twice, once as itself and once marked as a lone sentence's: the model learns
    // what sentences in calls and lone ones share, and apart from that what only lone ones show
    // (a tag question reads differently with no buyer before it), so neither kind of data bends
    // the weights the other needs (feature augmentation for two domains).
    const shared = [...new Set(f)];
    return [...shared, ...shared.map((x) => `L|${x}`)];
  }
  f.push('ctx');
  const mine = contentStems(tokens);
  const last = situation.lastBuyer;
  const ovLast = mine.length && last ? mine.filter((s) => last.stems.has(s)).length / mine.length : 0;
  const ovAll = mine.length ? mine.filter((s) => situation.buyerStems.has(s)).length / mine.length : 0;
  f.push(`ov1:${share(ovLast)}`, `ovA:${share(ovAll)}`);
  if (last?.question) f.push('bq');
  if (last?.price) f.push('bq:price');
  if (last?.objection) f.push('bobj');
  f.push(
    `pos:${situation.indexInTurn === 0 ? 'first' : 'later'}`,
    `tl:${count(Math.floor(situation.turnWords / 10))}`,
    `cp:${Math.min(9, Math.floor(situation.callPosition * 10))}`,
    `bw:${count(Math.floor(situation.buyerWords / 25))}`,
    `tov:${share(situation.turnOverlap)}`,
    `tovc:${share(situation.turnConcernOverlap)}`,
  );
  // Rule votes read differently after a buyer's question, beside the buyer's words, after a "no".
  for (const r of focuses) {
    if (last?.question) f.push(`bq&${r}`);
    f.push(`ov1${share(ovLast)}&${r}`);
    if (last?.objection && situation.indexInTurn === 0) f.push(`bobj1&${r}`);
  }
  if (question.isQuestion) f.push(`q${question.type}&ovA${share(ovAll)}`);
  return [...new Set(f)];
}
