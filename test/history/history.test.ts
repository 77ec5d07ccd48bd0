/** The coach's history: analyze --history records calls in SQLite; history shows each rep's trend per week or month. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { FIXTURES, cli, tempDir } from '../support/cli.js';
import { dateFromTranscript, isCalendarDate } from '../../src/history/date.js';
import { buildTrend, periodStart } from '../../src/history/trend.js';
import { HistoryStore } from '../../src/history/store.js';
import { SCHEMA_VERSION } from '../../src/history/schema.js';
import { sparkline } from '../../src/format/trend/terminal.js';

const CALLS = join(FIXTURES, 'calls');
const call = (name: string) => readFileSync(join(CALLS, name), 'utf8');
/** A fixture call with its seller renamed, so one rep can have calls of every quality. */
function asRep(file: string, seller: string, rep: string): string {
  return call(file).replaceAll(`${seller}:`, `${rep}:`).replaceAll(`${seller} from`, `${rep} from`);
}

/** Three weeks: Sam improves (12 -> 61 -> 98), Kim slips (98 -> 12). */
async function threeWeeks(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'team.sqlite');
  const weeks: Array<[string, Array<[string, string]>]> = [
    ['2026-11-02', [['sam-1.txt', asRep('demo-call-seller-pitch.txt', 'Trevor', 'Sam')], ['kim-1.txt', asRep('discovery-call-buyer-led.txt', 'Dana', 'Kim')]]],
    ['2026-11-11', [['sam-2.txt', asRep('renewal-call-mixed.txt', 'Marcus', 'Sam')]]],
    ['2026-11-20', [['sam-3.txt', asRep('discovery-call-buyer-led.txt', 'Dana', 'Sam')], ['kim-3.txt', asRep('demo-call-seller-pitch.txt', 'Trevor', 'Kim')]]],
  ];
  for (const [date, files] of weeks) {
    const paths = files.map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return name;
    });
    const r = await cli(['analyze', ...paths, '--history', db, '--date', date, '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
  return { dir, db };
}

describe('history database', () => {
  it('records every call once, with its date, sellers, score, components and findings; scoring again replaces the row', async () => {
    const { dir, db } = await threeWeeks();
    const open = () => new sqlite.Database(db, { readOnly: true });
    let d = open();
    expect(d.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
    expect(d.all('SELECT path, call_date, date_source, score FROM calls ORDER BY call_date, path')).toEqual([
      { path: 'kim-1.txt', call_date: '2026-11-02', date_source: 'given', score: 98 },
      { path: 'sam-1.txt', call_date: '2026-11-02', date_source: 'given', score: 12 },
      { path: 'sam-2.txt', call_date: '2026-11-11', date_source: 'given', score: 61 },
      { path: 'kim-3.txt', call_date: '2026-11-20', date_source: 'given', score: 12 },
      { path: 'sam-3.txt', call_date: '2026-11-20', date_source: 'given', score: 98 },
    ]);
    expect(d.all('SELECT DISTINCT name FROM sellers ORDER BY name')).toEqual([{ name: 'Kim' }, { name: 'Sam' }]);
    const findings = d.get("SELECT COUNT(*) AS n FROM findings f JOIN calls c ON c.id = f.call_id WHERE c.path = 'sam-1.txt'") as { n: number };
    expect(findings.n).toBeGreaterThan(10);
    expect((d.get('SELECT COUNT(*) AS n FROM components') as { n: number }).n).toBeGreaterThanOrEqual(5 * 3);
    const rulesVersion = (d.get('SELECT rules_version FROM calls LIMIT 1') as { rules_version: string }).rules_version;
    expect(rulesVersion).toMatch(/^\d+\.\d+\.\d+.*\+[0-9a-f]{12}$/);
    d.close();

    // The same call scored again (under a new name, on a new date) replaces its row: no double counting.
    writeFileSync(join(dir, 'again.txt'), readFileSync(join(dir, 'sam-1.txt')));
    const r = await cli(['analyze', 'again.txt', '--history', db, '--date', '2026-11-03', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    d = open();
    expect((d.get('SELECT COUNT(*) AS n FROM calls') as { n: number }).n).toBe(5);
    expect(d.get("SELECT path, call_date FROM calls WHERE score = 12 AND call_date < '2026-11-10'")).toEqual({ path: 'again.txt', call_date: '2026-11-03' });
    d.close();
  });

  it("takes the call's date from the transcript's metadata, else the file's modification day", async () => {
    expect(dateFromTranscript('# Discovery call\nDate: 2026-10-14\n\nDana: Hi')).toBe('2026-10-14');
    expect(dateFromTranscript('WEBVTT\n\nNOTE Recorded 2026-09-30T10:00:00Z\n')).toBe('2026-09-30');
    expect(dateFromTranscript('{"created_at": "2026-08-01T09:00:00Z", "results": []}')).toBe('2026-08-01');
    expect(dateFromTranscript('Dana: We shipped on 2026-10-14 and it worked.')).toBeUndefined();
    expect(dateFromTranscript('Date: 2026-02-30')).toBeUndefined();
    expect(isCalendarDate('2026-02-28')).toBe(true);

    const dir = tempDir();
    const db = join(dir, 'h.sqlite');
    writeFileSync(join(dir, 'dated.txt'), `Date: 2026-10-14\n\n${call('renewal-call-mixed.txt')}`);
    writeFileSync(join(dir, 'plain.txt'), call('discovery-call-buyer-led.txt'));
    const { utimesSync } = await import('node:fs');
    utimesSync(join(dir, 'plain.txt'), new Date('2026-07-04T12:00:00Z'), new Date('2026-07-04T12:00:00Z'));
    const r = await cli(['analyze', 'dated.txt', 'plain.txt', '--history', db, '-f', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const d = new sqlite.Database(db, { readOnly: true });
    expect(d.all('SELECT path, call_date, date_source FROM calls ORDER BY path')).toEqual([
      { path: 'dated.txt', call_date: '2026-10-14', date_source: 'transcript' },
      { path: 'plain.txt', call_date: '2026-07-04', date_source: 'file' },
    ]);
    d.close();
  });

  it('refuses a database from a newer schema and a file that is not one, in one line each', async () => {
    const dir = tempDir();
    const newer = join(dir, 'newer.sqlite');
    const d = new sqlite.Database(newer);
    d.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    d.close();
    const r = await cli(['analyze', join(CALLS, 'renewal-call-mixed.txt'), '--history', newer]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^buyerside: .*newer\.sqlite: history schema version 2 is newer than this buyerside knows \(1\); upgrade buyerside\n$/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database at all, just some words that are long enough to fill a header page '.repeat(20));
    const h = await cli(['history', text]);
    expect(h.code).toBe(2);
    expect(h.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(h.stderr).toContain('notes.txt');
    expect((await cli(['analyze', join(CALLS, 'renewal-call-mixed.txt'), '--date', '2026-11-31', '--history', newer])).stderr).toBe(
      'buyerside: --date expects a date as YYYY-MM-DD, got "2026-11-31"\n',
    );
  });
});

describe('buyerside history', () => {
  it("shows each rep's trend per week as JSON: calls, average score, talk share, open questions, top habit, change since the first week", async () => {
    const { db } = await threeWeeks();
    const r = await cli(['history', db, '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const trend = JSON.parse(r.stdout);
    expect(trend.by).toBe('week');
    expect(trend.reps.map((x: { name: string }) => x.name)).toEqual(['Kim', 'Sam']);
    const sam = trend.reps[1];
    expect(sam.periods.map((p: { start: string; averageScore: number }) => [p.start, p.averageScore])).toEqual([
      ['2026-11-02', 12],
      ['2026-11-09', 61],
      ['2026-11-16', 98],
    ]);
    expect(sam.periods[0].change).toBeNull();
    expect(sam.periods[2].change.averageScore).toBe(86);
    expect(sam.periods[0].topHabit.ruleId).toBe('company-credentials');
    expect(sam.periods[0].talkShare).toBeCloseTo(0.82, 2);
    expect(sam.periods[2].openQuestions).toBe(6);
    const kim = trend.reps[0];
    expect(kim.periods.map((p: { averageScore: number }) => p.averageScore)).toEqual([98, 12]);
    expect(kim.periods[1].change.averageScore).toBe(-86);
  });

  it('filters by rep and dates, groups by month, and writes terminal, CSV and HTML', async () => {
    const { db, dir } = await threeWeeks();
    const one = JSON.parse((await cli(['history', db, '-f', 'json', '--rep', 'sam', '--since', '2026-11-05', '--until', '2026-11-30'])).stdout);
    expect(one.reps).toHaveLength(1);
    expect(one.reps[0].periods.map((p: { start: string }) => p.start)).toEqual(['2026-11-09', '2026-11-16']);
    const month = JSON.parse((await cli(['history', db, '-f', 'json', '--by', 'month', '--rep', 'Sam'])).stdout);
    expect(month.reps[0].periods).toEqual([expect.objectContaining({ start: '2026-11-01', calls: 3, averageScore: 57 })]);

    const term = (await cli(['history', db])).stdout;
    expect(term).toContain('Sam  ▁▅█  3 week(s), 3 call(s), score 12.0 → 98.0 (+86.0)');
    expect(term).toContain('Kim  █▁  2 week(s), 2 call(s), score 98.0 → 12.0 (-86.0)'); // weeks without a call are left out

    const csv = (await cli(['history', db, '-f', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('rep,week_start,calls,judged,average_score,talk_share,open_questions,top_habit,top_habit_count,score_change,talk_share_change,open_questions_change');
    expect(csv.filter((l) => l.startsWith('Sam,'))).toHaveLength(3);

    const out = join(dir, 'trends.html');
    const h = await cli(['history', db, '-f', 'html', '-o', out]);
    expect(h.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html.match(/<polyline/g)?.length).toBe(4); // both reps on the team chart, and one chart each
    expect(html).toContain('<span class="up">+86</span>');
    expect(html).toContain('<span class="down">−86</span>');
  });

  it('escapes rep names in every format', () => {
    const evil = '<img src=x onerror=alert(1)>\u001b]0;pwned\u0007';
    const trend = buildTrend([{ path: 'a', date: '2026-11-02', score: 50, talkShare: 0.5, openQuestions: 1, sellers: [{ name: evil, key: evil }], habits: new Map() }]);
    expect(trend.reps[0]!.name).toBe(evil);
    return import('../../src/format/trend/index.js').then(({ TREND_FORMATTERS }) => {
      expect(TREND_FORMATTERS.html(trend)).not.toContain('<img');
      expect(TREND_FORMATTERS.terminal(trend)).not.toMatch(/[\u001b\u0007]/);
      expect(JSON.parse(TREND_FORMATTERS.json(trend)).reps[0].name).toBe(evil);
    });
  });

  it('starts weeks on Monday and draws sparklines on a fixed scale', () => {
    expect(periodStart('2026-11-02', 'week')).toBe('2026-11-02'); // a Monday
    expect(periodStart('2026-11-08', 'week')).toBe('2026-11-02'); // Sunday
    expect(periodStart('2026-01-01', 'week')).toBe('2025-12-29');
    expect(periodStart('2026-11-30', 'month')).toBe('2026-11-01');
    expect(sparkline([{ averageScore: 0 }, { averageScore: 50 }, { averageScore: 100 }, { averageScore: null }])).toBe('▁▅█·');
  });

  it('reads an empty history without error', () => {
    const dir = tempDir();
    const file = join(dir, 'empty.sqlite');
    HistoryStore.open(file).close();
    const store = HistoryStore.open(file, { readOnly: true });
    expect(store.calls()).toEqual([]);
    store.close();
  });
});
