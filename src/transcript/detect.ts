/** Guesses a transcript's format from its content; the file name's extension is only a tie-breaker. */
import type { InputFormat } from '../types.js';
import { splitLines } from './builder.js';
import { looksLikeHeader } from './table.js';

// Null prototype: a file named "x.constructor" otherwise picked Object's constructor as its format.
const EXTENSIONS: Record<string, InputFormat> = Object.assign(Object.create(null) as Record<string, InputFormat>, {
  vtt: 'vtt', webvtt: 'vtt', srt: 'srt', csv: 'csv', tsv: 'tsv', tab: 'tsv', json: 'json', nlp: 'nlp',
  md: 'markdown', markdown: 'markdown', txt: 'text', text: 'text',
});

/** Returns the format the text is most likely in. */
export function detectFormat(text: string, fileName?: string): InputFormat {
  const ext = fileName ? EXTENSIONS[/\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? ''] : undefined;
  const head = text.trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(head)) return 'vtt';
  if (head.startsWith('{') || head.startsWith('[')) {
    if (isJson(text) || head.startsWith('{') || ext === 'json') return 'json';
  }
  const lines = splitLines(head).slice(0, 40);
  const first = lines[0] ?? '';
  if (/^token\|speaker\|/i.test(first) || (first.includes('|') && /(^|\|)token(\||$)/.test(first) && /(^|\|)speaker(\||$)/.test(first))) return 'nlp';
  const nonBlank = lines.filter((l) => l.trim() !== '');
  if (/^\d+\s*$/.test(nonBlank[0] ?? '') && /-->/.test(nonBlank[1] ?? '')) return 'srt';
  if (/-->/.test(nonBlank[0] ?? '') && /^\s*\d/.test(nonBlank[0] ?? '')) return 'srt';
  if (first.includes('\t') && (looksLikeHeader(first.split('\t')) || ext === 'tsv')) return 'tsv';
  if (first.includes(',') && (looksLikeHeader(splitCsvHeader(first)) || ext === 'csv')) return 'csv';
  const bold = lines.filter((l) => /^\s*(?:[-*+>]\s+)?(\*\*|__)[^*_]{1,60}?(?::\s*\1|\1\s*:)/.test(l)).length;
  if (bold >= 2 || ext === 'markdown') return 'markdown';
  if (ext && ext !== 'json') return ext;
  return 'text';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Header cells of a CSV line; headers rarely need quotes, so a simple split with unquoting will do. */
function splitCsvHeader(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}
