/**
 * The buyer's journey map: each turn placed on the steps of a sale seen from the buyer's side
 * (connect, reasons, explore, decide, own), with who drove each step and where the seller
 * jumped ahead of the buyer.
 */
import type { Finding, Journey, JourneyJump, JourneyStep, JourneyStepName, Role } from '../types.js';

export const JOURNEY_STEPS: readonly JourneyStepName[] = ['connect', 'reasons', 'explore', 'decide', 'own'];

/** Finding categories that place a seller turn on a step. */
const CATEGORY_STEP: Record<string, JourneyStepName> = {
  reasons: 'reasons',
  discovery: 'reasons',
  reflection: 'reasons',
  presentation: 'explore',
  'self-promotion': 'explore',
  features: 'explore',
  hype: 'explore',
  'leading-questions': 'explore',
  pressure: 'decide',
  'seller-needs': 'decide',
  ownership: 'own',
  help: 'reasons',
};
const PRESENTING = new Set(['presentation', 'self-promotion', 'features', 'hype']);
const CLOSING = new Set(['pressure']);
/** Later steps win when a turn shows cues of several. */
const PRIORITY: JourneyStepName[] = ['decide', 'own', 'explore', 'reasons'];

export interface JourneyTurn {
  role: Role;
  line: number;
  /** Steps whose cue words occur in the turn (from the lexicon's journey-* classes). */
  cues: ReadonlySet<JourneyStepName>;
}

/** Builds the journey from per-turn cues and the language findings. */
export function mapJourney(turns: readonly JourneyTurn[], findings: readonly Finding[]): Journey {
  const findingSteps = turns.map(() => new Set<JourneyStepName>());
  for (const f of findings) {
    const step = CATEGORY_STEP[f.category];
    if (step && f.scope !== 'call' && !f.suppressed) findingSteps[f.turn]?.add(step);
  }
  const sequence: JourneyStepName[] = [];
  let current: JourneyStepName = 'connect';
  turns.forEach((t, i) => {
    const own = findingSteps[i]!;
    const next = PRIORITY.find((s) => own.has(s)) ?? PRIORITY.find((s) => t.cues.has(s));
    if (next) current = next;
    sequence.push(current);
  });

  const steps: JourneyStep[] = JOURNEY_STEPS.map((step) => {
    const idx = sequence.flatMap((s, i) => (s === step ? [i] : []));
    if (idx.length === 0) return { step, turns: 0 };
    const first = idx[0]!;
    return { step, firstTurn: first, lastTurn: idx[idx.length - 1]!, firstLine: turns[first]!.line, drivenBy: turns[first]!.role, turns: idx.length };
  });

  // One pass over the findings: the seller-centric categories of each turn.
  const sellerCategories = turns.map(() => new Set<string>());
  for (const f of findings) if (f.kind === 'seller-centric' && !f.suppressed && f.scope !== 'call') sellerCategories[f.turn]?.add(f.category);
  const buyerAt = (step: JourneyStepName) => turns.findIndex((t, i) => t.role === 'buyer' && (sequence[i] === step || t.cues.has(step)));
  const sellerAt = (categories: ReadonlySet<string>) => turns.findIndex((t, i) => t.role === 'seller' && [...sellerCategories[i]!].some((c) => categories.has(c)));

  const jumps: JourneyJump[] = [];
  const jump = (type: JourneyJump['type'], at: number, buyerFirst: number, never: string, before: string) => {
    if (at >= 0 && (buyerFirst < 0 || at < buyerFirst)) jumps.push({ type, turn: at, line: turns[at]!.line, message: buyerFirst < 0 ? never : before });
  };
  jump('presented-before-reasons', sellerAt(PRESENTING), buyerAt('reasons'), 'the seller presented, and the buyer never gave a reason of their own', "the seller presented before hearing any reason of the buyer's");
  jump('closed-before-decision', sellerAt(CLOSING), buyerAt('decide'), 'the seller pushed to close, and the buyer never raised a decision', 'the seller pushed to close before the buyer raised a decision');
  return { steps, sequence, jumps };
}
