/** The --roles file: a CSV with header "pattern,sellers" naming the sellers of the files that match each glob. */
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { compileGlob, GlobError } from '../glob/match.js';
import { displayPath } from '../io/inputs.js';
import { readUserFile } from '../io/read.js';
import { RolesError } from '../errors.js';

interface RoleRow {
  match: (path: string) => boolean;
  sellers: string[];
}

/**
 * Reads the roles file into a lookup from input path to sellers; the first matching row wins.
 * A pattern without "/" also matches the file's base name. Throws RolesError naming the file and line.
 */
export function loadRoles(file: string): (path: string) => string[] | undefined {
  const text = readUserFile(file, (m) => new RolesError(m));
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new RolesError(`${file}${line ? `:${line}` : ''}: not valid CSV: ${(e as Error).message.split('\n')[0]}`);
  }
  const [header, ...body] = records;
  if (!header || header.length !== 2 || header[0]!.toLowerCase() !== 'pattern' || header[1]!.toLowerCase() !== 'sellers') {
    throw new RolesError(`${file}:1: expected the header "pattern,sellers"`);
  }
  const rows: RoleRow[] = body.map((r, i) => {
    const [pattern, sellers] = r as [string, string];
    const names = sellers.split(';').map((s) => s.trim()).filter(Boolean);
    if (!pattern || names.length === 0) throw new RolesError(`${file}:${i + 2}: expected a file pattern and at least one seller name`);
    let full: (path: string) => boolean;
    try {
      full = compileGlob(pattern);
    } catch (e) {
      if (e instanceof GlobError) throw new RolesError(`${file}:${i + 2}: ${e.message}`);
      throw e;
    }
    const base = pattern.includes('/') ? undefined : full;
    return { match: (p) => full(p) || (base ? base(basename(p)) : false), sellers: names };
  });
  return (path) => {
    const shown = displayPath(path);
    return rows.find((r) => r.match(shown))?.sellers;
  };
}
