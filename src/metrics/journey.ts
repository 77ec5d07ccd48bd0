/**
 * The buyer's journey map: each turn placed on the steps of a sale seen from the buyer's side
 * (connect, reasons, explore, decide, own), and who drove each step. A turn's step comes from its
 * findings (each rule names its `journeyStep`) or else from its cue words, but only when at least two
 * different ones point at a step: one keyword ("deal", a company called "... Life") does not move the
 * journey. Where the seller jumped ahead of the buyer is judged by the `sequence` rules, from this map.
 */
import { JOURNEY_STEPS, type Finding, type Journey, type JourneyStep, type JourneyStepName, type Turn } from '../types.js';
import type { JourneyTurn } from '../kinds/types.js';
import type { Token } from '../language/tokens.js';
import { countsInLanguage } from '../report/finding.js';

/** Later steps win when a turn shows cues of several. */
const PRIORITY: JourneyStepName[] = ['decide', 'own', 'explore', 'reasons'];

/** The steps a turn's words cue, from the stems of the lexicon's journey-* classes. */
export function cueSteps(tokens: readonly Token[], cues: ReadonlyMap<string, readonly JourneyStepName[]>, into: Set<JourneyStepName> = new Set()): Set<JourneyStepName> {
  for (const tok of tokens) for (const s of cues.get(tok.stem) ?? []) into.add(s);
  return into;
}

/** The steps that at least two different cue words of a turn point at. */
export function strongCueSteps(tokens: readonly Token[], cues: ReadonlyMap<string, readonly JourneyStepName[]>): Set<JourneyStepName> {
  const words = new Map<JourneyStepName, Set<string>>();
  for (const tok of tokens) {
    for (const s of cues.get(tok.stem) ?? []) {
      const set = words.get(s) ?? new Set<string>();
      set.add(tok.stem);
      words.set(s, set);
    }
  }
  return new Set([...words].filter(([, w]) => w.size >= 2).map(([s]) => s));
}

/** The step of each turn, in order: its findings' steps first, then its strong cue words, else the step before. */
export function journeySequence(turns: readonly JourneyTurn[], findings: readonly Finding[], stepOf: (ruleId: string) => JourneyStepName | undefined): JourneyStepName[] {
  const findingSteps = turns.map(() => new Set<JourneyStepName>());
  for (const f of findings) {
    const step = stepOf(f.ruleId);
    if (step && f.turn !== undefined && countsInLanguage(f)) findingSteps[f.turn]?.add(step);
  }
  const sequence: JourneyStepName[] = [];
  let current: JourneyStepName = 'connect';
  turns.forEach((t, i) => {
    const own = findingSteps[i]!;
    const next = PRIORITY.find((s) => own.has(s)) ?? PRIORITY.find((s) => t.strong.has(s));
    if (next) current = next;
    sequence.push(current);
  });
  return sequence;
}

/** The journey: the sequence and, for each step, where it first happened and who drove it. */
export function mapJourney(turns: readonly Turn[], journeyTurns: readonly JourneyTurn[], sequence: readonly JourneyStepName[]): Journey {
  const steps: JourneyStep[] = JOURNEY_STEPS.map((step) => {
    const idx = sequence.flatMap((s, i) => (s === step ? [i] : []));
    if (idx.length === 0) return { step, turns: 0 };
    const first = idx[0]!;
    return { step, firstTurn: first, lastTurn: idx[idx.length - 1]!, firstLine: turns[first]!.line, drivenBy: journeyTurns[first]!.role, turns: idx.length };
  });
  return { steps, sequence: [...sequence] };
}
