/** `buyerside history FILE`: each rep's trend from a history database; and the recorder behind `analyze --history`. */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CallReport, Rule } from '../types.js';
import type { Done, Outcome } from '../cli.js';
import { UsageError } from '../errors.js';
import { VERSION } from '../package.js';
import type { Io } from '../io/console.js';
import { writeFileAtomic } from '../io/write.js';
import { isCalendarDate } from '../history/date.js';
import { historyEntry, rulesVersion } from '../history/record.js';
import { HistoryStore, type HistoryEntry } from '../history/store.js';
import { buildTrend, type PeriodKind } from '../history/trend.js';
import { TREND_FORMATTERS, type TrendFormatName } from '../format/trend/index.js';

interface HistoryFlags {
  by: PeriodKind;
  rep?: string;
  since?: string;
  until?: string;
  format: TrendFormatName;
  output?: string;
}

/** Checks a YYYY-MM-DD flag value; `flag` names it in the error. */
export function checkDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`${flag} expects a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export function registerHistory(program: Command, io: Io, done: Done): void {
  program
    .command('history')
    .description("show each rep's trend (score, talk share, open questions, top habit) from a history file written by analyze --history")
    .argument('<file>', 'the history database (SQLite)')
    .addOption(new Option('--by <period>', 'group calls by week or month').choices(['week', 'month']).default('week'))
    .option('--rep <name>', 'only this rep')
    .option('--since <date>', 'only calls on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'only calls on or before this day (YYYY-MM-DD)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(TREND_FORMATTERS)).default('terminal'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .action((file: string, opts: HistoryFlags) => {
      done(runHistory(file, opts, io));
    });
}

export function runHistory(file: string, opts: HistoryFlags, io: Io): Outcome {
  const since = checkDate(opts.since, '--since');
  const until = checkDate(opts.until, '--until');
  const store = HistoryStore.open(file, { readOnly: true });
  let calls;
  try {
    calls = store.calls({ ...(since ? { since } : {}), ...(until ? { until } : {}) });
  } finally {
    store.close();
  }
  const trend = buildTrend(calls, { by: opts.by, ...(opts.rep !== undefined ? { rep: opts.rep } : {}) });
  const text = TREND_FORMATTERS[opts.format](trend);
  if (opts.output) writeFileAtomic(opts.output, text);
  else io.out(text);
  return { inputErrors: 0, failedGates: 0 };
}

/** Records analyzed calls into the history file in batches, so a big run never holds them all. */
export class HistoryRecorder {
  private readonly store: HistoryStore;
  private readonly pending: HistoryEntry[] = [];
  private readonly versions: { tool: string; rules: string };
  private readonly recordedAt = new Date().toISOString();

  constructor(
    file: string,
    private readonly rules: readonly Rule[],
    private readonly date: string | undefined,
  ) {
    this.store = HistoryStore.open(file);
    this.versions = { tool: VERSION, rules: rulesVersion(VERSION, rules) };
  }

  add(call: CallReport, path: string): void {
    this.pending.push(historyEntry(call, path, this.date));
    if (this.pending.length >= 200) this.flush();
  }

  private flush(): void {
    this.store.record(this.pending.splice(0), this.rules, this.versions, this.recordedAt);
  }

  close(): void {
    try {
      this.flush();
    } finally {
      this.store.close();
    }
  }
}
