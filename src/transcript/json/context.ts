/** What every JSON layout reader gets: the parsed document, line lookup, and a way to fail with a path. */
import { InputProblem } from '../../errors.js';
import type { Segment } from '../builder.js';
import { JsonLines } from './locate.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface LayoutResult {
  segments: Segment[];
  warnings?: string[];
}

/** One vendor layout: a cheap structural test, then a reader that may throw with a JSON path. */
export interface Layout {
  name: string;
  matches(root: Json): boolean;
  read(root: Json, ctx: JsonContext): LayoutResult;
}

export class JsonContext {
  readonly lines: JsonLines;
  constructor(text: string) {
    this.lines = new JsonLines(text);
  }

  lineOf(path: string): number {
    return this.lines.lineOf(path);
  }

  /** Where the value at `path` starts: its line, and its offset in the text (a segment's text is found from there). */
  placeOf(path: string): { line: number; offset: number } {
    return { line: this.lines.lineOf(path), offset: this.lines.offsetOf(path) };
  }

  /** An E_PARSE problem naming the JSON path, e.g. `at $.results.items[3]: expected a "content" string`. */
  fail(path: string, expected: string): InputProblem {
    return new InputProblem('E_PARSE', `at ${path}: ${expected}`, this.lineOf(path));
  }
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number, or a numeric string (AWS writes times as strings); undefined otherwise. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Adds start/end to a segment only when they are known (exactOptionalPropertyTypes-friendly). */
export function timed(seg: Segment, start: number | undefined, end: number | undefined): Segment {
  if (start !== undefined) seg.start = start;
  if (end !== undefined) seg.end = end;
  return seg;
}
