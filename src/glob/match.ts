/**
 * Path globs for --exclude, the config's `ignore` and the --roles file, matched in time linear in
 * the path for a given pattern. Regex-based matchers (picomatch) backtrack: `*a*a*a*a*a*a*a*a*a*b`
 * beside a long file name never finished. Here a pattern is a small automaton and matching walks
 * the path once, carrying the set of positions the pattern could be at (at most the pattern's
 * length), so the work is bounded by path length times pattern length.
 *
 * The syntax is picomatch's common ground with `dot: true` (a `*` matches names starting with a dot):
 * `*` any run within one path segment, `?` one character but `/`, `**` as a whole segment any number
 * of segments, `[abc]` `[a-z]` `[!a]` `[^a]` classes, `{a,b}` alternatives (nested too), `\` escapes,
 * and a leading `!` negates.
 */
import { UserError } from '../errors.js';

/** A glob that cannot be used (too many alternatives); a UserError, so one line and exit 2. */
export class GlobError extends UserError {}

/** Brace expansion is multiplicative ({a,b}{c,d}...): more alternatives than this are refused. */
export const MAX_ALTERNATIVES = 1024;
/** Longer patterns are refused: a path glob is never this long. */
export const MAX_PATTERN_LENGTH = 4096;

type Token =
  | { kind: 'char'; char: string; skip?: number }
  | { kind: 'one' }
  | { kind: 'class'; ranges: Array<[string, string]>; negated: boolean }
  | { kind: 'star' }
  /** Any run of characters, slashes included (the `**` of a whole segment). */
  | { kind: 'any' }
  /** Reads nothing: goes on to the next token or `skip` tokens ahead (entering "**\/", which may match nothing). */
  | { kind: 'split'; skip: number };

/** Whether `path` matches `glob` (a compiled matcher is faster for many paths: see compileGlob). */
export function globMatch(glob: string, path: string): boolean {
  return compileGlob(glob)(path);
}

/** A matcher for one glob. Throws a GlobError for a pattern too long or with too many alternatives. */
export function compileGlob(glob: string): (path: string) => boolean {
  if (glob.length > MAX_PATTERN_LENGTH) throw new GlobError(`glob "${glob.slice(0, 40)}...": longer than ${MAX_PATTERN_LENGTH} characters`);
  let negated = false;
  let body = glob;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  while (body.startsWith('./')) body = body.slice(2); // paths are matched as shown, without "./"
  const programs = expandBraces(body, glob).map(tokenize);
  return (path) => programs.some((p) => run(p, path)) !== negated;
}

/** A matcher for any of several globs. */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map(compileGlob);
  return (path) => matchers.some((m) => m(path));
}

/** `{a,b}c` -> ["ac", "bc"], innermost first; escaped braces and commas stay. */
function expandBraces(glob: string, original: string): string[] {
  const open = findBrace(glob);
  if (!open) return [glob];
  const { start, end, parts } = open;
  const out: string[] = [];
  const head = glob.slice(0, start);
  const tail = glob.slice(end + 1);
  for (const part of parts) {
    for (const alt of expandBraces(head + part + tail, original)) {
      out.push(alt);
      if (out.length > MAX_ALTERNATIVES) throw new GlobError(`glob "${original.slice(0, 60)}": more than ${MAX_ALTERNATIVES} alternatives in its braces`);
    }
  }
  return out;
}

/** The first top-level `{...}` holding a comma, with its comma-separated parts; undefined when none. */
function findBrace(glob: string): { start: number; end: number; parts: string[] } | undefined {
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = classEnd(glob, i);
      if (close > 0) i = close;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < glob.length; j++) {
      const d = glob[j];
      if (d === '\\') {
        j++;
        continue;
      }
      if (d === '{') depth++;
      else if (d === '}') {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break; // "{a}" is literal, as in a shell
          const bounds = [i, ...commas, j];
          const parts = bounds.slice(0, -1).map((b, k) => glob.slice(b + 1, bounds[k + 1]));
          return { start: i, end: j, parts };
        }
      } else if (d === ',' && depth === 1) commas.push(j);
    }
  }
  return undefined;
}

/** Index of the `]` closing a class opened at `open`, or -1 when it is not a class. */
function classEnd(glob: string, open: number): number {
  let j = open + 1;
  if (glob[j] === '!' || glob[j] === '^') j++;
  if (glob[j] === ']') j++; // a leading ] is a member
  for (; j < glob.length; j++) {
    if (glob[j] === '\\') j++;
    else if (glob[j] === ']') return j;
  }
  return -1;
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) {
      tokens.push({ kind: 'char', char: glob[++i]! });
    } else if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const wholeSegment = j - i === 2 && (i === 0 || glob[i - 1] === '/') && (j === glob.length || glob[j] === '/');
      if (!wholeSegment) {
        tokens.push({ kind: 'star' });
      } else if (j === glob.length) {
        // "a/**": the folder itself too ("a"), so the slash before may be skipped with what follows.
        const slash = tokens[tokens.length - 1];
        if (slash?.kind === 'char' && slash.char === '/') slash.skip = 2;
        tokens.push({ kind: 'any' });
      } else {
        // "**/": nothing at all, or any run ending in a slash.
        tokens.push({ kind: 'split', skip: 3 }, { kind: 'any' }, { kind: 'char', char: '/' });
        j++;
      }
      i = j - 1;
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else if (c === '[' && classEnd(glob, i) > 0) {
      const close = classEnd(glob, i);
      let j = i + 1;
      const negated = glob[j] === '!' || glob[j] === '^';
      if (negated) j++;
      const ranges: Array<[string, string]> = [];
      while (j < close) {
        let from = glob[j]!;
        if (from === '\\') from = glob[++j]!;
        j++;
        if (glob[j] === '-' && j + 1 < close) {
          let to = glob[j + 1]!;
          if (to === '\\') to = glob[++j + 1]!;
          ranges.push([from, to]);
          j += 2;
        } else ranges.push([from, from]);
      }
      tokens.push({ kind: 'class', ranges, negated });
      i = close;
    } else {
      tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

/** Runs the automaton over `path`: one pass, a set of at most tokens.length + 1 positions. */
function run(tokens: readonly Token[], path: string): boolean {
  const n = tokens.length;
  let cur = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  cur[0] = 1;
  close(tokens, cur);
  for (const ch of path) {
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!cur[i]) continue;
      const t = tokens[i]!;
      switch (t.kind) {
        case 'char':
          if (ch === t.char) (next[i + 1] = 1), (any = true);
          break;
        case 'one':
          if (ch !== '/') (next[i + 1] = 1), (any = true);
          break;
        case 'class':
          if (ch !== '/' && inClass(t, ch)) (next[i + 1] = 1), (any = true);
          break;
        case 'star':
          if (ch !== '/') (next[i] = 1), (any = true);
          break;
        case 'any':
          next[i] = 1;
          any = true;
          break;
        case 'split':
          break;
      }
    }
    if (!any) return false;
    close(tokens, next);
    [cur, next] = [next, cur];
  }
  return cur[n] === 1;
}

/** Adds the positions reachable without reading a character; edges only go forward, so one pass. */
function close(tokens: readonly Token[], set: Uint8Array): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!set[i]) continue;
    const t = tokens[i]!;
    if (t.kind === 'star' || t.kind === 'any' || t.kind === 'split') set[i + 1] = 1;
    if ((t.kind === 'split' || t.kind === 'char') && t.skip) set[Math.min(tokens.length, i + t.skip)] = 1;
  }
}

function inClass(t: Extract<Token, { kind: 'class' }>, ch: string): boolean {
  let hit = false;
  for (const [from, to] of t.ranges) {
    if (ch >= from && ch <= to) {
      hit = true;
      break;
    }
  }
  return hit !== t.negated;
}
