/** The metric kind: a call-level number compared with a threshold (per call type where given). */
import type { CallMetrics, Rule } from '../types.js';

export interface MetricHit {
  value: number;
  limit: number;
  direction: 'above' | 'below';
}

/** Checks one metric rule against a call's metrics; null when within limits or not measurable. */
export function checkMetric(rule: Rule, metrics: CallMetrics, callType?: string): MetricHit | null {
  const m = rule.metric;
  if (!m) return null;
  const value = metrics[m.name];
  if (typeof value !== 'number') return null;
  const override = callType ? m.byCallType?.[callType] : undefined;
  const max = override?.max ?? m.max;
  const min = override?.min ?? m.min;
  if (max !== undefined && value > max) return { value, limit: max, direction: 'above' };
  if (min !== undefined && value < min) return { value, limit: min, direction: 'below' };
  return null;
}
