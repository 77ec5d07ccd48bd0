/** The config file: found from the working folder upward (or named with --config), validated key by key. */
import { existsSync, statSync } from 'node:fs';
import { readUserFile } from '../io/read.js';
import { basename, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { RuleSetting } from '../types.js';
import { ConfigError } from '../errors.js';
import { didYouMean } from './suggest.js';

// The YAML parser is loaded only when a YAML config is read: most runs have none.
const require = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

/** File names looked for in each folder, in this order. */
export const CONFIG_NAMES = ['buyerside.config.json', '.buyersiderc.json', '.buyersiderc.yaml'] as const;

export type FailOn = 'error' | 'warning';

export interface Thresholds {
  failUnder?: number;
  maxSellerCentric?: number;
  failOn?: FailOn;
  maxWarnings?: number;
}

/** A validated config; every map is a null-prototype object so `__proto__` keys are plain data. */
export interface Config {
  /** The file it came from (absolute). */
  file: string;
  sellers?: string[];
  rules?: Record<string, RuleSetting>;
  thresholds?: Thresholds;
  /** Rule pack folders, resolved against the config file's folder. */
  rulePacks?: string[];
  callType?: string;
  /** Path globs left out of the inputs. */
  ignore?: string[];
}


const TOP_KEYS = ['$schema', 'sellers', 'rules', 'thresholds', 'rulePacks', 'callType', 'ignore'];
const THRESHOLD_KEYS = ['failUnder', 'maxSellerCentric', 'failOn', 'maxWarnings'];
const RULE_SETTINGS: RuleSetting[] = ['off', 'error', 'warning', 'info'];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The config file that applies in `cwd`: the nearest one in it or a folder above it. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file. Throws ConfigError. */
export function loadConfig(file: string): Config {
  const path = resolve(file);
  const name = basename(path);
  const text = readUserFile(file, (m) => new ConfigError(m));
  let raw: unknown;
  if (/\.ya?ml$/i.test(path)) {
    const doc = yaml().parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const err = doc.errors[0];
    if (err) throw new ConfigError(`${name}${err.linePos?.[0] ? `:${err.linePos[0].line}` : ''}: not valid YAML: ${err.message.split('\n')[0]}`);
    raw = doc.toJS({ maxAliasCount: 50 });
  } else {
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new ConfigError(`${name}: not valid JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return validateConfig(raw, path);
}

/** Checks a parsed config object; `file` names it in errors. */
export function validateConfig(raw: unknown, file: string): Config {
  const name = basename(file);
  const fail = (key: string, expected: string): never => {
    throw new ConfigError(`${name}: "${key}": expected ${expected}`);
  };
  if (raw === null || raw === undefined) return { file };
  if (!isPlainObject(raw)) fail('(top level)', 'an object');
  const obj = raw as Record<string, unknown>;
  const config: Config = { file };
  for (const key of Object.keys(obj)) {
    if (FORBIDDEN.has(key)) continue;
    if (!TOP_KEYS.includes(key)) throw new ConfigError(`${name}: unknown key "${key}"${didYouMean(key, TOP_KEYS)} (known: ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')})`);
  }
  const strings = (key: string, value: unknown): string[] => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) fail(key, 'a list of non-empty strings');
    return (value as string[]).map((v) => v.trim());
  };
  if (has(obj, 'sellers')) config.sellers = strings('sellers', obj.sellers);
  if (has(obj, 'ignore')) config.ignore = strings('ignore', obj.ignore);
  if (has(obj, 'rulePacks')) config.rulePacks = strings('rulePacks', obj.rulePacks).map((p) => resolve(dirname(file), p));
  if (has(obj, 'callType')) {
    if (typeof obj.callType !== 'string' || obj.callType.trim() === '') fail('callType', 'a non-empty string, e.g. "discovery" or "demo"');
    config.callType = (obj.callType as string).trim();
  }
  if (has(obj, 'rules')) {
    if (!isPlainObject(obj.rules)) fail('rules', 'an object of rule id to "off", "error", "warning" or "info"');
    const rules = Object.create(null) as Record<string, RuleSetting>;
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (FORBIDDEN.has(id)) continue;
      if (typeof setting !== 'string' || !RULE_SETTINGS.includes(setting as RuleSetting)) fail(`rules.${id}`, `"off", "error", "warning" or "info"${typeof setting === 'string' ? didYouMean(setting, RULE_SETTINGS) : ''}`);
      rules[id] = setting as RuleSetting;
    }
    config.rules = rules;
  }
  if (has(obj, 'thresholds')) {
    if (!isPlainObject(obj.thresholds)) fail('thresholds', 'an object with failUnder, maxSellerCentric or failOn');
    const t = obj.thresholds as Record<string, unknown>;
    const thresholds: Thresholds = {};
    for (const key of Object.keys(t)) {
      if (FORBIDDEN.has(key)) continue;
      if (!THRESHOLD_KEYS.includes(key)) throw new ConfigError(`${name}: unknown key "thresholds.${key}"${didYouMean(key, THRESHOLD_KEYS)} (known: ${THRESHOLD_KEYS.join(', ')})`);
    }
    if (has(t, 'failUnder')) {
      if (typeof t.failUnder !== 'number' || !(t.failUnder >= 0 && t.failUnder <= 100)) fail('thresholds.failUnder', 'a number from 0 to 100');
      thresholds.failUnder = t.failUnder as number;
    }
    if (has(t, 'maxSellerCentric')) {
      if (typeof t.maxSellerCentric !== 'number' || !Number.isInteger(t.maxSellerCentric) || t.maxSellerCentric < 0) fail('thresholds.maxSellerCentric', 'a whole number of 0 or more');
      thresholds.maxSellerCentric = t.maxSellerCentric as number;
    }
    if (has(t, 'maxWarnings')) {
      if (typeof t.maxWarnings !== 'number' || !Number.isInteger(t.maxWarnings) || t.maxWarnings < 0) fail('thresholds.maxWarnings', 'a whole number of 0 or more');
      thresholds.maxWarnings = t.maxWarnings as number;
    }
    if (has(t, 'failOn')) {
      if (t.failOn !== 'error' && t.failOn !== 'warning') fail('thresholds.failOn', '"error" or "warning"');
      thresholds.failOn = t.failOn as FailOn;
    }
    config.thresholds = thresholds;
  }
  return config;
}

function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
