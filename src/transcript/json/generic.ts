/**
 * Any other JSON: the first array (breadth-first, bounded depth) of turn objects with a speaker-like
 * and a text-like key, or of `[speaker, text]` pairs. No layout is hard-coded.
 */
import { speakerName } from '../names.js';
import { type Json, type JsonContext, type LayoutResult, isObject, num, timed } from './context.js';
import { joinPath } from './locate.js';
import type { Segment } from '../builder.js';

const SPEAKER_KEYS = ['speaker', 'role', 'speakerId', 'speaker_id', 'participant', 'name', 'speaker_label', 'speakerName', 'speaker_name', 'author', 'from', 'user'];
const TEXT_KEYS = ['text', 'content', 'transcript', 'utterance', 'sentence', 'message', 'value'];
const START_KEYS = ['start', 'start_time', 'startTime', 'begin', 'timestamp'];
const END_KEYS = ['end', 'end_time', 'endTime', 'stop'];
/** System events in dialogue datasets (ABCD's `action` rows) that no one said. */
const NOT_SPOKEN = new Set(['action', 'system', 'event']);
/** How deep the search goes: transcripts sit near the top; this also keeps absurd nesting cheap. */
const MAX_DEPTH = 8;

type Shape = { kind: 'objects'; speakerKey: string; textKey: string } | { kind: 'pairs' };

/** Searches breadth-first for a turn array; undefined when there is none. */
export function readGeneric(root: Json, ctx: JsonContext): LayoutResult | undefined {
  const queue: Array<{ value: Json; path: string; depth: number }> = [{ value: root, path: '$', depth: 0 }];
  for (let q = 0; q < queue.length; q++) {
    const { value, path, depth } = queue[q]!;
    if (Array.isArray(value)) {
      const shape = shapeOf(value);
      if (shape) return { segments: readArray(value, path, shape, ctx), warnings: siblingWarning(root, path) };
    }
    if (depth >= MAX_DEPTH) continue;
    if (Array.isArray(value)) value.forEach((v, i) => { if (typeof v === 'object' && v !== null) queue.push({ value: v, path: joinPath(path, i), depth: depth + 1 }); });
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null) queue.push({ value: v, path: joinPath(path, k), depth: depth + 1 });
  }
  return undefined;
}

/** An array is a turn list when most of its (first 50) elements are turn objects or speaker/text pairs. */
function shapeOf(arr: Json[]): Shape | undefined {
  const sample = arr.slice(0, 50);
  if (sample.length === 0) return undefined;
  const need = Math.max(1, Math.ceil(sample.length * 0.6));
  const first = sample.find(isObject);
  if (first) {
    const speakerKey = SPEAKER_KEYS.find((k) => k in first && (typeof first[k] === 'string' || typeof first[k] === 'number'));
    const textKey = TEXT_KEYS.find((k) => typeof first[k] === 'string');
    if (speakerKey && textKey) {
      const ok = sample.filter((e) => isObject(e) && typeof e[textKey] === 'string' && e[speakerKey] !== undefined).length;
      if (ok >= need) return { kind: 'objects', speakerKey, textKey };
    }
  }
  const pairs = sample.filter(
    (e) => Array.isArray(e) && e.length >= 2 && typeof e[0] === 'string' && typeof e[1] === 'string' && /\p{L}/u.test(e[0]) && /\p{L}/u.test(e[1]),
  ).length;
  return pairs >= need ? { kind: 'pairs' } : undefined;
}

function readArray(arr: Json[], base: string, shape: Shape, ctx: JsonContext): Segment[] {
  const out: Segment[] = [];
  arr.forEach((e, i) => {
    const path = joinPath(base, i);
    if (shape.kind === 'pairs') {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'string') throw ctx.fail(path, 'expected a [speaker, text] pair of strings');
      if (NOT_SPOKEN.has(e[0].toLowerCase())) return;
      out.push({ speaker: speakerName(e[0]), text: e[1], ...ctx.placeOf(path) });
      return;
    }
    if (!isObject(e) || typeof e[shape.textKey] !== 'string') throw ctx.fail(path, `expected a "${shape.textKey}" string`);
    const who = e[shape.speakerKey];
    if (typeof who === 'string' && NOT_SPOKEN.has(who.toLowerCase())) return;
    const start = num(START_KEYS.map((k) => e[k]).find((v) => v !== undefined));
    const end = num(END_KEYS.map((k) => e[k]).find((v) => v !== undefined));
    out.push(timed({ speaker: speakerName(who), text: e[shape.textKey] as string, ...ctx.placeOf(path) }, start, end));
  });
  return out;
}

/** Dialogue datasets hold several conversations; a call is one, so say that only the first was read. */
function siblingWarning(root: Json, path: string): string[] {
  const m = /^\$\[0\]/.exec(path);
  if (m && Array.isArray(root) && root.length > 1) return [`the file holds ${root.length} conversations: only the first (${path}) was read`];
  return [];
}
