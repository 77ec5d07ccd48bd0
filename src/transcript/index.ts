/** Reading a transcript: bytes or text in, turns out, whatever the format. */
import type { InputFormat, Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { decodeBytes, stripBom } from './decode.js';
import { detectFormat } from './detect.js';
import { parseJson } from './json/index.js';
import { parseMarkdown } from './markdown.js';
import { parseNlp } from './nlp.js';
import { parsePlain } from './plain.js';
import { parseSrt } from './srt.js';
import { parseTable } from './table.js';
import { parseVtt } from './vtt.js';

export interface ParseOptions {
  /** Force a format instead of detecting it. */
  format?: InputFormat | 'auto';
  /** File name, used only as a hint for detection. */
  fileName?: string;
  /** Column mapping for CSV/TSV, e.g. { speaker: 'Who', text: 'Utterance' }. */
  columns?: Record<string, string>;
}

export const SUPPORTED_FORMATS: readonly InputFormat[] = ['text', 'markdown', 'vtt', 'srt', 'csv', 'tsv', 'json', 'nlp'];

/** One parser per format; each returns a Transcript or throws InputProblem. */
const PARSERS: Record<InputFormat, (text: string, options: ParseOptions) => Transcript> = {
  text: (t) => parsePlain(t),
  markdown: (t) => parseMarkdown(t),
  vtt: (t) => parseVtt(t),
  srt: (t) => parseSrt(t),
  csv: (t, o) => parseTable(t, { delimiter: ',', ...(o.columns ? { columns: o.columns } : {}) }),
  tsv: (t, o) => parseTable(t, { delimiter: '\t', ...(o.columns ? { columns: o.columns } : {}) }),
  json: (t) => parseJson(t),
  nlp: (t) => parseNlp(t),
};

/** Parses text that is already decoded. Throws InputProblem on malformed input. */
export function parseText(text: string, options: ParseOptions = {}): Transcript {
  const clean = stripBom(text);
  if (clean.trim() === '') throw new InputProblem('E_EMPTY', 'the file has no text (only white space)');
  const format = chooseFormat(clean, options);
  let transcript: Transcript;
  try {
    transcript = PARSERS[format](clean, options);
  } catch (e) {
    // Messages quote the input (JSON.parse's snippet, CSV header cells) and the input may hold line
    // breaks; the CLI prints one line per error, so escape them (found by the fuzz tests).
    if (e instanceof InputProblem && /[\r\n\u2028\u2029]/.test(e.message)) throw new InputProblem(e.code, oneLine(e.message), e.line);
    throw e;
  }
  if (transcript.turns.length === 0) {
    throw new InputProblem('E_NO_TURNS', `no turns found in this ${format} transcript (every segment was empty)`);
  }
  transcript.source = clean;
  return transcript;
}

/** Decodes and parses a file's bytes. Throws InputProblem on unreadable or malformed input. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Transcript {
  const decoded = decodeBytes(bytes);
  const transcript = parseText(decoded.text, options);
  transcript.warnings.unshift(...decoded.warnings);
  return transcript;
}

function chooseFormat(text: string, options: ParseOptions): InputFormat {
  const forced = options.format;
  if (forced === undefined || forced === 'auto') return detectFormat(text, options.fileName);
  if (!(SUPPORTED_FORMATS as readonly string[]).includes(forced)) {
    throw new InputProblem('E_FORMAT', `unknown format "${String(forced)}" (supported: ${SUPPORTED_FORMATS.join(', ')}, or auto)`);
  }
  return forced;
}

/** Escapes line breaks so that a message quoting the input stays on one line. */
function oneLine(message: string): string {
  return message.replace(/\r\n|[\r\n\u2028\u2029]/g, (b) => (b === '\r\n' ? '\\r\\n' : b === '\r' ? '\\r' : b === '\n' ? '\\n' : `\\u${b.charCodeAt(0).toString(16)}`));
}
