/**
 * Rule pack data: reading a pack's folder, and the built-in rules as the build bundled them (validated
 * then, so that reading them needs no validator and no pattern compiler: `buyerside rules` starts fast).
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Rule } from '../types.js';
import { RuleError } from '../errors.js';

/** A pack as read from its folder, before validation. */
export interface RulePackData {
  lexicon: Record<string, string[]>;
  /** Raw rule objects with the file they came from and their default id and category. */
  rules: Array<{ raw: unknown; source: string; id: string; category: string }>;
}

export interface LoadedRules {
  rules: Rule[];
  lexicon: Map<string, string[]>;
}

/** The built-in rules, validated, as `npm run build` writes them (dist/rules.json; absent beside src/). */
export const BUNDLE = fileURLToPath(new URL('../rules.json', import.meta.url));

/** Reads a rule pack folder: <category>/<id>.yaml|yml|json files and an optional lexicon.yaml. */
export function readPackDir(dir: string): RulePackData {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RuleError(`${dir}: not a folder of rules`);
  const data: RulePackData = { lexicon: Object.create(null), rules: [] };
  const files = listFiles(dir);
  for (const file of files) {
    const rel = relative(dir, file).split(sep).join('/');
    const name = basename(file, extname(file));
    const parsed = parseDataFile(file, rel);
    if (name === 'lexicon' && rel.split('/').length === 1) {
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RuleError(`${rel}: expected a map of class name to words`);
      for (const [k, v] of Object.entries(parsed)) data.lexicon[k] = v as string[];
      continue;
    }
    const parts = rel.split('/');
    const category = parts.length > 1 ? parts[parts.length - 2]! : 'custom';
    // Training data (labelled sentences and whole transcripts, some of them JSON) is not rules.
    if (parts[0] === 'training') continue;
    data.rules.push({ raw: parsed, source: rel, id: name, category });
  }
  return data;
}

function listFiles(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, depth + 1));
    else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)) out.push(full);
  }
  return out;
}

const require = createRequire(import.meta.url);

function parseDataFile(file: string, rel: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    if (file.toLowerCase().endsWith('.json')) return JSON.parse(text);
    // Loaded lazily: only custom packs and development runs need a YAML parser.
    const YAML = require('yaml') as typeof import('yaml');
    // Warnings (an unknown tag such as `!include /etc/passwd`) are errors here: YAML.parse would print
    // them to stderr as multi-line process warnings and carry on with the tag's text.
    const doc = YAML.parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw problem;
    return doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new RuleError(`${rel}${line ? `:${line}` : ''}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The bundle's form of loaded rules: plain JSON. */
export interface BundledRules {
  lexicon: Record<string, string[]>;
  rules: Rule[];
}

let bundled: LoadedRules | null | undefined;

/** The built-in rules from the build's bundle; undefined when there is none (running from src/ before a build). */
export function loadBundledRules(): LoadedRules | undefined {
  if (bundled === undefined) {
    const data = existsSync(BUNDLE) ? (JSON.parse(readFileSync(BUNDLE, 'utf8')) as BundledRules) : undefined;
    bundled = data ? { rules: data.rules, lexicon: new Map(Object.entries(data.lexicon)) } : null;
  }
  return bundled ?? undefined;
}

/** Loaded rules as the bundle stores them. */
export function bundleRules(loaded: LoadedRules): BundledRules {
  return { lexicon: Object.fromEntries(loaded.lexicon), rules: loaded.rules };
}
