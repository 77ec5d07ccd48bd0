/**
 * Plain-text transcripts: `Name: text` lines, optional timestamps in the common shapes, Otter-style
 * `Name  0:42` header lines, Google Meet-style bare time lines, and continuation lines.
 */
import type { Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { TurnBuilder, parseClock } from './builder.js';

const TS = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;
const NAME = String.raw`[\p{L}\[][\p{L}\p{M}\p{N}'’._\-\] ]{0,38}?[\p{L}\p{N}\].]`;
/** `[00:01] Name: text`, `00:01 Name: text`, `Name (00:01): text`, `Name: text`, `Name ~: text`. */
const SPEAKER_LINE = new RegExp(
  String.raw`^\s*(?:\[?(${TS})\]?\s*[-–]?\s*)?(${NAME}|\p{L})\s*~?\s*(?:[\(\[](${TS})[\)\]])?\s*:\s*(.*)$`,
  'u',
);
/** Otter and similar: a `Name  0:42` header line; the turn's text follows on the next lines. */
const HEADER_LINE = new RegExp(String.raw`^\s*(${NAME}|\p{L})\s+(${TS})\s*$`, 'u');
/** Google Meet and similar: a bare time line stamping the speaker lines under it. */
const TIME_LINE = new RegExp(String.raw`^\s*\[?(${TS})\]?\s*$`, 'u');

const NOT_NAMES = new Set(['note', 'notes', 'summary', 'date', 'time', 'location', 'subject', 'agenda', 'attendees', 'participants', 'duration', 'title', 'http', 'https', 'action items', 'next steps']);

/** Parses plain text; throws InputProblem when no speaker lines are found. */
export function parsePlain(text: string): Transcript {
  const lines = text.split(/\r\n|\r|\n/);
  const builder = new TurnBuilder();
  const warnings: string[] = [];
  let stamp: number | undefined;
  let pendingHeader: { speaker: string; line: number; time?: number } | undefined;
  let skippedBeforeFirst = 0;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '') continue;

    const t = TIME_LINE.exec(raw);
    if (t) {
      stamp = parseClock(t[1]!);
      continue;
    }
    const h = HEADER_LINE.exec(raw);
    if (h && isName(h[1]!)) {
      pendingHeader = { speaker: cleanName(h[1]!), line: lineNo, time: parseClock(h[2]!) };
      continue;
    }
    const s = SPEAKER_LINE.exec(raw);
    if (s && isName(s[2]!)) {
      pendingHeader = undefined;
      const time = parseClock(s[1] ?? s[3] ?? '') ?? stamp;
      stamp = undefined;
      builder.add({ speaker: cleanName(s[2]!), text: s[4]!, line: lineNo, ...(time !== undefined ? { start: time } : {}) });
      continue;
    }
    if (pendingHeader) {
      const { speaker, line, time } = pendingHeader;
      builder.add({ speaker, text: raw, line: lineNo, ...(time !== undefined ? { start: time } : {}) });
      pendingHeader = undefined;
      void line;
      continue;
    }
    if (!builder.continueTurn(raw, lineNo)) skippedBeforeFirst++;
  }

  if (builder.size === 0) {
    throw new InputProblem('E_NO_TURNS', 'no speaker lines found (expected lines like "Name: text", or a WebVTT, SRT, CSV, JSON or Rev .nlp transcript)');
  }
  if (skippedBeforeFirst > 0) warnings.push(`${skippedBeforeFirst} line(s) before the first speaker were skipped`);
  return { format: 'text', turns: builder.turns(), warnings };
}

function isName(name: string): boolean {
  const n = name.trim().replace(/^\[|\]$/g, '');
  if (!n || n.split(/\s+/).length > 4) return false;
  if (NOT_NAMES.has(n.toLowerCase())) return false;
  const words = n.split(/\s+/);
  // Several words make a name only when each is capitalized ("Dr. Amato", "Speaker 1"), so that
  // a continuation line such as "so here is the thing: ..." is not taken for a speaker.
  return words.length === 1 || words.every((w) => /^[\p{Lu}\p{N}\[]/u.test(w));
}

function cleanName(name: string): string {
  return name.trim().replace(/^\[(.*)\]$/, '$1').replace(/\s*~$/, '').trim();
}
