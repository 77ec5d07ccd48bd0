/** Building a Report: the calls and input errors, with the tool and the rules' metadata, so that formatters need no lookups. */
import type { CallReport, GateResult, InputError, Report, Rule, RuleMeta } from '../types.js';
import { VERSION } from '../package.js';
import { harmOf } from './finding.js';

/** The rules' metadata a report carries (what formatters show as rule help). */
export function ruleMeta(rules: ReadonlyArray<Rule | RuleMeta>): RuleMeta[] {
  return rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    focus: r.focus,
    category: r.category,
    severity: r.severity,
    harm: harmOf(r),
    description: r.description,
    suggestion: r.suggestion,
    ...(r.rationale ? { rationale: r.rationale } : {}),
    ...(r.evidence?.length ? { evidence: r.evidence } : {}),
  }));
}

export interface ReportParts {
  calls: readonly CallReport[];
  errors?: readonly InputError[];
  /** The rules the calls were analyzed with (or their metadata). */
  rules: ReadonlyArray<Rule | RuleMeta>;
  /** Gates that failed, when gates were set (an empty list says they all passed). */
  gates?: readonly GateResult[];
}

/** A report ready for any formatter. */
export function createReport({ calls, errors = [], rules, gates }: ReportParts): Report {
  return { tool: { name: 'buyerside', version: VERSION }, calls: [...calls], errors: [...errors], rules: ruleMeta(rules), ...(gates ? { gates: [...gates] } : {}) };
}
