/** The metric kind: a number about the whole call compared with a threshold (per call type where given). */
import type { CallMetrics, MetricCheck, Rule } from '../types.js';
import type { FieldReader } from '../rules/validate.js';
import type { CallKind } from './types.js';

const METRICS: MetricCheck['name'][] = ['sellerTalkShare', 'longestSellerMonologueWords', 'longestSellerMonologueSeconds', 'sellerQuestions', 'buyerLongestTurnWords'];

/** A script (one speaker) has no conversation shape to judge, only how long its turns run. */
const SCRIPT_METRICS = new Set<MetricCheck['name']>(['longestSellerMonologueWords']);

export interface Measured {
  value: number;
  limit: number;
  direction: 'above' | 'below';
}

export const metric: CallKind = {
  name: 'metric',
  judges: 'call',
  order: 8,
  fields: ['metric'],
  needsExamples: false,
  validate(fields) {
    return { metric: validateMetric(fields) };
  },
  check(compiled, ctx) {
    const rule = compiled.rule;
    if (ctx.script && !SCRIPT_METRICS.has(rule.metric!.name)) return null;
    const hit = measure(rule.metric!, ctx.metrics, ctx.callType);
    if (!hit) return null;
    const bound = hit.direction === 'above' ? 'limit' : 'minimum';
    return { message: `${rule.message} (${formatMetric(rule, hit.value)} is ${hit.direction} the ${bound} of ${formatMetric(rule, hit.limit)})` };
  },
};

/** A metric compared with its limits; null when within them or not measurable (no times). */
export function measure(m: MetricCheck, metrics: CallMetrics, callType?: string): Measured | null {
  const value = metrics[m.name];
  if (typeof value !== 'number') return null;
  const override = callType ? m.byCallType?.[callType] : undefined;
  const max = override?.max ?? m.max;
  const min = override?.min ?? m.min;
  if (max !== undefined && value > max) return { value, limit: max, direction: 'above' };
  if (min !== undefined && value < min) return { value, limit: min, direction: 'below' };
  return null;
}

function formatMetric(rule: Rule, value: number): string {
  const name = rule.metric?.name ?? '';
  if (name === 'sellerTalkShare') return `${Math.round(value * 100)}%`;
  if (name.endsWith('Seconds')) return `${Math.round(value)} s`;
  if (name.endsWith('Words')) return `${value} words`;
  return String(value);
}

function validateMetric(fields: FieldReader): MetricCheck {
  const v = fields.raw.metric;
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(v)) throw fields.fail('metric', 'expected { name, max or min }');
  const name = v.name;
  if (typeof name !== 'string' || !METRICS.includes(name as MetricCheck['name'])) throw fields.fail('metric.name', `expected one of ${METRICS.join(', ')}`);
  const m: MetricCheck = { name: name as MetricCheck['name'] };
  for (const k of ['max', 'min'] as const) {
    if (v[k] === undefined) continue;
    if (typeof v[k] !== 'number' || !Number.isFinite(v[k])) throw fields.fail(`metric.${k}`, 'expected a number');
    m[k] = v[k] as number;
  }
  if (m.max === undefined && m.min === undefined) throw fields.fail('metric', 'give max or min');
  if (v.byCallType !== undefined) {
    if (!isObject(v.byCallType)) throw fields.fail('metric.byCallType', 'expected { callType: { max, min } }');
    const by: Record<string, { max?: number; min?: number }> = Object.create(null);
    for (const [type, limits] of Object.entries(v.byCallType)) {
      if (!isObject(limits)) throw fields.fail(`metric.byCallType.${type}`, 'expected { max, min }');
      const entry: { max?: number; min?: number } = {};
      for (const k of ['max', 'min'] as const) {
        if (limits[k] === undefined) continue;
        if (typeof limits[k] !== 'number') throw fields.fail(`metric.byCallType.${type}.${k}`, 'expected a number');
        entry[k] = limits[k] as number;
      }
      by[type] = entry;
    }
    m.byCallType = by;
  }
  for (const key of Object.keys(v)) if (!['name', 'max', 'min', 'byCallType'].includes(key)) throw fields.fail('metric', `unknown key "${key}"`);
  return m;
}
