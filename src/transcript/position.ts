/**
 * From offsets in a turn's text back to the input file: the line (and cue time) of the piece that
 * holds an offset, and where matched words stand in the file's text, found there again word by word,
 * whatever the format (JSON escapes, one word a line in Rev .nlp, markup stripped from Markdown).
 */
import type { Turn } from '../types.js';

/** 1-based line and column (UTF-16 code units) of the first character, and of the one just after the last. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The line (and time) in the original file of the piece of `turn` that holds `offset`. */
export function lineAt(turn: Turn, offset: number): { line: number; time?: number } {
  const p = pieceAt(turn, offset);
  if (!p) return { line: turn.line };
  return p.time !== undefined ? { line: p.line, time: p.time } : { line: p.line };
}

function pieceAt(turn: Turn, offset: number): Turn['pieces'][number] | undefined {
  const pieces = turn.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo];
}

/** How far past the word before it a word may stand in the file (AWS and Deepgram give each word an object). */
const MAX_GAP = 65_536;
/** Words of a transcript that may go unfound before the search stops (each miss may scan the rest of the file). */
const MISS_BUDGET = 64;
const WORD = /[\p{L}\p{N}]+/gu;

/** Where the words of one piece stand in the file, found so far (in order). */
interface Aligned {
  /** Offsets in the turn's text where each word starts. */
  text: number[];
  /** Where each word starts and ends in the file's text; -1 for a word not found. */
  start: number[];
  end: number[];
  /** Where in the turn's text aligning goes on, and from where in the file's text. */
  textAt: number;
  sourceAt: number;
}

/** Finds matched words in a file's text; built once per transcript. */
export class SourceMap {
  private lineStarts: number[] | undefined;
  private readonly aligned = new Map<Turn['pieces'][number], Aligned>();
  private misses = 0;

  /** The file's text lower-cased for the search (made on first use); null where lower-casing would move offsets. */
  private lowered: string | null | undefined;

  constructor(private readonly source: string | undefined) {}

  private get lower(): string | undefined {
    if (this.lowered === undefined) {
      const lower = this.source?.toLowerCase();
      this.lowered = lower !== undefined && lower.length === this.source!.length ? lower : null;
    }
    return this.lowered ?? undefined;
  }

  /**
   * Where `match`, which starts at `offset` in the turn's text, stands in the file; undefined when
   * the file's text is not known or the words were not found in it.
   */
  locate(turn: Turn, offset: number, match: string): SourceRange | undefined {
    if (this.source === undefined || this.lower === undefined) return undefined;
    const words = [...match.matchAll(WORD)];
    if (words.length === 0) return undefined;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const start = this.word(turn, offset + first.index!);
    const end = this.word(turn, offset + last.index!);
    if (!start || !end) return undefined;
    let from = start.start;
    // A turn merged from cues the file holds out of time order can end earlier in the file than it
    // starts; a range must run forwards, so it then covers the first word alone.
    let to = end.end > from ? end.end : start.end;
    // Characters around the words ("$500", "20%") count when the file has them right there.
    const before = match.slice(0, first.index);
    const after = match.slice(last.index! + last[0].length);
    if (before && this.source.slice(from - before.length, from) === before) from -= before.length;
    if (after && this.source.slice(to, to + after.length) === after) to += after.length;
    const a = this.position(from);
    const b = this.position(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The file span of the word that starts at `at` in the turn's text. */
  private word(turn: Turn, at: number): { start: number; end: number } | undefined {
    const piece = pieceAt(turn, at);
    if (!piece) return undefined;
    const next = turn.pieces[turn.pieces.indexOf(piece) + 1];
    const state = this.align(turn, piece, next?.at ?? turn.text.length, at);
    const i = indexOf(state.text, at);
    if (i < 0 || state.start[i]! < 0) return undefined;
    return { start: state.start[i]!, end: state.end[i]! };
  }

  /** Aligns the piece's words with the file's text, in order, up to and including the word at `until`. */
  private align(turn: Turn, piece: Turn['pieces'][number], pieceEnd: number, until: number): Aligned {
    let state = this.aligned.get(piece);
    if (!state) {
      // A piece's text never starts before its line (or, in JSON, its object) in the file.
      state = { text: [], start: [], end: [], textAt: piece.at, sourceAt: piece.offset ?? this.starts()[piece.line - 1] ?? 0 };
      this.aligned.set(piece, state);
    }
    const lower = this.lower!;
    const words = new RegExp(WORD.source, 'gu');
    words.lastIndex = state.textAt;
    while (state.textAt <= until && state.textAt < pieceEnd) {
      const m = words.exec(turn.text);
      if (!m || m.index >= pieceEnd) {
        state.textAt = pieceEnd;
        break;
      }
      state.textAt = m.index + m[0].length;
      state.text.push(m.index);
      const found = this.misses < MISS_BUDGET ? findWord(lower, m[0], state.sourceAt) : undefined;
      if (!found || found.start - state.sourceAt > MAX_GAP) {
        this.misses++;
        state.start.push(-1);
        state.end.push(-1);
        continue;
      }
      state.start.push(found.start);
      state.end.push(found.end);
      state.sourceAt = found.end;
      if (m.index >= until) break;
    }
    return state;
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const src = this.source ?? '';
      const starts = [0];
      for (let i = 0; i < src.length; i++) {
        const c = src.charCodeAt(i);
        // CRLF, CR and LF each end a line, as splitLines numbers them.
        if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  private position(offset: number): { line: number; column: number } {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

/** Index of `value` in an increasing list, or -1. */
function indexOf(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! === value) return mid;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Whether the character is part of a word (a letter or a digit, in any script). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]!);
}

/** Whether a word may start at `i`: after a non-letter, or after a JSON escape ("I\u2019m", "line\nnext"). */
function startsWord(text: string, i: number): boolean {
  if (i === 0 || !isWordChar(text, i - 1)) return true;
  if (i >= 6 && text[i - 6] === '\\' && text[i - 5] === 'u' && /^[0-9a-f]{4}$/.test(text.slice(i - 4, i))) return true;
  return i >= 2 && text[i - 2] === '\\' && 'nrtbf'.includes(text[i - 1]!);
}

/**
 * The first whole-word occurrence of `word` at or after `from`, in the file's text lower-cased
 * (Rev .nlp sets case by a column); a non-ASCII letter may stand there as a JSON \uXXXX escape.
 */
function findWord(lower: string, word: string, from: number): { start: number; end: number } | undefined {
  const forms = [word.toLowerCase()];
  if (/[^\u0000-\u007f]/.test(word)) forms.push([...forms[0]!].map((ch) => (ch.charCodeAt(0) < 128 ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)).join(''));
  let best: { start: number; end: number } | undefined;
  for (const form of forms) {
    let at = lower.indexOf(form, from);
    while (at >= 0 && !(startsWord(lower, at) && !isWordChar(lower, at + form.length))) at = lower.indexOf(form, at + 1);
    if (at >= 0 && (!best || at < best.start)) best = { start: at, end: at + form.length };
  }
  return best;
}
