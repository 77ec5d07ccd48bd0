/** CSV with one row per finding across all calls, for filtering and pivoting in a spreadsheet. */
import type { Formatter } from './types.js';
import { csvRow } from './escape.js';
import { formatStreamed, type StreamFormatter } from './stream.js';

/**
 * The columns, in order. line is 1-based in the input file (empty for findings about the call as a whole); time is seconds (empty without times);
 * match is the exact trigger inside text; suppressed is true when an inline directive accepted the finding.
 */
export const FINDINGS_CSV_COLUMNS = [
  'file',
  'line',
  'time',
  'speaker',
  'rule_id',
  'kind',
  'category',
  'severity',
  'match',
  'text',
  'message',
  'suggestion',
  'suppressed',
] as const;

/** Calls in report order, findings in the order the analysis produced them (suppressed ones included and marked); a call's rows at a time. */
export const streamFindingsCsv: StreamFormatter = () => ({
  inOrder: true,
  head: () => csvRow(FINDINGS_CSV_COLUMNS),
  part(call) {
    let out = '';
    for (const f of call.findings) {
      out += csvRow([
        call.file,
        // Findings about the call as a whole have no line: an empty cell.
        f.line,
        f.time,
        f.speaker,
        f.ruleId,
        f.kind,
        f.category,
        f.severity,
        f.match,
        f.text,
        f.message,
        f.suggestion,
        f.suppressed === true,
      ]);
    }
    return out;
  },
  end: () => {},
});

export const formatFindingsCsv: Formatter = (report, options) => formatStreamed(streamFindingsCsv, report, options);
