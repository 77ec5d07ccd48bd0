/** Cue scanning shared by WebVTT and SRT: blocks, timing lines, and the speaker inside a cue's text. */
import { InputProblem } from '../errors.js';
import { parseClock, splitLines, type Segment } from './builder.js';
import { cleanName, isName } from './names.js';

export interface CueScan {
  segments: Segment[];
  /** How speakers were marked: voice tags, `Name:` prefixes, `[SPEAKER_01]:` prefixes, or not at all. */
  marks: { voice: number; prefix: number; bracket: number };
}

/** A line that tries to be a cue timing: it has an arrow, or starts like a time and has a second one. */
const TIMING_TRY = /-->|^\s*\d{1,3}:\d{1,2}[:.,\d]*\s+-+>?\s*\d/;
const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s+.*)?$/;
const PREFIX = /^\s*(?:[-–]\s*)?(?:>>\s*)?([^:<>]{1,40}?)\s*~?\s*:\s+(.*)$/u;
const BRACKET = /^\s*\[([^\]]{1,40})\]\s*:?\s*(.*)$/u;
/** Bracketed sound tags that are not speakers: `[Music]`, `[Laughter]`. */
const SOUNDS = /^(music|laughter|laughs|applause|inaudible|crosstalk|silence|noise|background noise|foreign)$/i;
const VOICE = /^\s*<v(?:\.[^\s>]+)*(?:\s+([^>]*))?>/;

/**
 * Scans cue blocks. `vtt` skips the header and NOTE/STYLE/REGION blocks. Throws InputProblem with
 * the line for a timing line that does not parse or a block that has no timing line.
 */
export function scanCues(text: string, vtt: boolean): CueScan {
  const lines = splitLines(text);
  const segments: Segment[] = [];
  const marks = { voice: 0, prefix: 0, bracket: 0 };
  let previous: string | undefined;
  let i = 0;
  if (vtt) {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      throw new InputProblem('E_PARSE', 'a WebVTT file must start with "WEBVTT"', 1);
    }
    while (i < lines.length && lines[i]!.trim() !== '') i++;
  }
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const blockStart = i;
    let end = i;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    const first = lines[i]!.trim();
    if (vtt && /^(NOTE|STYLE|REGION)(\s|$)/.test(first)) {
      i = end;
      continue;
    }
    // The timing is the first or second line of the block (after a cue id or SRT number).
    const t = TIMING_TRY.test(lines[i]!) ? i : i + 1 < end && TIMING_TRY.test(lines[i + 1]!) ? i + 1 : -1;
    if (t < 0) {
      throw new InputProblem('E_PARSE', `expected a cue timing line like "00:00:01.000 --> 00:00:04.000" in this cue`, blockStart + 1);
    }
    const m = TIMING.exec(lines[t]!);
    const start = m ? parseClock(m[1]!) : undefined;
    const stop = m ? parseClock(m[2]!) : undefined;
    if (start === undefined || stop === undefined) {
      throw new InputProblem('E_PARSE', `bad cue timing "${lines[t]!.trim()}" (expected "00:00:01.000 --> 00:00:04.000")`, t + 1);
    }
    let cueSpeaker: string | undefined;
    for (let k = t + 1; k < end; k++) {
      const found = lineSpeaker(lines[k]!, k === t + 1, marks);
      if (found.speaker) cueSpeaker = found.speaker;
      const speaker = cueSpeaker ?? previous ?? 'Speaker';
      segments.push({ speaker, text: found.text, line: k + 1, start, end: stop });
      cueSpeaker = speaker;
    }
    previous = cueSpeaker ?? previous;
    i = end;
  }
  return { segments, marks };
}

/** Finds the speaker marked at the start of one payload line and returns the rest as clean text. */
function lineSpeaker(raw: string, firstLine: boolean, marks: CueScan['marks']): { speaker?: string; text: string } {
  const v = VOICE.exec(raw);
  if (v) {
    marks.voice++;
    const name = decodeEntities((v[1] ?? '').trim());
    return { ...(name ? { speaker: name } : {}), text: cleanCueText(raw.slice(v[0].length)) };
  }
  const text = cleanCueText(raw);
  const b = BRACKET.exec(text);
  if (b && b[2]!.trim() && !SOUNDS.test(b[1]!.trim()) && /^(SPEAKER|Speaker|spk)[ _]?\w+$|^[\p{Lu}][\p{L}\p{M}'’. -]*$/u.test(b[1]!.trim()) && isName(b[1]!)) {
    marks.bracket++;
    return { speaker: cleanName(b[1]!), text: b[2]! };
  }
  if (firstLine || /^\s*[-–]|^\s*>>/.test(text)) {
    const p = PREFIX.exec(text);
    if (p && isName(p[1]!)) {
      marks.prefix++;
      return { speaker: cleanName(p[1]!), text: p[2]! };
    }
  }
  return { text };
}

/** Removes cue markup (`<c>`, `<i>`, inline timestamps, `</v>`) and decodes HTML entities. */
export function cleanCueText(raw: string): string {
  return decodeEntities(raw.replace(/<[^>]*>/g, '')).trim();
}

// Null prototype: "&constructor;" otherwise decoded to the source text of Object's constructor.
const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' });

/** Decodes the HTML entities WebVTT allows (and numeric ones), leaving unknown ones as they are. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}
