/**
 * Where a finding sits in the editor's document. A finding carries its match's line/column/endLine/
 * endColumn in the file (1-based, the end one past the match, as in SARIF), which `matchRange` uses;
 * the search below is the fallback for a finding whose words could not be found again in the file.
 */
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../types.js';

/** A finding with the file positions issue #11 adds (1-based; the end is the column after the match). */
type Positioned = Finding & { endLine?: number; endColumn?: number };

/**
 * The range of a finding's match in the document: 0-based lines, UTF-16 columns, as LSP counts them.
 * Call-level findings (talk share, monologues) are about the whole document and sit on its first
 * line of text; a match that cannot be found again covers its line's text.
 */
export function matchRange(doc: TextDocument, finding: Finding): Range {
  const f = finding as Positioned;
  if (f.scope === 'call') return lineRange(doc, firstTextLine(doc));
  if (f.line !== undefined && f.column !== undefined && f.endLine !== undefined && f.endColumn !== undefined) {
    return { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } };
  }
  const line = Math.min(Math.max(0, (f.line ?? 1) - 1), doc.lineCount - 1);
  if (!f.match.trim()) return lineRange(doc, line);
  const text = doc.getText();
  const from = doc.offsetAt({ line, character: 0 });
  const to = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
  const found = bestOccurrence(text, looseRegExp(f.match, true), from, to, f.text.slice(0, Math.max(0, f.text.indexOf(f.match))));
  return found ? { start: doc.positionAt(found.start), end: doc.positionAt(found.end) } : lineRange(doc, line);
}

/**
 * The range of the finding's whole sentence, when it can be found around `match` (it may start on an
 * earlier line); undefined when the document's wording differs from the sentence too much to be sure.
 */
export function sentenceRange(doc: TextDocument, finding: Finding, match: Range): Range | undefined {
  if (finding.scope === 'call' || !finding.text.trim()) return undefined;
  const text = doc.getText();
  const matchStart = doc.offsetAt(match.start);
  const matchEnd = doc.offsetAt(match.end);
  const re = looseRegExp(finding.text, false);
  re.lastIndex = doc.offsetAt({ line: Math.max(0, match.start.line - 50), character: 0 });
  for (let m = re.exec(text); m && m.index <= matchStart; m = re.exec(text)) {
    if (m.index + m[0].length >= matchEnd) return { start: doc.positionAt(m.index), end: doc.positionAt(m.index + m[0].length) };
    re.lastIndex = m.index + 1;
  }
  return undefined;
}

function firstTextLine(doc: TextDocument): number {
  const i = doc.getText().split('\n').findIndex((l) => l.trim() !== '');
  return Math.max(0, i);
}

/** A line's text without its leading and trailing white space (the whole line when it is blank). */
export function lineRange(doc: TextDocument, line: number): Range {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? { start: { line, character: start }, end: { line, character: end } } : { start: { line, character: 0 }, end: { line, character: text.length } };
}

/**
 * The words of `phrase` as they may stand in the raw document: any run of white space (line breaks
 * included) where the phrase has one, and the Markdown the parser removed around words (emphasis,
 * code marks, a link's brackets and address, a quote's or list item's marker on a wrapped line).
 */
export function looseRegExp(phrase: string, wordBounded: boolean): RegExp {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const markup = String.raw`[*_\x60~\[\]]`;
  // One run of white space, so that a failed search stays linear (no nested repeats of \s).
  const gap = String.raw`(?:\]\([^)\s]*\))?${markup}*\s+(?:(?:>|[-+](?=\s))\s*)*${markup}*`;
  const body = words.join(gap);
  const before = wordBounded && /^[\p{L}\p{N}]/u.test(phrase.trim()) ? String.raw`(?<![\p{L}\p{N}])` : '';
  const after = wordBounded && /[\p{L}\p{N}]$/u.test(phrase.trim()) ? String.raw`(?![\p{L}\p{N}])` : '';
  return new RegExp(before + body + after, 'giu');
}

/**
 * The occurrence of `re` that starts in [from, to); where there are several, the one whose preceding
 * text best matches `before` (the sentence's words ahead of the match).
 */
function bestOccurrence(text: string, re: RegExp, from: number, to: number, before: string): { start: number; end: number } | undefined {
  const want = letters(before);
  let best: { start: number; end: number; score: number } | undefined;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const score = commonSuffix(letters(text.slice(Math.max(0, m.index - want.length * 3 - 40), m.index)), want);
    if (!best || score > best.score) best = { start: m.index, end: m.index + m[0].length, score };
    re.lastIndex = m.index + 1;
  }
  return best;
}

function letters(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
