/** Rule pack data: reading folders, the built-in bundle, and validating packs into rules. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Rule } from '../types.js';
import { RuleError, isObject, validateLexicon, validateRule, type PatternCheck } from './validate.js';

export interface RulePackData {
  /** Set on the built-in bundle: its patterns were compiled and checked when it was built. */
  trusted?: boolean;
  lexicon: Record<string, string[]>;
  /** Raw rule objects with the file they came from and their default id and category. */
  rules: Array<{ raw: unknown; source: string; id: string; category: string }>;
}

export interface LoadedRules {
  rules: Rule[];
  lexicon: Map<string, string[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The repository's rules/ folder (two levels above both src/rules and dist/rules). */
export const BUILTIN_RULES_DIR = join(here, '..', '..', 'rules');
const BUNDLE = join(here, '..', 'rules.json');

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
      if (!isObject(parsed)) throw new RuleError(`${rel}: expected a map of class name to words`);
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

/**
 * Validates pack data into rules; duplicate ids stop the load. Patterns of packs that are not
 * trusted are checked with `checkPattern`; without one, only trusted packs may be given.
 */
export function buildRules(packs: RulePackData[], checkPattern?: PatternCheck): LoadedRules {
  if (!checkPattern && packs.some((p) => !p.trusted)) throw new Error('buildRules: untrusted packs need a pattern check');
  const lexiconRaw: Record<string, string[]> = Object.create(null);
  for (const p of packs) for (const [k, v] of Object.entries(p.lexicon)) lexiconRaw[k] = [...(lexiconRaw[k] ?? []), ...(Array.isArray(v) ? v : [])];
  for (const p of packs) for (const [k, v] of Object.entries(p.lexicon)) if (!Array.isArray(v)) throw new RuleError(`lexicon class "${k}": expected a list of words`);
  const lexicon = validateLexicon(lexiconRaw, 'lexicon');
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  for (const p of packs) {
    for (const r of p.rules) {
      const rule = validateRule(r.raw, r.source, { id: r.id, category: r.category }, lexicon, p.trusted ? undefined : checkPattern);
      const prev = seen.get(rule.id);
      if (prev) throw new RuleError(`${r.source}: duplicate rule id "${rule.id}" (also in ${prev})`);
      seen.set(rule.id, r.source);
      rules.push(rule);
    }
  }
  return { rules, lexicon };
}

let builtin: RulePackData | undefined;

/** The built-in pack's data: the build's bundle when present, else the YAML files. */
export function builtinPackData(): RulePackData {
  if (!builtin) builtin = existsSync(BUNDLE) ? { ...(JSON.parse(readFileSync(BUNDLE, 'utf8')) as RulePackData), trusted: true } : readPackDir(BUILTIN_RULES_DIR);
  return builtin;
}

/** The built-in rules alone, when they come from the build's bundle (no pattern compiler needed). */
export function loadBundledRules(): LoadedRules | undefined {
  const data = builtinPackData();
  return data.trusted ? buildRules([data]) : undefined;
}
