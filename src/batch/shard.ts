/** Sharding: a stable share of the inputs by a hash of each path, so a file stays in its shard as others are added. */
import type { CallReport, InputError } from '../types.js';

export interface Shard {
  /** 1-based index. */
  index: number;
  count: number;
}

/** Parses "K/N" (1 <= K <= N); undefined when malformed. */
export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && index >= 1 && index <= count && count <= 10000)) return undefined;
  return { index, count };
}

/** FNV-1a (32 bit) over the UTF-8 bytes of the path: stable across runs, machines and Node versions. */
export function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(path, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Whether the shown path belongs to the shard. */
export function inShard(shownPath: string, shard: Shard): boolean {
  return pathHash(shownPath) % shard.count === shard.index - 1;
}

/**
 * The report schema a shard's lines must follow: version 1 is the CallReport and InputError of this
 * buyerside (types.ts). A merge trusts nothing in a shard file: every field a report shows is checked
 * for its type (and enums for their values) before any formatter sees it.
 */
export const REPORT_SCHEMA_VERSION = 1;

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBool: Check = (v) => typeof v === 'boolean';
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Shape = Record<string, Check>;
/** The first field that does not fit, as a dotted path; undefined when all fit. */
function misfit(value: unknown, shape: Shape, path: string): string | undefined {
  if (!isObject(value)) return path || 'line';
  for (const [key, check] of Object.entries(shape)) {
    if (!check(value[key])) return path ? `${path}.${key}` : key;
  }
  return undefined;
}
const object = (shape: Shape): Check => (v) => misfit(v, shape, '') === undefined;

const ROLE = oneOf('seller', 'buyer');
const FOCUS = oneOf('seller-centric', 'buyer-ownership');
const SEVERITY = oneOf('error', 'warning', 'info');
// A rule id as rules/validate.ts allows it: views put ids in code spans and anchors unescaped-looking, so a shard may not bend them.
const RULE_ID: Check = (v) => typeof v === 'string' && /^[a-z][a-z0-9-]{1,63}$/.test(v);
const STEP = oneOf('connect', 'reasons', 'explore', 'decide', 'own');

const FINDING: Shape = {
  ruleId: RULE_ID, kind: FOCUS, category: isString, severity: SEVERITY, speaker: optional(isString),
  line: optional(isNumber), column: optional(isNumber), endLine: optional(isNumber), endColumn: optional(isNumber),
  time: optional(isNumber), turn: optional(isNumber), text: isString, match: isString, message: isString, suggestion: isString,
  scope: optional(oneOf('call')), suppressed: optional(isBool), alsoMatched: optional(listOf(RULE_ID)), confidence: optional(isNumber), new: optional(isBool),
};
const METRICS: Shape = Object.fromEntries(
  ['totalWords', 'sellerWords', 'buyerWords', 'sellerTalkShare', 'sellerQuestions', 'sellerOpenQuestions', 'sellerClosedQuestions', 'sellerLeadingQuestions',
    'longestSellerMonologueWords', 'buyerLongestTurnWords', 'sellerCentricPer100', 'buyerOwnershipPer100', 'sellerCentricCount', 'buyerOwnershipCount', 'suppressedCount', 'turns']
    .map((k) => [k, isNumber] as [string, Check])
    .concat(['durationSeconds', 'sellerTimeShare', 'longestSellerMonologueSeconds', 'interactivity', 'patienceSeconds'].map((k) => [k, optional(isNumber)])),
);
const CALL: Shape = {
  file: isString, format: isString, layout: optional(isString), callType: optional(isString), salesCall: isBool, salesCallReasons: listOf(isString),
  language: isString, score: nullable(isNumber),
  scoreComponents: listOf(object({ name: isString, value: isNumber, weight: isNumber, points: isNumber, detail: isString })),
  speakers: listOf(object({ name: isString, role: ROLE, words: isNumber, talkShare: isNumber, turns: isNumber, seconds: optional(isNumber), timeShare: optional(isNumber) })),
  roles: listOf(object({ name: isString, role: ROLE, method: oneOf('given', 'detected', 'script'), from: optional(isString), confidence: isNumber, reasons: listOf(isString) })),
  metrics: object(METRICS),
  findings: listOf(object(FINDING)),
  journey: object({
    steps: listOf(object({ step: STEP, firstTurn: optional(isNumber), lastTurn: optional(isNumber), firstLine: optional(isNumber), drivenBy: optional(ROLE), turns: isNumber })),
    sequence: listOf(STEP),
  }),
  tips: listOf(object({ ruleId: RULE_ID, gain: isNumber, harm: isNumber, message: isString, suggestion: isString, count: isNumber })),
  warnings: listOf(isString),
  timeline: listOf(object({ role: ROLE, words: isNumber, start: optional(isNumber), end: optional(isNumber) })),
};
const ERROR: Shape = { file: isString, line: optional(isNumber), message: isString, code: optional(isString) };

/** What one shard line is: a call, an input error, or a problem in words (naming the first field that does not fit). */
export type ShardLine = { call: CallReport } | { error: InputError } | { problem: string };

export function checkShardLine(text: string): ShardLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not a JSON line (expected the NDJSON report of buyerside analyze)' };
  }
  if (!isObject(value)) return { problem: 'not a buyerside call or error line' };
  if ('error' in value && Object.keys(value).length === 1) {
    const bad = misfit(value.error, ERROR, 'error');
    return bad ? { problem: `not an error line of report schema version ${REPORT_SCHEMA_VERSION} (${bad})` } : { error: value.error as InputError };
  }
  if (!isString(value.file) || !Array.isArray(value.findings)) return { problem: 'not a buyerside call or error line' };
  const bad = misfit(value, CALL, '');
  if (bad) return { problem: `not a call line of report schema version ${REPORT_SCHEMA_VERSION}: "${bad}" is missing or of the wrong type (written by another buyerside version?)` };
  return { call: value as unknown as CallReport };
}
