/**
 * The sequence kind: a move of the seller's that comes before the buyer reached a step of their
 * journey (presenting before the buyer gave any reason, closing before the buyer raised a decision),
 * or right after the buyer objected or said no (`after: objection`: pushing on instead of engaging).
 * The seller's move is the first counted seller-centric finding of the rule's categories; the
 * finding of a sequence rule points at it.
 */
import { JOURNEY_STEPS, type JourneyStepName, type SequenceCheck } from '../types.js';
import { countsInLanguage } from '../report/finding.js';
import type { CallKind } from './types.js';

export const sequence: CallKind = {
  name: 'sequence',
  judges: 'call',
  order: 10,
  fields: ['sequence'],
  needsExamples: false,
  validate(fields) {
    const v = fields.raw.sequence;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw fields.fail('sequence', 'expected { categories, buyerStep, neverMessage } or { categories, after }');
    const raw = v as Record<string, unknown>;
    for (const key of Object.keys(raw)) if (!['categories', 'buyerStep', 'neverMessage', 'after'].includes(key)) throw fields.fail('sequence', `unknown key "${key}"`);
    const categories = raw.categories;
    if (!Array.isArray(categories) || categories.length === 0 || categories.some((c) => typeof c !== 'string' || c.trim() === '')) throw fields.fail('sequence.categories', 'expected a list of rule categories');
    const cats = categories.map((c: string) => c.trim());
    if (raw.after !== undefined) {
      if (raw.after !== 'objection') throw fields.fail('sequence.after', 'expected objection');
      if (raw.buyerStep !== undefined) throw fields.fail('sequence', 'give buyerStep or after, not both');
      return { sequence: { categories: cats, after: 'objection' } satisfies SequenceCheck };
    }
    if (typeof raw.buyerStep !== 'string' || !JOURNEY_STEPS.includes(raw.buyerStep as JourneyStepName)) throw fields.fail('sequence.buyerStep', `expected one of ${JOURNEY_STEPS.join(', ')}`);
    if (typeof raw.neverMessage !== 'string' || raw.neverMessage.trim() === '') throw fields.fail('sequence.neverMessage', 'expected a non-empty string');
    const check: SequenceCheck = { categories: cats, buyerStep: raw.buyerStep as JourneyStepName, neverMessage: raw.neverMessage.trim() };
    return { sequence: check };
  },
  check(compiled, ctx) {
    // A script (one speaker) has no buyer whose journey the seller could jump ahead of.
    if (ctx.script) return null;
    const { categories, buyerStep, neverMessage, after } = compiled.rule.sequence!;
    const moves = new Set(categories);
    if (after === 'objection') {
      // The first move in a seller turn that answers a buyer's objection without engaging it.
      const { turns } = ctx.journey;
      const answersNo = (turn: number) => turns[turn - 1]?.role === 'buyer' && turns[turn - 1]!.objection === true;
      const pushed = ctx.findings.find((f) => f.kind === 'seller-centric' && countsInLanguage(f) && moves.has(f.category) && f.turn !== undefined && turns[f.turn]?.role === 'seller' && answersNo(f.turn));
      return pushed ? { message: compiled.rule.message, at: pushed } : null;
    }
    const at = ctx.findings.find((f) => f.kind === 'seller-centric' && countsInLanguage(f) && moves.has(f.category) && f.turn !== undefined);
    if (!at) return null;
    const { turns, sequence: steps } = ctx.journey;
    const buyerFirst = turns.findIndex((t, i) => t.role === 'buyer' && (steps[i] === buyerStep || t.cues.has(buyerStep!)));
    if (buyerFirst >= 0 && at.turn! > buyerFirst) return null;
    return { message: buyerFirst < 0 ? neverMessage! : compiled.rule.message, at };
  },
};
