/** The registry of sentence-level rule kinds; metric rules are checked per call in kinds/metric.ts. */
import type { RuleKindName } from '../types.js';
import type { SentenceCheck } from './types.js';
import { checkPhrase } from './phrase.js';
import { checkQuestion } from './question.js';
import { checkClassifier } from './classifier.js';
import { checkFocus } from './subject.js';

export const SENTENCE_KINDS: Partial<Record<RuleKindName, SentenceCheck>> = {
  phrase: checkPhrase,
  question: checkQuestion,
  classifier: checkClassifier,
  focus: checkFocus,
};
