/**
 * The errors users cause, in one place: the codes of input errors, the error classes (the CLI prints
 * each as one line and exits 2), and the general texts. No text here names a command-line flag: a
 * problem the command line can help with carries a `remedy`, which src/cli/texts.ts puts in words.
 */

/** Why one input could not be analyzed; carried in reports as `errors[].code`. */
export type ErrorCode =
  | 'E_READ'
  | 'E_EMPTY'
  | 'E_BINARY'
  | 'E_FORMAT'
  | 'E_PARSE'
  | 'E_NO_TURNS'
  | 'E_NO_SELLER'
  | 'E_TOO_LARGE'
  | 'E_INTERNAL'
  /** --out-dir: this call's report could not be written (the others were). */
  | 'E_WRITE';

/** What the user can do about a problem, for the command line to word with its own flag names. */
export type Remedy = 'max-size' | 'columns' | 'write-baseline' | 'list-rules';

/** An input problem that stops one file (never the batch). Parsers throw it; the batch turns it into an InputError. */
export class InputProblem extends Error {
  readonly code: ErrorCode;
  readonly line?: number;
  readonly remedy?: Remedy;
  constructor(code: ErrorCode, message: string, line?: number, remedy?: Remedy) {
    super(message);
    this.name = 'InputProblem';
    this.code = code;
    if (line !== undefined) this.line = line;
    if (remedy !== undefined) this.remedy = remedy;
  }
}

/** The base of every error a user causes (bad flags, config, rules, roles, baseline): one line, exit 2. */
export class UserError extends Error {
  readonly remedy?: Remedy;
  constructor(message: string, remedy?: Remedy) {
    super(message);
    this.name = new.target.name;
    if (remedy !== undefined) this.remedy = remedy;
  }
}

/** A malformed argument or a request that cannot be met (an unknown rule, no inputs). */
export class UsageError extends UserError {}
/** A config file that cannot be used; the message names the file and the key path. */
export class ConfigError extends UserError {}
/** A rule file that is not valid; the message names the file, the rule and the field. */
export class RuleError extends UserError {}
/** A roles file that cannot be used; the message names the file and line. */
export class RolesError extends UserError {}
/** A baseline file that cannot be used; the message names the file. */
export class BaselineError extends UserError {}

/** A history database that cannot be opened, read or written. */
export class HistoryError extends UserError {}

/**
 * Control characters (C0 but none, DEL, C1) and bidi controls, which a terminal obeys: ESC and OSC
 * sequences set the window title or plant links, BEL rings, a newline forges a second line, U+202E
 * reverses what follows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text made safe for a person's terminal or editor: every control and bidi character shown escaped (`\n`, `\x1b`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The single line printed on standard error for an error or a warning, whatever a file name holds. */
export function errorLine(message: string): string {
  return `buyerside: ${printable(message)}\n`;
}

/** Texts shown to users that more than one module writes. */
export const TEXTS = {
  internal: (detail: string) => `internal error while analyzing: ${detail}`,
  tooDeep: (detail: string) => `too large or too deeply nested to analyze (${detail})`,
  cannotWrite: (path: string, code: string) => `${path}: cannot write (${code})`,
  cannotRead: (path: string, code: string) => `${path}: cannot read (${code})`,
  noTranscripts: (paths: readonly string[]) => `no transcripts found in ${paths.join(', ')}`,
  skipped: (n: number) => `skipped ${n} file${n === 1 ? '' : 's'} that ${n === 1 ? 'is' : 'are'} not a transcript by extension`,
  warning: (file: string, warning: string) => `${file}: warning: ${warning}`,
  tooLarge: (format: string, detail: string, limit: number | undefined) =>
    `its ${format} report is too large to write (${detail}${limit === undefined ? '' : `; at most ${limit} characters a call`}); the other calls are reported`,
  inputError: (file: string, line: number | undefined, message: string) => `${file}${line ? `:${line}` : ''}: ${message}`,
  gateFailed: (line: string) => `gate failed: ${line}`,
  noSellerSpeaks: (from: string, sellers: readonly string[], speakers: readonly string[]) =>
    `${sellers.length === 1 ? 'the seller' : 'none of the sellers'} named by ${from} (${sellers.join(', ')}) ${sellers.length === 1 ? 'does not speak' : 'speaks'} in this call; speakers found: ${speakers.join(', ') || 'none'}`,
} as const;

// "Did you mean": the known value nearest to a mistyped one, for errors that name a setting.

/** Levenshtein distance, case-folded. */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The nearest known value within a third of the value's length (at least 2 edits), else undefined; ties go to the first known. */
export function nearest(value: string, known: readonly string[]): string | undefined {
  if (value.length > 200) return undefined; // no quadratic work on a pasted paragraph
  const limit = Math.max(2, Math.floor(value.length / 3));
  // A known value the mistyped one begins ("warn" for "warning") is the likeliest meaning.
  const prefixed = value.length >= 3 ? known.find((k) => k.toLowerCase().startsWith(value.toLowerCase())) : undefined;
  if (prefixed !== undefined) return prefixed;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const d = distance(value, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` for the nearest known value, or ''. */
export function didYouMean(value: string, known: readonly string[]): string {
  const n = nearest(value, known);
  return n === undefined ? '' : `; did you mean "${n}"?`;
}
