/**
 * Segmenting a turn into the sentences that are judged, with their offsets in the turn: the one place
 * a turn is cut into pieces. Speech-to-text turns without punctuation stay whole (for now).
 */
import type { Turn } from '../types.js';

export interface Sentence {
  text: string;
  /** Offset of the sentence in the turn's text. */
  start: number;
  /** Whether it ended in a question mark. */
  questionMark: boolean;
}

const BOUNDARY = /[.!?]+["')\]]*(?=\s+|$)|[;:](?=\s)|\s+-{1,2}\s+|…/g;
const ABBREVIATIONS = /(?:^|\s)(?:dr|mr|mrs|ms|st|vs|etc|inc|e\.g|i\.e|no|approx|jr|sr)\.$/i;

/** The sentences of a turn. */
export function segmentTurn(turn: Pick<Turn, 'text'>): Sentence[] {
  return splitSentences(turn.text);
}

/** Splits text on sentence punctuation (not after common abbreviations or inside numbers). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text))) {
    const end = m.index + m[0].length;
    const piece = text.slice(from, end);
    if (m[0].startsWith('.') && ABBREVIATIONS.test(text.slice(from, m.index + 1))) continue;
    push(out, piece, from, m[0].includes('?'));
    from = end;
  }
  if (from < text.length) push(out, text.slice(from), from, false);
  return out;
}

function push(out: Sentence[], piece: string, at: number, questionMark: boolean): void {
  const lead = piece.length - piece.trimStart().length;
  const body = piece.trim();
  if (!/[\p{L}\p{N}]/u.test(body)) return;
  out.push({ text: body, start: at + lead, questionMark });
}
