/** The registry of rule kinds: a new kind is one module in this folder and one line here. */
import type { RuleKind } from './types.js';
import { phrase } from './phrase.js';
import { question } from './question.js';
import { subject } from './subject.js';
import { model } from './model.js';
import { metric } from './metric.js';
import { sequence } from './sequence.js';

export const KINDS = { phrase, question, subject, model, metric, sequence } as const satisfies Record<string, RuleKind>;

export type KindName = keyof typeof KINDS;

/** The kinds' names, as rule data spells them. */
export const KIND_NAMES = Object.keys(KINDS) as KindName[];
