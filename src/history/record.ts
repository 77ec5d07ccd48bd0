/** What the history records for an analyzed call: its identity (a hash of the transcript's bytes) and its date. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { CallReport, Rule } from '../types.js';
import { dateFromTranscript, utcDay } from './date.js';
import type { HistoryEntry } from './store.js';

/**
 * The history entry of a call read from `file` (a path on disk, or "-" for standard input).
 * The date is the one given, else the transcript's own, else the file's modification day (today for standard input).
 */
export function historyEntry(call: CallReport, file: string, givenDate?: string): HistoryEntry {
  let bytes: Buffer | undefined;
  try {
    if (file !== '-') bytes = readFileSync(file);
  } catch {
    bytes = undefined; // read once already for the analysis; gone since: the report itself stands in for it
  }
  // Without the bytes (standard input), the call's report is its identity: the same transcript gives the same report.
  const contentHash = createHash('sha256').update(bytes ?? JSON.stringify({ timeline: call.timeline, findings: call.findings, metrics: call.metrics })).digest('hex');
  if (givenDate) return { call, contentHash, path: call.file, date: givenDate, dateSource: 'given' };
  const own = bytes ? dateFromTranscript(bytes.subarray(0, 16384).toString('utf8')) : undefined;
  if (own) return { call, contentHash, path: call.file, date: own, dateSource: 'transcript' };
  let day = utcDay(new Date());
  try {
    if (file !== '-') day = utcDay(statSync(file).mtime);
  } catch {
    // keep today
  }
  return { call, contentHash, path: call.file, date: day, dateSource: 'file' };
}

/** A short fingerprint of the rules a call was scored with: two rows with the same one were scored alike. */
export function rulesVersion(toolVersion: string, rules: readonly Rule[]): string {
  const data = JSON.stringify(rules.map(({ source: _source, ...rule }) => rule));
  return `${toolVersion}+${createHash('sha256').update(data).digest('hex').slice(0, 12)}`;
}
