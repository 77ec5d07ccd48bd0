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
  } else if (utf16Order(bytes)) {
    // Some Windows tools write UTF-16 without a BOM; the zero high bytes of ASCII give it away.
    const order = utf16Order(bytes)!;
    text = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(bytes);
    warnings.push(`no byte-order mark: decoded as UTF-16 ${order.toUpperCase()}`);
  } else {
    const known = knownBinary(bytes);
    if (known) throw new InputProblem('E_BINARY', `this is ${known}, not a transcript (expected text: plain, Markdown, WebVTT, SRT, CSV/TSV, JSON or Rev .nlp)`);
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

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip-compressed file (decompress it first)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document (export the transcript as text first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or Office document such as .docx (export the transcript as text first)'],
  [[0x49, 0x44, 0x33], 'an MP3 audio file (transcribe it first)'],
  [[0x52, 0x49, 0x46, 0x46], 'a RIFF (WAV/AVI) media file (transcribe it first)'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'a Matroska/WebM media file (transcribe it first)'],
];

/** Names well-known binary file types by their magic bytes, so the refusal says what the file is. */
function knownBinary(bytes: Uint8Array): string | undefined {
  for (const [magic, name] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return name;
  if (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) return 'an MP4/M4A media file (transcribe it first)';
  return undefined;
}

/**
 * UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero. Returns the byte
 * order when at least 90% of the even (BE) or odd (LE) bytes in the first 4 KiB are zero and the others are not.
 */
function utf16Order(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.1) return 'le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.1) return 'be';
  return undefined;
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
