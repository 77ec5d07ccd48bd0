/** Escaping and small text helpers shared by the formatters, so every output neutralises hostile transcript text the same way. */
import type { Finding } from '../types.js';

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF; a parser rejects the whole document if one slips in.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML or HTML content and attribute values (all five special characters) and drops characters XML forbids. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/** HTML uses the same escaping as XML: every transcript-derived string goes through it. */
export const escapeHtml = escapeXml;

/** A CSV cell value: strings are text cells; numbers and booleans are written by us and never neutralised. */
export type CsvValue = string | number | boolean | null | undefined;

// Spreadsheets run a text cell starting with one of these as a formula (CSV injection, OWASP); `;`
// too, since a spreadsheet that splits on `;` starts a new cell after it.
const FORMULA_START = /^[=+\-@\t\r;]/;

/** One RFC 4180 cell: text cells that could run as a formula get a leading `'`; cells with quotes, commas or line breaks are quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  // Quoted when it holds `;` too: a spreadsheet that splits on `;` then keeps "a;=1+1" as one text cell.
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record; RFC 4180 ends records with CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/**
 * Escapes transcript text for Markdown prose and table cells: pipes (which would split a cell), backticks,
 * emphasis and link brackets, and `<`/`&` (which would start HTML or an entity). Line breaks become spaces
 * because a table row must stay on one line.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** GitHub workflow-command data (the message after `::`). */
export function escapeGithubData(value: unknown): string {
  return String(value ?? '').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow-command property values (file, title): data escaping plus `:` and `,`, which delimit properties. */
export function escapeGithubProperty(value: unknown): string {
  return escapeGithubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A repository-style path: forward slashes and no leading `./`, as code-scanning and annotation tools expect. */
export function portablePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Splits a finding's sentence around its match so formatters can highlight it. The match is the
 * first occurrence of its words in the sentence (a finding's position is in the file, not the sentence).
 */
export function splitMatch(finding: Pick<Finding, 'text' | 'match'>): { before: string; match: string; after: string } {
  const { text, match } = finding;
  const at = match ? text.indexOf(match) : -1;
  if (at < 0) return { before: text, match: '', after: '' };
  return { before: text.slice(0, at), match, after: text.slice(at + match.length) };
}

/** Seconds as m:ss or h:mm:ss, for transcripts with times. */
export function formatTime(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A 0..1 share as a whole percentage, e.g. 0.624 -> "62%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Rounds for display and machine output alike, so goldens do not depend on float noise. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
