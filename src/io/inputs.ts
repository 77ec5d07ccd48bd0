/**
 * The command line's inputs: paths, folders, quoted glob patterns (expanded by tinyglobby) and "-",
 * minus excluded paths; and how a path is shown in reports.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { compileGlobs } from '../glob/match.js';

export interface InputList {
  /** Paths in the order given (folders expanded in sorted order); "-" for standard input. */
  files: string[];
  /** Paths that could not be expanded (missing, unreadable, symlink loops), with why. */
  problems: Array<{ file: string; message: string }>;
  /** Files in folders that are not transcripts by their extension, skipped. */
  skipped: number;
}

/** Extensions read from folders; a file named explicitly is read whatever its extension. */
export const TRANSCRIPT_EXTENSIONS = /\.(txt|md|markdown|vtt|srt|csv|tsv|json|nlp|text|transcript)$/i;

export interface ExpandOptions {
  /** Leaves matching paths out. */
  exclude?: (path: string) => boolean;
}

/** Expands paths. Never throws: problems are returned so that the batch goes on. */
export function expandInputs(paths: readonly string[], options: ExpandOptions = {}): InputList {
  const out: InputList = { files: [], problems: [], skipped: 0 };
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      out.files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      out.problems.push({ file: p, message: describeFsError(e) });
      continue;
    }
    if (st.isDirectory()) walk(p, out, seen, options, 0);
    else if (!options.exclude?.(p)) out.files.push(p);
  }
  return out;
}

function walk(dir: string, out: InputList, seen: Set<string>, options: ExpandOptions, depth: number): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    out.problems.push({ file: dir, message: describeFsError(e) });
    return;
  }
  if (seen.has(real) || depth > 64) {
    out.problems.push({ file: dir, message: 'folder already visited (a symbolic link loop?); skipped' });
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    out.problems.push({ file: dir, message: describeFsError(e) });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (options.exclude?.(full)) continue;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (e) {
        out.problems.push({ file: full, message: describeFsError(e) });
        continue;
      }
    }
    if (isDir) walk(full, out, seen, options, depth + 1);
    else if (isFile && TRANSCRIPT_EXTENSIONS.test(entry.name)) out.files.push(full);
    else out.skipped++;
  }
}

/** One line for a file-system error, without Node's stack or errno noise. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code ? `cannot read (${code})` : `cannot read (${(e as Error).message})`;
  }
}

/** A path as shown in reports: relative to the working folder, with forward slashes. */
export function displayPath(file: string): string {
  if (file === '-') return '<stdin>';
  const rel = relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

export interface BatchInputOptions {
  /** Globs (from --exclude and the config's ignore; src/glob/) matched against the shown path and its base name. */
  exclude?: readonly string[];
  cwd?: string;
}

/** A matcher for exclude patterns; a pattern without a slash also matches base names. */
export function excludeMatcher(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const match = compileGlobs(patterns);
  const matchBase = compileGlobs(patterns.filter((p) => !p.includes('/')));
  const hasBase = patterns.some((p) => !p.includes('/'));
  return (path: string) => {
    const shown = displayPath(path);
    if (match(shown) || match(`${shown}/`)) return true;
    if (!hasBase) return false;
    const parts = shown.split('/');
    return parts.some((part) => matchBase(part));
  };
}

/**
 * Expands paths in order: a glob (quoted on the command line so the shell leaves it alone) becomes the
 * sorted list of matching files; folders are walked; "-" is standard input. Never throws.
 */
export function expandBatchInputs(paths: readonly string[], options: BatchInputOptions = {}): InputList {
  const exclude = excludeMatcher(options.exclude ?? []);
  const expanded: string[] = [];
  const problems: InputList['problems'] = [];
  for (const p of paths) {
    if (p !== '-' && isDynamicPattern(p) && !existsSync(p)) {
      const matches = globSync(p, { cwd: options.cwd ?? process.cwd(), onlyFiles: true, dot: false, expandDirectories: false }).sort(compareSegments);
      if (matches.length === 0) problems.push({ file: p, message: 'no files match this pattern' });
      expanded.push(...matches);
    } else {
      expanded.push(p);
    }
  }
  const list = expandInputs(expanded, exclude ? { exclude } : {});
  // Each file once, in first-seen order (a glob and a folder may name the same file).
  const seen = new Set<string>();
  const files = list.files.filter((f) => {
    if (f === '-') return true;
    const key = displayPath(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files, problems: [...problems, ...list.problems], skipped: list.skipped };
}

/** Orders paths folder by folder, as a sorted walk does ("a/x" before "a-b"). */
export function compareSegments(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] !== bs[i]) {
      // A folder's contents and a file of the same level: the walk sorts by entry name only.
      return as[i]! < bs[i]! ? -1 : 1;
    }
  }
  return as.length - bs.length;
}
