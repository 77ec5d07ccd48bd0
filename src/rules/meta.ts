/** The rules' metadata, carried in every report so that formatters need no lookups. */
import type { Rule, RuleMeta } from '../types.js';

export function ruleMeta(rules: readonly Rule[]): RuleMeta[] {
  return rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    focus: r.focus,
    category: r.category,
    severity: r.severity,
    description: r.description,
    suggestion: r.suggestion,
    ...(r.rationale ? { rationale: r.rationale } : {}),
    ...(r.evidence?.length ? { evidence: r.evidence } : {}),
  }));
}
