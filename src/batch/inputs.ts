/** Expanding the command line's inputs for a batch: globs (by tinyglobby), folders, files and "-", minus excluded paths. */
import { globSync, isDynamicPattern } from 'tinyglobby';
import picomatch from 'picomatch';
import { existsSync } from 'node:fs';
import { expandInputs, displayPath, type InputList } from '../io/inputs.js';

export interface BatchInputOptions {
  /** picomatch patterns (from --exclude and the config's ignore) matched against the shown path and its base name. */
  exclude?: readonly string[];
  cwd?: string;
}

/** A matcher for exclude patterns; a pattern without a slash also matches base names. */
export function excludeMatcher(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const match = picomatch([...patterns], { dot: true, basename: false });
  const matchBase = picomatch(patterns.filter((p) => !p.includes('/')), { dot: true });
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
