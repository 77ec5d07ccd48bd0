/** Word-level formats (AWS items, Deepgram words, Rev .nlp): their words joined back into sentence segments. */
import type { Segment } from './builder.js';

/** One word (or punctuation mark) of a word-level format. */
export interface Word {
  speaker: string;
  text: string;
  /** Punctuation that sticks to the previous word (no space before it). */
  attach?: boolean;
  line: number;
  /** Offset in the file's text at or before which the word stands, where the format knows it (JSON). */
  offset?: number;
  start?: number;
  end?: number;
}

/**
 * Joins words into segments, one per sentence and speaker run, so that each segment keeps the
 * line and time of its first word (findings then point near the words, not at the turn's start).
 */
export function joinWords(tokens: readonly Word[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | undefined;
  let sentenceDone = false;
  for (const tok of tokens) {
    const word = tok.text.trim();
    if (!word) continue;
    if (cur && tok.attach && cur.speaker === tok.speaker) {
      cur.text += word;
      if (tok.end !== undefined) cur.end = tok.end;
      if (/[.?!…]["')\]]*$/.test(word)) sentenceDone = true;
      continue;
    }
    if (!cur || cur.speaker !== tok.speaker || sentenceDone) {
      cur = { speaker: tok.speaker, text: word, line: tok.line, ...(tok.offset !== undefined ? { offset: tok.offset } : {}) };
      if (tok.start !== undefined) cur.start = tok.start;
      if (tok.end !== undefined) cur.end = tok.end;
      out.push(cur);
    } else {
      cur.text += ' ' + word;
      if (tok.end !== undefined) cur.end = tok.end;
      if (cur.start === undefined && tok.start !== undefined) cur.start = tok.start;
    }
    sentenceDone = /[.?!…]["')\]]*$/.test(word);
  }
  return out;
}
