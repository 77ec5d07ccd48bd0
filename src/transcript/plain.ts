/**
 * Plain-text transcripts: `Name: text` lines, optional timestamps in the common shapes, Otter-style
 * `Name  0:42` header lines, Google Meet-style bare time lines, and continuation lines.
 */
import type { Participant, Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { TurnBuilder, parseClock, splitLines } from './builder.js';
import { DirectiveTracker } from './directives.js';
import { cleanName, isName } from './names.js';

const TS = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;
const NAME = String.raw`[\p{L}\[][\p{L}\p{M}\p{N}'’._\-\] ]{0,38}?[\p{L}\p{N}\].]`;
/** A title or company in brackets after a name ("Dana (Account Executive)"), not a time. */
const TITLE = String.raw`[\p{L}][\p{L}\p{M}\p{N}&'’.,/ \-]{0,40}`;
/** `[00:01] Name: text`, `00:01 Name: text`, `Name (00:01): text`, `Name (Title): text`, `Name: text`, `Name ~: text`. */
const SPEAKER_LINE = new RegExp(
  String.raw`^\s*(?:\[?(${TS})\]?\s*[-–]?\s*)?(${NAME}|\p{L})\s*~?\s*(?:[\(\[](${TS})[\)\]]|\((${TITLE})\))?\s*:\s*(.*)$`,
  'u',
);
/** Otter and similar: a `Name  0:42` header line; the turn's text follows on the next lines. */
const HEADER_LINE = new RegExp(String.raw`^\s*(${NAME}|\p{L})\s+(${TS})\s*$`, 'u');
/** The same with the time first (`00:00:01 Name`, `[0:42] Name`) or with no time (`Name:` alone on its line). */
const TIME_FIRST_HEADER = new RegExp(String.raw`^\s*\[?(${TS})\]?\s+(${NAME}|\p{L})\s*$`, 'u');
const NAME_ALONE_HEADER = new RegExp(String.raw`^\s*(${NAME}|\p{L})\s*:\s*$`, 'u');
/** Google Meet and similar: a bare time line stamping the speaker lines under it. */
const TIME_LINE = new RegExp(String.raw`^\s*\[?(${TS})\]?\s*$`, 'u');
/** Otter's export footer, which is not part of the conversation. */
const OTTER_FOOTER = /^\s*transcribed by https?:\/\/otter\.ai\s*$/i;

/** Parses plain text; throws InputProblem when no speaker lines are found. */
export function parsePlain(text: string): Transcript {
  const lines = splitLines(text);
  const builder = new TurnBuilder();
  const directives = new DirectiveTracker();
  const warnings: string[] = [];
  let stamp: number | undefined;
  let header: { speaker: string; time?: number; otter?: boolean } | undefined;
  let skippedBeforeFirst = 0;
  let headers = 0;
  let timeLines = 0;
  const participants: Participant[] = [];

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '') continue;
    if (directives.take(raw) || OTTER_FOOTER.test(raw)) continue;

    const t = TIME_LINE.exec(raw);
    if (t) {
      stamp = parseClock(t[1]!);
      timeLines++;
      continue;
    }
    const h = headerLine(raw);
    if (h) {
      header = h;
      if (h.otter) headers++;
      continue;
    }
    const s = SPEAKER_LINE.exec(raw);
    if (s && isName(s[2]!)) {
      header = undefined;
      // A bare time line stamps every speaker line under it, up to the next time line.
      const time = parseClock(s[1] ?? s[3] ?? '') ?? stamp;
      directives.reached(lineNo);
      // A title in brackets stays in the name, as Markdown's bold labels keep it, and lists the speaker as a participant so the roles can read the title.
      const title = s[4]?.trim();
      const speaker = title ? `${cleanName(s[2]!)} (${title})` : cleanName(s[2]!);
      if (title && !participants.some((p) => p.name === speaker)) participants.push({ name: speaker, description: title });
      builder.add({ speaker, text: s[5]!, line: lineNo, ...(time !== undefined ? { start: time } : {}) });
      continue;
    }
    if (header) {
      // The first text line under an Otter header opens the turn; later ones continue it.
      directives.reached(lineNo);
      builder.add({ speaker: header.speaker, text: raw, line: lineNo, ...(header.time !== undefined ? { start: header.time } : {}) });
      header = undefined;
      continue;
    }
    if (builder.continueTurn(raw, lineNo)) directives.reached(lineNo);
    else skippedBeforeFirst++;
  }

  if (builder.size === 0) {
    throw new InputProblem('E_NO_TURNS', 'no speaker lines found (expected lines like "Name: text", or a WebVTT, SRT, CSV, JSON or Rev .nlp transcript)');
  }
  if (skippedBeforeFirst > 0) warnings.push(`${skippedBeforeFirst} line(s) before the first speaker were skipped`);
  const layout = headers > 0 ? 'otter' : timeLines > 0 ? 'google-meet' : 'plain';
  return {
    format: 'text',
    layout,
    turns: builder.turns(),
    warnings,
    ...(directives.list.length ? { suppressions: directives.list } : {}),
    ...(participants.length ? { participants } : {}),
  };
}

/** A line that names the speaker of the text lines under it, with or without a time. */
function headerLine(raw: string): { speaker: string; time?: number; otter: boolean } | undefined {
  const h = HEADER_LINE.exec(raw);
  const t = h ? undefined : TIME_FIRST_HEADER.exec(raw);
  const name = h?.[1] ?? t?.[2] ?? NAME_ALONE_HEADER.exec(raw)?.[1];
  if (name === undefined || !isName(name)) return undefined;
  const time = parseClock(h?.[2] ?? t?.[1] ?? '');
  return { speaker: cleanName(name), ...(time !== undefined ? { time } : {}), otter: h !== null };
}
