/**
 * Markdown transcripts: `**Name:** text` (or `**Name**: text`, or `Name: text` in role-play scripts);
 * metadata before the first exchange, headings, stage directions and trailing notes are not turns.
 */
import type { Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { TurnBuilder, splitLines } from './builder.js';
import { DirectiveTracker } from './directives.js';
import { cleanName, isName } from './names.js';

/** `**Name:** text`, `**Name**: text`, `__Name:__ text`, optionally as a list item or quote. */
const BOLD_TURN = /^\s*(?:[-*+>]\s+)?(\*\*|__)([^*_]{1,60}?)(?::\s*\1|\1\s*:)\s*(.*)$/u;
const PLAIN_TURN = /^\s*(?:>\s*)?([\p{L}][\p{L}\p{M}\p{N}'’. \-]{0,38}?)\s*:\s+(.*)$/u;
const HEADING = /^\s{0,3}#{1,6}\s/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
/** Labels of metadata lines (`**Date:** ...`) rather than speakers. */
const META = /^(date|time|call id|id|duration|participants|attendees|outcome|title|subject|company|account|deal|stage|location|recorded|recording|meeting|agenda|call type|type|product|topic|summary|result|source|length|platform|host|organizer|company name)$/i;
/** Labels and headings that open a notes section after the conversation; nothing after is a turn. */
const NOTES = /^(call notes|notes|summary|action items|next steps|key takeaways|takeaways|analysis|coaching notes|feedback|debrief|follow[- ]up|outcome|review)\b/i;
/** Whole lines that are stage directions: `*hangs up*`, `_[laughs]_`, `[pause]`, `(laughs)`. */
const DIRECTION = /^\s*(?:[*_]+\s*[\[(]?[^*_]*?[\])]?\s*[*_]+|\[[^\]]*\]|\([^)]*\))\s*$/;

/** A participant in a header list: `- Maria (Account Executive, TribeAI)` or `- Maria: Account Executive`. */
const PARTICIPANT = /^\s*[-*+]\s+([\p{L}][\p{L}\p{M}'’. \-]{0,40}?)\s*(?:\(([^)]{2,80})\)|[:–—-]\s+(.{2,80}))\s*$/u;

/** Parses a Markdown transcript; throws InputProblem when it holds no turns. */
export function parseMarkdown(text: string): Transcript {
  const lines = splitLines(text);
  const participants: Array<{ name: string; description: string }> = [];
  const builder = new TurnBuilder();
  const directives = new DirectiveTracker();
  let inComment = false;
  let afterRule = false;
  let open = false;
  const counts = labelCounts(lines);
  const speakersSeen = [...counts.values()].some((n) => n >= 2);

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      continue;
    }
    if (raw.trim() === '') continue;
    if (directives.take(raw)) continue;
    if (/^\s*<!--/.test(raw)) {
      inComment = !raw.includes('-->');
      continue;
    }
    if (RULE.test(raw)) {
      afterRule = true;
      continue;
    }
    const started = builder.size > 0;
    if (HEADING.test(raw)) {
      if (started && NOTES.test(raw.replace(/^\s*#+\s*/, ''))) break;
      continue;
    }
    const turn = speakerLine(raw);
    if (turn) {
      const label = turn.label;
      if (started && NOTES.test(label)) break;
      // Before the first exchange, a label used once (while real speakers recur) is metadata.
      if (!started && (META.test(label) || !isName(label) || (speakersSeen && counts.get(label) === 1))) continue;
      if (started && !isName(label)) {
        if (open && builder.continueTurn(clean(raw), lineNo)) directives.reached(lineNo);
        continue;
      }
      afterRule = false;
      const said = clean(turn.text);
      open = true;
      if (!said) continue;
      directives.reached(lineNo);
      builder.add({ speaker: cleanName(label), text: said, line: lineNo });
      continue;
    }
    // Notes after a closing `---` end the conversation; a rule between exchanges does not.
    if (started && afterRule) break;
    if (!started) {
      // The header's participant list says who is who: the roles use it.
      const p = PARTICIPANT.exec(raw);
      if (p) participants.push({ name: p[1]!.trim(), description: (p[2] ?? p[3] ?? '').trim() });
      continue;
    }
    if (DIRECTION.test(raw)) continue;
    // Wrapped or further paragraphs of the current turn (lists and quotes inside a turn included).
    if (open && builder.continueTurn(clean(raw), lineNo)) directives.reached(lineNo);
  }
  if (builder.size === 0) {
    throw new InputProblem('E_NO_TURNS', 'no turns found in this Markdown (expected lines like "**Name:** text" or "Name: text")');
  }
  return {
    format: 'markdown',
    layout: 'markdown',
    turns: builder.turns(),
    warnings: [],
    ...(directives.list.length ? { suppressions: directives.list } : {}),
    ...(participants.length ? { participants } : {}),
  };
}

function labelCounts(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const label = speakerLine(line)?.label;
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

function speakerLine(raw: string): { label: string; text: string } | undefined {
  const b = BOLD_TURN.exec(raw);
  if (b) return { label: b[2]!.trim(), text: b[3]! };
  const p = PLAIN_TURN.exec(raw);
  if (p && !/^\s*(https?|mailto)$/i.test(p[1]!)) return { label: p[1]!.trim(), text: p[2]! };
  return undefined;
}

/** Words that end in "s" but are emphasis, not stage verbs like "laughs" or "points". */
const NOT_DIRECTIONS = new Set(['this', 'is', 'was', 'his', 'its', 'has', 'does', 'yes', 'us', 'as', 'less', 'always', 'plus', 'thus', 'unless', 'perhaps', 'across']);

/** Removes stage directions and Markdown emphasis from spoken text, keeping the words. */
function clean(text: string): string {
  return text
    .replace(/[*_]\s*\[[^\]]*\]\s*[*_]|\[(?:laughs?|laughter|pause|sighs?|inaudible|crosstalk|silence|chuckles?|music)[^\]]*\]/gi, ' ')
    .replace(/(?<![*\w])[*_]([a-z][^*_]{0,60}?)[*_](?![*\w])/g, (whole, inner: string) => (isDirection(inner) ? ' ' : inner))
    .replace(/\*\*|__/g, '')
    .replace(/(?<!\w)[*_](\S[^*_]*?)[*_](?!\w)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+>]\s+)+/, '')
    // "here—*points to chart*—deals" leaves two dashes around the removed direction.
    .replace(/([—–])\s*\1/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function isDirection(inner: string): boolean {
  const first = inner.trim().split(/\s+/)[0]!.toLowerCase();
  if (/^(inaudible|crosstalk|silence|pause|laughter|laughing|nodding|smiling|sighing|typing|muted|unmuted)$/.test(first)) return true;
  return /s$/.test(first) && !NOT_DIRECTIONS.has(first) && first.length > 2;
}
