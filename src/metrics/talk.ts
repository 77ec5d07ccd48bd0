/** Conversation-shape numbers: talk share, questions, monologues, and time-based measures. */
import type { CallMetrics, Finding, Role, SpeakerStats, Turn } from '../types.js';
import { countsInLanguage } from '../report/finding.js';

export interface QuestionCounts {
  total: number;
  open: number;
  closed: number;
  leading: number;
}

/** Per-speaker words and share, in order of first appearance. */
export function speakerStats(turns: readonly Turn[], roleOf: (name: string) => Role, wordsPerTurn: readonly number[]): SpeakerStats[] {
  const byName = new Map<string, SpeakerStats>();
  let total = 0;
  let totalSeconds = 0;
  turns.forEach((t, i) => {
    let s = byName.get(t.speaker);
    if (!s) {
      s = { name: t.speaker, role: roleOf(t.speaker), words: 0, talkShare: 0, turns: 0 };
      byName.set(t.speaker, s);
    }
    s.words += wordsPerTurn[i]!;
    s.turns++;
    total += wordsPerTurn[i]!;
    const d = duration(t);
    if (d !== undefined) {
      s.seconds = round((s.seconds ?? 0) + d, 2);
      totalSeconds += d;
    }
  });
  for (const s of byName.values()) {
    s.talkShare = total ? round(s.words / total, 3) : 0;
    if (s.seconds !== undefined && totalSeconds > 0) s.timeShare = round(s.seconds / totalSeconds, 3);
  }
  return [...byName.values()];
}

/** All the call's metrics; only the findings that count in the language components are counted. */
export function callMetrics(turns: readonly Turn[], roles: readonly Role[], wordsPerTurn: readonly number[], questions: QuestionCounts, findings: readonly Finding[]): CallMetrics {
  let sellerWords = 0;
  let buyerWords = 0;
  let longestSeller = 0;
  let longestBuyer = 0;
  turns.forEach((_, i) => {
    const w = wordsPerTurn[i]!;
    if (roles[i] === 'seller') {
      sellerWords += w;
      longestSeller = Math.max(longestSeller, w);
    } else {
      buyerWords += w;
      longestBuyer = Math.max(longestBuyer, w);
    }
  });
  const counted = findings.filter(countsInLanguage);
  const sc = counted.filter((f) => f.kind === 'seller-centric').length;
  const bo = counted.filter((f) => f.kind === 'buyer-ownership').length;
  const total = sellerWords + buyerWords;
  const metrics: CallMetrics = {
    totalWords: total,
    sellerWords,
    buyerWords,
    sellerTalkShare: total ? round(sellerWords / total, 3) : 0,
    sellerQuestions: questions.total,
    sellerOpenQuestions: questions.open,
    sellerClosedQuestions: questions.closed,
    sellerLeadingQuestions: questions.leading,
    longestSellerMonologueWords: longestSeller,
    buyerLongestTurnWords: longestBuyer,
    sellerCentricPer100: sellerWords ? round((sc * 100) / sellerWords, 2) : 0,
    buyerOwnershipPer100: sellerWords ? round((bo * 100) / sellerWords, 2) : 0,
    // The sentence findings so far; analyze() sets the one count once the call's own findings are in.
    sellerCentricCount: sc,
    buyerOwnershipCount: bo,
    suppressedCount: findings.filter((f) => f.suppressed).length,
    turns: turns.length,
  };
  Object.assign(metrics, timeMetrics(turns, roles));
  return metrics;
}

function timeMetrics(turns: readonly Turn[], roles: readonly Role[]): Partial<CallMetrics> {
  const timed = turns.every((t) => t.start !== undefined && t.end !== undefined);
  if (!timed || turns.length === 0) return {};
  const first = turns[0]!.start!;
  const last = Math.max(...turns.map((t) => t.end!));
  const durationSeconds = Math.max(0, last - first);
  let sellerSeconds = 0;
  let allSeconds = 0;
  let longest = 0;
  let switches = 0;
  const pauses: number[] = [];
  turns.forEach((t, i) => {
    const d = duration(t) ?? 0;
    allSeconds += d;
    if (roles[i] === 'seller') {
      sellerSeconds += d;
      longest = Math.max(longest, d);
    }
    if (i > 0 && roles[i] !== roles[i - 1]) {
      switches++;
      if (roles[i] === 'seller') pauses.push(Math.max(0, t.start! - turns[i - 1]!.end!));
    }
  });
  const out: Partial<CallMetrics> = {
    durationSeconds: round(durationSeconds, 1),
    sellerTimeShare: allSeconds ? round(sellerSeconds / allSeconds, 3) : 0,
    longestSellerMonologueSeconds: round(longest, 1),
    interactivity: durationSeconds ? round(switches / (durationSeconds / 60), 2) : 0,
  };
  if (pauses.length) out.patienceSeconds = round(pauses.reduce((a, b) => a + b, 0) / pauses.length, 2);
  return out;
}

function duration(t: Turn): number | undefined {
  return t.start !== undefined && t.end !== undefined ? Math.max(0, t.end - t.start) : undefined;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
