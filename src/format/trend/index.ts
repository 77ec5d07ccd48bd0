/** The formats of `buyerside history`: a rep's trend as a terminal table, JSON, CSV or an HTML page of charts. */
import type { Trend } from '../../history/trend.js';
import { formatTrendTerminal } from './terminal.js';
import { formatTrendCsv } from './csv.js';
import { formatTrendHtml } from './html.js';

export type TrendFormatter = (trend: Trend) => string;

/** The JSON shape: `{ "by", "reps": [{ "name", "periods": [{ "start", "calls", "averageScore", ... }] }] }`. */
export const formatTrendJson: TrendFormatter = (trend) => `${JSON.stringify(trend, null, 2)}\n`;

export const TREND_FORMATTERS = {
  terminal: formatTrendTerminal,
  json: formatTrendJson,
  csv: formatTrendCsv,
  html: formatTrendHtml,
} as const satisfies Record<string, TrendFormatter>;

export type TrendFormatName = keyof typeof TREND_FORMATTERS;
