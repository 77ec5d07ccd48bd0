/**
 * What applies to a document, as `analyze` would use it there: the config file found from the
 * document's folder upward, its rule packs, rule settings, sellers, call type and ignore globs. The
 * compiled rules are kept per config and rebuilt when the config or a file of its packs changes on
 * disk; a config or pack that cannot be used becomes one problem to show on the config file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileGlobs } from '../glob/match.js';
import type { Range } from 'vscode-languageserver';
import type { Rule } from '../types.js';
import { findConfig, loadConfig, type Config } from '../config/load.js';
import { buildEngine, type Engine } from '../rules/engine.js';
import { BUILTIN_RULES_DIR } from '../package.js';
import { readPackDir } from '../rules/packs.js';
import { builtinEngine } from '../analyze.js';
import { UserError } from '../errors.js';
import { ruleSource } from '../cli/settings.js';
import { withRemedy } from '../cli/texts.js';

/** Rules and settings for the documents under one config (or under none). */
export interface Setup {
  engine: Engine;
  /** Rule id to the address of the rule's file, which explains it (description, why, examples). */
  links: ReadonlyMap<string, string>;
  config?: Config;
  /** True when the config's ignore globs leave this document out. */
  ignored?: boolean;
}

/** A config file or one of its rule packs that cannot be used. */
export interface ConfigProblem {
  /** The config file, absolute. */
  file: string;
  message: string;
  range: Range;
}

export type Resolved = { ok: true; setup: Setup; configFile?: string } | { ok: false; problem: ConfigProblem };

interface Entry {
  stamp: string;
  result: { ok: true; setup: Setup } | { ok: false; problem: ConfigProblem };
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private plain: Setup | undefined;

  /** The setup for a document at `path` (absolute), or for one with no file (`undefined`) from `fallbackDir`. */
  forDocument(path: string | undefined, fallbackDir?: string): Resolved {
    const dir = path ? dirname(path) : fallbackDir;
    const configFile = dir ? findConfig(dir) : undefined;
    if (!configFile) return { ok: true, setup: this.builtin() };
    const result = this.forConfig(configFile);
    if (!result.ok) return result;
    if (path && isIgnored(path, result.setup.config)) return { ok: true, setup: { ...result.setup, ignored: true }, configFile };
    return { ok: true, setup: result.setup, configFile };
  }

  private builtin(): Setup {
    this.plain ??= { engine: builtinEngine(), links: ruleLinks(builtinEngine().rules, []) };
    return this.plain;
  }

  private forConfig(file: string): Entry['result'] {
    const cached = this.entries.get(file);
    const configStamp = fileStamp(file);
    if (cached) {
      const packs = cached.result.ok ? (cached.result.setup.config?.rulePacks ?? []) : [];
      if (cached.stamp === configStamp + packsStamp(packs)) return cached.result;
    }
    const result = load(file);
    const packs = result.ok ? (result.setup.config?.rulePacks ?? []) : [];
    this.entries.set(file, { stamp: configStamp + packsStamp(packs), result });
    return result;
  }
}

function load(file: string): Entry['result'] {
  let config: Config;
  try {
    config = loadConfig(file);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { ok: false, problem: { file, message: withRemedy(e.message, e.remedy), range: problemRange(read(file), e.message) } };
  }
  const source = ruleSource(config, []);
  try {
    const engine = buildEngine(source);
    return { ok: true, setup: { engine, links: ruleLinks(engine.rules, source.packs), config } };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const pack = guiltyPack(source.packs, e.message);
    const said = withRemedy(e.message, e.remedy);
    const message = pack ? `rule pack ${relative(dirname(file), pack) || '.'}: ${said}` : said;
    return { ok: false, problem: { file, message, range: problemRange(read(file), e.message, pack) } };
  }
}

/** The pack an error came from: the first that cannot be read, else the one holding the file the message names. */
function guiltyPack(packs: readonly string[], message: string): string | undefined {
  for (const pack of packs) {
    try {
      readPackDir(pack);
    } catch {
      return pack;
    }
  }
  const named = /^([^:\s]+\.(?:ya?ml|json))\b/i.exec(message)?.[1];
  return named ? packs.find((p) => existsSync(join(p, named))) : undefined;
}

/**
 * Where in the config file to show a problem: the line a YAML error names; the entry of the broken
 * pack; the key a message quotes (`"rules.hype-to-wow"`); else the first line.
 */
export function problemRange(text: string, message: string, pack?: string): Range {
  const lines = text.split(/\r?\n/);
  const lineRange = (line: number, from = 0, to?: number): Range => {
    const l = lines[line] ?? '';
    const start = from || l.length - l.trimStart().length;
    return { start: { line, character: start }, end: { line, character: to ?? Math.max(start, l.trimEnd().length) } };
  };
  const at = /^[^\s:]+:(\d+):/.exec(message);
  if (at && !pack) return lineRange(Math.min(Number(at[1]) - 1, Math.max(0, lines.length - 1)));
  const offset = /not valid JSON: .* at position (\d+)/.exec(message);
  if (offset && !pack) {
    const line = text.slice(0, Number(offset[1])).split(/\r?\n/).length - 1;
    return lineRange(Math.min(line, Math.max(0, lines.length - 1)));
  }
  const needles = pack ? [basename(pack)] : [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.split('.').pop()!).filter(Boolean);
  for (const needle of needles) {
    for (let i = 0; i < lines.length; i++) {
      const col = lines[i]!.indexOf(needle);
      if (col >= 0) return lineRange(i, col, col + needle.length);
    }
  }
  return lineRange(0);
}

/** Each rule's file: the built-in rules in this package's rules/ folder, a pack's in its own folder. */
function ruleLinks(rules: readonly Rule[], packs: readonly string[]): Map<string, string> {
  const builtinIds = builtinEngine().byId;
  const links = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.source) continue;
    const dir = builtinIds.has(rule.id) ? BUILTIN_RULES_DIR : packs.find((p) => existsSync(join(p, rule.source!)));
    if (dir) links.set(rule.id, pathToFileURL(join(dir, rule.source)).href);
  }
  return links;
}

/** The config's ignore globs, relative to the config's folder; a glob without a slash also matches any one folder or file name. */
function isIgnored(path: string, config: Config | undefined): boolean {
  const globs = config?.ignore ?? [];
  if (globs.length === 0) return false;
  const rel = relative(dirname(config!.file), path).split(sep).join('/');
  if (rel.startsWith('../')) return false;
  if (compileGlobs(globs)(rel)) return true;
  const names = compileGlobs(globs.filter((g) => !g.includes('/')));
  return rel.split('/').some((part) => names(part));
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Size and modification time, so that a change on disk is noticed without watching files. */
function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs};`;
  } catch {
    return 'missing;';
  }
}

/** The stamps of every rule file in the packs (the same files `readPackDir` reads). */
function packsStamp(packs: readonly string[]): string {
  let out = '';
  const walk = (dir: string, depth: number) => {
    if (depth > 4) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      out += `${dir}:missing;`;
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (/\.(ya?ml|json)$/i.test(e.name)) out += `${full}:${fileStamp(full)}`;
    }
  };
  for (const p of packs) walk(p, 0);
  return out;
}
