/**
 * Baselines: today's findings per file, keyed by rule and quoted text (so line shifts do not count), with a
 * count per key for duplicates. A later run fails only on findings beyond those counts.
 */
import type { CallReport, Finding } from '../types.js';
import { BaselineError } from '../errors.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  match: string;
  count: number;
}

export interface BaselineFile {
  version: number;
  tool: 'buyerside';
  /** Shown path -> entries sorted by rule id, then match. */
  files: Record<string, BaselineEntry[]>;
}


/** Match text compared without case and extra spaces. */
function normalize(match: string): string {
  return match.replace(/\s+/g, ' ').trim().toLowerCase();
}

function keyOf(ruleId: string, match: string): string {
  return `${ruleId}\u0000${normalize(match)}`;
}

/** Findings that a baseline records: the counted (non-suppressed) ones. */
function recorded(call: CallReport): Finding[] {
  return call.findings.filter((f) => !f.suppressed);
}

/** Collects calls into a baseline, one call at a time. */
export class BaselineWriter {
  private readonly files = new Map<string, Map<string, BaselineEntry>>();

  add(call: CallReport): void {
    const entries = new Map<string, BaselineEntry>();
    for (const f of recorded(call)) {
      const key = keyOf(f.ruleId, f.match);
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { ruleId: f.ruleId, match: normalize(f.match), count: 1 });
    }
    this.files.set(call.file, entries);
  }

  toJSON(): BaselineFile {
    const files = Object.create(null) as Record<string, BaselineEntry[]>;
    for (const file of [...this.files.keys()].sort()) {
      files[file] = [...this.files.get(file)!.values()].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.match < b.match ? -1 : a.match > b.match ? 1 : 0));
    }
    return { version: BASELINE_VERSION, tool: 'buyerside', files };
  }

  text(): string {
    return JSON.stringify(this.toJSON(), null, 2) + '\n';
  }
}

/** A loaded baseline. */
export class Baseline {
  private readonly files: Map<string, Map<string, number>>;

  constructor(data: BaselineFile) {
    this.files = new Map();
    for (const [file, entries] of Object.entries(data.files)) {
      const counts = new Map<string, number>();
      for (const e of entries) counts.set(keyOf(e.ruleId, e.match), (counts.get(keyOf(e.ruleId, e.match)) ?? 0) + e.count);
      this.files.set(file, counts);
    }
  }

  /** Checks a baseline file's text (`path` names it in errors). Throws BaselineError. */
  static parse(text: string, path: string): Baseline {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new BaselineError(`${path}: not valid JSON: ${(e as Error).message}`);
    }
    const data = raw as BaselineFile;
    if (typeof raw !== 'object' || raw === null || data.version !== BASELINE_VERSION || typeof data.files !== 'object' || data.files === null || Array.isArray(data.files)) {
      throw new BaselineError(`${path}: not a buyerside baseline (expected {"version": 1, "files": {...}})`, 'write-baseline');
    }
    for (const [file, entries] of Object.entries(data.files)) {
      if (!Array.isArray(entries)) throw new BaselineError(`${path}: "files.${file}": expected a list of {ruleId, match, count}`);
      entries.forEach((e, i) => {
        if (typeof e !== 'object' || e === null || typeof e.ruleId !== 'string' || typeof e.match !== 'string' || !Number.isInteger(e.count) || e.count < 1) {
          throw new BaselineError(`${path}: "files.${file}[${i}]": expected {ruleId: string, match: string, count: whole number >= 1}`);
        }
      });
    }
    return new Baseline(data);
  }

  /**
   * The call with its new findings marked (`new: true`): for each key, the findings beyond the
   * baseline's count, in order. A new report; the one given is not changed.
   */
  mark(call: CallReport): CallReport {
    const left = new Map(this.files.get(call.file) ?? []);
    const findings = call.findings.map((f) => {
      if (f.suppressed) return f;
      const key = keyOf(f.ruleId, f.match);
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        return f;
      }
      return { ...f, new: true };
    });
    return { ...call, findings };
  }
}
