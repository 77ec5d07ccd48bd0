/** From an offset in a turn's text to the line (and cue time) in the original file. */
import type { Turn } from '../types.js';

export function lineAt(turn: Turn, offset: number): { line: number; time?: number } {
  const pieces = turn.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo];
  if (!p) return { line: turn.line };
  return p.time !== undefined ? { line: p.line, time: p.time } : { line: p.line };
}
