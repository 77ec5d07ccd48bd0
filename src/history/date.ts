/** When a call took place, from the transcript's own metadata where its format has it (a header line, a JSON field). */

const HEADER_LINES = 40;
const JSON_PREFIX = 8192;

// "Date: 2026-11-03", "**Call date:** 2026-11-03", "NOTE Recorded 2026-11-03T10:00Z", "| Date | 2026-11-03 |".
const HEADER_DATE = /^[\s#>*|_-]*(?:NOTE\s+)?(?:call\s+date|meeting\s+date|date|recorded(?:\s+on)?|start(?:ed)?(?:\s+time)?)[\s*_|]*[:=|-]?[\s*_|]*(\d{4}-\d{2}-\d{2})(?![\d])/i;
// Vendor JSON: "date", "call_date", "start_time", "created_at", "recordedAt"... with an ISO date value.
const JSON_DATE = /"(?:date|call_?date|callDate|start_?time|startTime|started_?at|startedAt|created_?at|createdAt|recorded_?at|recordedAt)"\s*:\s*"(\d{4}-\d{2}-\d{2})/;

/** Whether the text is a real calendar day in YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The call's date from its text, or undefined when the transcript does not say. */
export function dateFromTranscript(text: string): string | undefined {
  const json = JSON_DATE.exec(text.slice(0, JSON_PREFIX));
  if (json && isCalendarDate(json[1]!)) return json[1];
  let start = 0;
  for (let i = 0; i < HEADER_LINES && start < text.length; i++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const m = HEADER_DATE.exec(line);
    if (m && isCalendarDate(m[1]!)) return m[1];
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}

/** A moment as its UTC day, YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
