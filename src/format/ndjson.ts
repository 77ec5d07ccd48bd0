/** Newline-delimited JSON: one line per call and one per input error, so huge batches can be streamed and grepped. */
import type { CallReport, InputError } from '../types.js';
import type { Formatter } from './types.js';
import { formatStreamed, type StreamFormatter } from './stream.js';

/** One call as a single JSON line (no trailing newline); the CallReport exactly as given. */
export function formatCallLine(call: CallReport): string {
  return JSON.stringify(call);
}

/** One input error as `{"error": {...}}`, which a reader tells apart from call lines by its only key. */
export function formatErrorLine(error: InputError): string {
  return JSON.stringify({ error });
}

/** Every call line, then every error line, each ending with a newline. */
export const streamNdjson: StreamFormatter = () => ({
  inOrder: true,
  part: (call) => `${formatCallLine(call)}\n`,
  end(out, report) {
    for (const e of report.errors) out.write(`${formatErrorLine(e)}\n`);
  },
});

export const formatNdjson: Formatter = (report, options) => formatStreamed(streamNdjson, report, options);
