/** Test helpers: reading files by path through the public API, and comparing turn texts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBytes } from '../../src/transcript/index.js';
import type { Transcript } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');

export function parseFile(file: string): Transcript {
  return parseBytes(readFileSync(file), { fileName: file });
}

export function speakersOf(t: Transcript): string[] {
  return [...new Set(t.turns.map((x) => x.speaker))];
}

/** Text with punctuation spacing normalized ("Co ." and "Co." compare equal). */
export function norm(text: string): string {
  return text.replace(/\s+([.,?!;:])/g, '$1').replace(/\s+/g, ' ').trim();
}
