/**
 * The built-in rules' patterns compiled at build time (dist/patterns.json, written by
 * scripts/bundle-rules.mjs): compiling them at every start was a tenth of a cold start. A pattern is
 * taken ready-made only when the lexicon is the one it was compiled against; a user's pack that adds
 * to a class, or any pattern not in the file, is compiled as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePattern, type CompiledPattern, type Lexicon } from '../patterns/compile.js';

// Beside the compiled code (dist/patterns.json); from the TypeScript sources (tests), in dist/.
const FILES = [fileURLToPath(new URL('../patterns.json', import.meta.url)), fileURLToPath(new URL('../../dist/patterns.json', import.meta.url))];
export const READY_FILE = FILES.find((f) => existsSync(f)) ?? FILES[0]!;

type Ready = Omit<CompiledPattern, 'source' | 'order'>;

export interface ReadyPatterns {
  /** The lexicon the patterns were compiled against, as `lexiconKey` writes it. */
  lexicon: string;
  patterns: Record<string, Ready>;
}

/** The lexicon as one string, for comparing with the one the ready-made patterns were compiled against. */
export function lexiconKey(lexicon: Lexicon): string {
  return JSON.stringify([...lexicon].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every pattern (patterns, exceptions, requires) of the rules, compiled: the build's file. */
export function readyPatterns(rules: ReadonlyArray<{ patterns?: string[]; exceptions?: string[]; requires?: string[] }>, lexicon: Lexicon): ReadyPatterns {
  const patterns: Record<string, Ready> = Object.create(null) as Record<string, Ready>;
  for (const r of rules) {
    for (const source of [...(r.patterns ?? []), ...(r.exceptions ?? []), ...(r.requires ?? [])]) {
      const { source: _s, order: _o, ...ready } = compilePattern(source, lexicon);
      patterns[source] = ready;
    }
  }
  return { lexicon: lexiconKey(lexicon), patterns };
}

let loaded: ReadyPatterns | null | undefined;
const byLexicon = new WeakMap<Lexicon, boolean>();

/** Compiles a pattern, or takes it from the build's file when it was compiled against this lexicon. */
export function compileReady(source: string, lexicon: Lexicon, order = 0): CompiledPattern {
  if (loaded === undefined) loaded = existsSync(READY_FILE) ? (JSON.parse(readFileSync(READY_FILE, 'utf8')) as ReadyPatterns) : null;
  if (loaded) {
    let same = byLexicon.get(lexicon);
    if (same === undefined) byLexicon.set(lexicon, (same = lexiconKey(lexicon) === loaded.lexicon));
    const ready = same && Object.prototype.hasOwnProperty.call(loaded.patterns, source) ? loaded.patterns[source] : undefined;
    // Matching never changes a pattern, so patterns with the same source may share their nodes.
    if (ready) return { source, order, ...ready };
  }
  return compilePattern(source, lexicon, order);
}
