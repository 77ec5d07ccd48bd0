/** Reading a transcript: bytes or text in, turns out, whatever the format. */
import type { InputFormat, Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { decodeBytes, stripBom } from './decode.js';
import { parsePlain } from './plain.js';

export interface ParseOptions {
  /** Force a format instead of detecting it. */
  format?: InputFormat | 'auto';
  /** File name, used only as a hint for detection. */
  fileName?: string;
  /** Column mapping for CSV/TSV, e.g. { speaker: 'Who', text: 'Utterance' }. */
  columns?: Record<string, string>;
}

export const SUPPORTED_FORMATS: readonly InputFormat[] = ['text', 'markdown', 'vtt', 'srt', 'csv', 'tsv', 'json', 'nlp'];

/** Parses text that is already decoded. Throws InputProblem on malformed input. */
export function parseText(text: string, options: ParseOptions = {}): Transcript {
  const clean = stripBom(text);
  if (clean.trim() === '') throw new InputProblem('E_EMPTY', 'the file has no text (only white space)');
  return parsePlain(clean);
}

/** Decodes and parses a file's bytes. Throws InputProblem on unreadable or malformed input. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Transcript {
  const decoded = decodeBytes(bytes);
  const transcript = parseText(decoded.text, options);
  transcript.warnings.unshift(...decoded.warnings);
  return transcript;
}
