/** Rev's token-per-line `.nlp` format: `token|speaker|ts|endTs|punctuation|case|...`, one word a line. */
import type { Transcript } from '../types.js';
import { InputProblem } from '../errors.js';
import { buildTurns, splitLines } from './builder.js';
import { speakerName } from './names.js';
import { joinWords, type Word } from './words.js';

/** Parses a Rev .nlp file; the text is rebuilt from tokens, punctuation and case. */
export function parseNlp(text: string): Transcript {
  const lines = splitLines(text);
  const header = (lines[0] ?? '').split('|').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [tokenCol, speakerCol] = [col('token'), col('speaker')];
  if (tokenCol < 0 || speakerCol < 0) {
    throw new InputProblem('E_PARSE', 'a Rev .nlp file starts with a header such as "token|speaker|ts|endTs|punctuation|case|tags"', 1);
  }
  const [tsCol, endCol, punctCol, preCol, caseCol] = [col('ts'), col('endTs'), col('punctuation'), col('prepunctuation'), col('case')];
  const need = Math.max(tokenCol, speakerCol) + 1;
  const tokens: Word[] = [];
  let hyphen = false;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const f = raw.split('|');
    if (f.length < need) throw new InputProblem('E_PARSE', `expected ${header.length} "|"-separated fields (${header.join('|')}), found ${f.length}`, i + 1);
    const word = applyCase(f[tokenCol]!, caseCol >= 0 ? f[caseCol] : undefined);
    const tok: Word = {
      speaker: speakerName(f[speakerCol]!.trim()),
      text: (preCol >= 0 ? f[preCol] ?? '' : '') + word + (punctCol >= 0 ? f[punctCol] ?? '' : ''),
      line: i + 1,
      // "non-" then "GAAP" is one word split over two tokens.
      ...(hyphen ? { attach: true } : {}),
    };
    hyphen = /-$/.test(tok.text);
    const ts = time(tsCol >= 0 ? f[tsCol] : undefined);
    const end = time(endCol >= 0 ? f[endCol] : undefined);
    if (ts !== undefined) tok.start = ts;
    if (end !== undefined) tok.end = end;
    tokens.push(tok);
  }
  return { format: 'nlp', layout: 'rev-nlp', turns: buildTurns(joinWords(tokens)), warnings: [] };
}

/** Rev's case column: UC capitalized, CA all capitals, LC lower case, MC mixed (kept as written). */
function applyCase(token: string, kase: string | undefined): string {
  switch (kase?.trim()) {
    case 'UC':
      return token.charAt(0).toUpperCase() + token.slice(1);
    case 'CA':
      return token.toUpperCase();
    case 'LC':
      return token.toLowerCase();
    default:
      return token;
  }
}

function time(v: string | undefined): number | undefined {
  const s = v?.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
