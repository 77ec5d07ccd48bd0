/**
 * Hostile text, made safe once at the boundary: the human-facing formatters (terminal, summary,
 * Markdown, CSV, findings CSV, GitHub annotations) get a copy of the report in which every string
 * has its control and bidi characters shown escaped, so a transcript or a file name cannot set a
 * terminal's title, plant a link, clear the screen, reverse text or forge a line. JSON, NDJSON,
 * SARIF, JUnit and HTML stay faithful: their serializers escape for their own syntax.
 */
import type { CallReport, Report } from '../types.js';
import type { Formatter } from './types.js';
import type { StreamFormatter } from './stream.js';
import { printable } from '../errors.js';

/** A deep copy of `value` with every string (values, not keys) made printable. */
function safeCopy<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(safeCopy) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = safeCopy(v);
    return out as T;
  }
  return value;
}

/** The report with every string made printable. */
export function safeReport(report: Report): Report {
  return safeCopy(report);
}

/** A formatter that sees only printable strings. */
export function safeFormatter(format: Formatter): Formatter {
  return (report, options) => format(safeReport(report), options);
}

/** A stream that sees only printable strings: each call as it arrives, the rest of the report at the end. */
export function safeStream(stream: StreamFormatter): StreamFormatter {
  return (rules, options) => {
    const s = stream(rules.map(safeCopy), options);
    // taken() follows the part() of the same call: its safe copy is made once.
    let last: { call: CallReport; safe: CallReport } | undefined;
    const safe = (call: CallReport) => (last?.call === call ? last.safe : (last = { call, safe: safeCopy(call) }).safe);
    return {
      inOrder: s.inOrder,
      ...(s.head ? { head: s.head.bind(s) } : {}),
      part: (call, n) => s.part(safe(call), n),
      taken: (call) => {
        s.taken?.(safe(call));
        last = undefined;
      },
      end: (out, report, parts) => s.end(out, safeReport(report), parts),
    };
  };
}
