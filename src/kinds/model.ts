/**
 * The model kind: the sentence judge's own rules (likely-seller-centric, likely-buyer-ownership).
 * The learned sentence judge (src/judge/) reads every seller sentence in its context; where it
 * settles on a kind that no rule of that kind matched, the sentence gets the finding of the model
 * rule of that kind. So the kind itself matches nothing: the analysis gives its findings.
 */
import type { SentenceKind } from './types.js';

export const model: SentenceKind = {
  name: 'model',
  judges: 'sentence',
  order: 6,
  indexed: false,
  fields: [],
  needsExamples: true,
  validate() {
    return {};
  },
  check() {
    return null;
  },
};
