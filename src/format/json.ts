/** The JSON report: the stable contract other tools build on (see the README). Deterministic. */
import type { Formatter } from './types.js';
import type { StreamFormatter } from './stream.js';
import { emptyReport, nestedJson, writeJsonArray } from './stream.js';

export const formatJson: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';

/**
 * The same bytes call by call: the report's keys in createReport's order (tool, calls, errors, rules, gates),
 * each call pretty-printed as it arrives at the depth it has inside the report.
 */
export const streamJson: StreamFormatter = () => {
  let calls = 0;
  return {
    inOrder: true,
    head: () => `{\n  "tool": ${nestedJson(emptyReport([]).tool, 1)},\n  "calls": `,
    part(call, n) {
      calls++;
      return `${n === 0 ? '[' : ','}\n    ${nestedJson(call, 2)}`;
    },
    end(out, report) {
      out.write(calls === 0 ? '[]' : '\n  ]');
      for (const [key, value] of Object.entries(report)) {
        if (key === 'tool' || key === 'calls' || value === undefined) continue;
        out.write(`,\n  ${JSON.stringify(key)}: `);
        if (Array.isArray(value)) writeJsonArray(out, value, 1);
        else out.write(nestedJson(value, 1));
      }
      out.write('\n}\n');
    },
  };
};
