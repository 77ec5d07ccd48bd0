/** Turns the bytes of a file into text: BOMs, UTF-16, Windows-1252 fallback, and refusing binary. */
import { InputProblem } from '../errors.js';

export interface Decoded {
  text: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes. Throws InputProblem for binary or empty input. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  if (bytes.length === 0) throw new InputProblem('E_EMPTY', 'the file is empty');
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = decodeUtf8(bytes.subarray(3), warnings);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) {
      throw new InputProblem('E_BINARY', 'this is a binary file, not a transcript (expected text: plain, Markdown, WebVTT, SRT, CSV/TSV, JSON or Rev .nlp)');
    }
    text = decodeUtf8(bytes, warnings);
  }
  if (text.trim() === '') throw new InputProblem('E_EMPTY', 'the file has no text (only white space)');
  return { text, warnings };
}

function decodeUtf8(bytes: Uint8Array, warnings: string[]): string {
  try {
    return utf8.decode(bytes);
  } catch {
    warnings.push('not valid UTF-8: decoded as Windows-1252');
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** NUL bytes or many control characters in the first 8 KiB mean binary (or UTF-16 without a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.1;
}

/** Strips a BOM from text that arrived as a string (standard input, the library API). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
