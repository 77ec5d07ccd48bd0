/** Collects segments into turns: adjacent segments of one speaker merge, pieces keep their lines. */
import type { TextPiece, Turn } from '../types.js';

export interface Segment {
  speaker: string;
  text: string;
  /** 1-based line in the original file. */
  line: number;
  /** Offset in the file's text at or before which the segment's text starts, where the format knows it (JSON). */
  offset?: number;
  start?: number;
  end?: number;
}

/** Whitespace to change: a run of two or more, or one that is not a plain space (a lone space stays). */
const SPACE_TO_CHANGE = /\s{2,}|[^\S ]/g;
/** Texts longer than this are collapsed in pieces: one replace over a 40 MB string took 800 MB. */
const PIECE = 1 << 20;

/** Runs of white space as one space, trimmed; what `text.replace(/\s+/g, ' ').trim()` gives, in memory linear in the text. */
export function collapseSpace(text: string): string {
  if (text.length <= PIECE) return text.replace(SPACE_TO_CHANGE, ' ').trim();
  const parts: string[] = [];
  let endsInSpace = false;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + PIECE);
    // Cut where a run of white space starts, so that no run spans two pieces.
    while (to > from && to < text.length && /\s/.test(text[to - 1]!)) to--;
    if (to === from) to = Math.min(text.length, from + PIECE); // a piece of white space only
    let part = text.slice(from, to).replace(SPACE_TO_CHANGE, ' ');
    // Only a piece of white space only can end in a run that goes on: its space is already there.
    if (part.startsWith(' ') && endsInSpace) part = part.slice(1);
    if (part) endsInSpace = part.endsWith(' ');
    parts.push(part);
    from = to;
  }
  return parts.join('').replace(/^ | $/g, '');
}

/** Builds the turn list; call `add` per segment in order, then `turns()`. */
export class TurnBuilder {
  private readonly list: Turn[] = [];

  add(seg: Segment): void {
    const text = collapseSpace(seg.text);
    if (!text) return;
    const last = this.list[this.list.length - 1];
    if (last && last.speaker === seg.speaker) {
      const at = last.text.length + 1;
      last.text += ' ' + text;
      last.pieces.push(piece(at, seg));
      if (seg.start !== undefined && last.start === undefined) last.start = seg.start;
      if (seg.end !== undefined) last.end = Math.max(last.end ?? seg.end, seg.end);
      return;
    }
    this.list.push({
      speaker: seg.speaker,
      text,
      line: seg.line,
      ...(seg.start !== undefined ? { start: seg.start } : {}),
      ...(seg.end !== undefined ? { end: seg.end } : {}),
      pieces: [piece(0, seg)],
    });
  }

  /** Appends text to the current turn (a continuation line without a speaker). */
  continueTurn(text: string, line: number): boolean {
    const last = this.list[this.list.length - 1];
    if (!last) return false;
    const clean = collapseSpace(text);
    if (!clean) return true;
    const at = last.text.length + 1;
    last.text += ' ' + clean;
    last.pieces.push({ at, line });
    return true;
  }

  get size(): number {
    return this.list.length;
  }

  turns(): Turn[] {
    return this.list;
  }
}

/**
 * Turns a whole list of segments into turns. When every segment has a start time they are first
 * ordered by it (stable), because overlapping cues and multi-channel word lists arrive out of order.
 */
export function buildTurns(segments: readonly Segment[]): Turn[] {
  const timed = segments.length > 0 && segments.every((s) => s.start !== undefined);
  const ordered = timed ? [...segments].sort((a, b) => a.start! - b.start!) : segments;
  const builder = new TurnBuilder();
  for (const seg of ordered) builder.add(seg);
  return builder.turns();
}

function piece(at: number, seg: Segment): TextPiece {
  return { at, line: seg.line, ...(seg.offset !== undefined ? { offset: seg.offset } : {}), ...(seg.start !== undefined ? { time: seg.start } : {}) };
}

/** Parses `HH:MM:SS(.mmm)`, `MM:SS`, or `H:M:S.f` into seconds; undefined when it is not a time. */
export function parseClock(value: string): number | undefined {
  const m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9}))?$/.exec(value.trim());
  if (!m) return undefined;
  const [, h, mi, s, frac] = m;
  if (Number(s) > 59 || (Number(mi) > 59 && h !== undefined)) return undefined;
  const seconds = Number(h ?? 0) * 3600 + Number(mi) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** Splits text into lines, keeping the 1-based numbering of the original file (CRLF, CR or LF). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
