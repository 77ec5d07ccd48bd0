/** Expanding the command line's paths into the list of inputs: files, folders, globs and "-". */
import { readdirSync, statSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

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
