/** summarize() and SummaryBuilder: per-call rows, per-rep aggregates, totals, sort orders, and a small memory footprint. */
import { describe, expect, it } from 'vitest';
import { SORT_KEYS, SummaryBuilder, sortCallRows, summarize, type CallRow } from '../../src/report/summary.js';
import type { CallReport } from '../../src/types.js';
import { acmeCall, globexCall, HOSTILE, sampleReport } from '../format/sample-report.js';

function call(file: string, score: number, extra: Partial<CallReport['metrics']> = {}): CallReport {
  return { ...acmeCall, file, score, findings: [], metrics: { ...acmeCall.metrics, ...extra } };
}

describe('summarize', () => {
  const summary = summarize(sampleReport.calls, sampleReport.errors, sampleReport.rules);

  it('makes a row per call with sellers, numbers and the top issue', () => {
    expect(summary.calls.map((r) => r.file)).toEqual(['calls/acme-discovery.vtt', 'calls/globex demo.txt']);
    expect(summary.calls[0]).toEqual({
      index: 0,
      file: 'calls/acme-discovery.vtt',
      sellers: ['Dana Reyes'],
      score: 42,
      sellerTalkShare: 0.71,
      sellerQuestions: 3,
      openQuestions: 1,
      longestMonologueWords: 240,
      // Four about words, one about the talk share, and one jump in the journey (the suppressed one does not count).
      sellerCentric: 5,
      buyerOwnership: 1,
      suppressed: 1,
      topIssue: { ruleId: 'seller-we-talk', count: 2, message: 'The seller talks about their own company instead of the buyer.' },
    });
    expect(summary.calls[1]!.sellers).toEqual(['Lee Chen', 'dana reyes']);
  });

  it('aggregates reps across calls, matching names case-insensitively', () => {
    expect(summary.reps).toEqual([
      {
        name: 'Dana Reyes',
        calls: 2,
        averageScore: 61.5,
        minScore: 42,
        maxScore: 81,
        // Means of the two calls: talk (0.71 + 0.45) / 2, questions (3 + 6) / 2, open (1 + 4) / 2.
        averageTalkShare: 0.58,
        averageQuestions: 4.5,
        averageOpenQuestions: 2.5,
        habits: [
          { ruleId: 'seller-we-talk', count: 3 },
          { ruleId: 'feature-dump', count: 1 },
          { ruleId: 'presented-before-reasons', count: 1 },
        ],
        strengths: [{ ruleId: 'your-priorities', count: 1 }],
      },
      {
        name: 'Lee Chen',
        calls: 1,
        averageScore: 81,
        minScore: 81,
        maxScore: 81,
        averageTalkShare: 0.45,
        averageQuestions: 6,
        averageOpenQuestions: 4,
        habits: [
          { ruleId: 'feature-dump', count: 1 },
          { ruleId: 'seller-we-talk', count: 1 },
        ],
        strengths: [
          { ruleId: 'open-question', count: 1 },
          { ruleId: 'your-priorities', count: 1 },
        ],
      },
    ]);
  });

  it('totals calls, failures, the average and the distribution', () => {
    expect(summary.totals).toEqual({
      calls: 2,
      notJudged: 0,
      failed: 2,
      averageScore: 61.5,
      distribution: [
        { label: '0-19', min: 0, max: 19, count: 0 },
        { label: '20-39', min: 20, max: 39, count: 0 },
        { label: '40-59', min: 40, max: 59, count: 1 },
        { label: '60-79', min: 60, max: 79, count: 0 },
        { label: '80-100', min: 80, max: 100, count: 1 },
      ],
    });
    expect(summary.failed).toEqual(sampleReport.errors);
  });

  it('puts bucket edges in the right buckets', () => {
    const s = summarize([0, 19, 20, 39.9, 79, 80, 100].map((score, i) => call(`f${i}`, score)), [], []);
    expect(s.totals.distribution.map((b) => b.count)).toEqual([2, 2, 0, 1, 2]);
  });

  it('handles an empty batch', () => {
    const s = summarize([], [{ file: 'x', message: 'unreadable', code: 'E_READ' }, { file: 'x', message: 'again' }], []);
    expect(s.totals).toMatchObject({ calls: 0, failed: 1, averageScore: null });
    expect(s.calls).toEqual([]);
    expect(s.reps).toEqual([]);
  });

  it('leaves topIssue out when a call has no counted seller-centric finding', () => {
    const clean = { ...acmeCall, findings: acmeCall.findings.filter((f) => f.kind === 'buyer-ownership' || f.suppressed) };
    expect(summarize([clean], [], []).calls[0]!.topIssue).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(sampleReport);
    summarize(sampleReport.calls, sampleReport.errors, sampleReport.rules, { sort: 'score' });
    expect(JSON.stringify(sampleReport)).toBe(before);
  });
});

describe('sort orders', () => {
  const calls = [
    call('c.txt', 50, { sellerTalkShare: 0.5, sellerQuestions: 4 }),
    call('a.txt', 70, { sellerTalkShare: 0.8, sellerQuestions: 1 }),
    call('b.txt', 50, { sellerTalkShare: 0.8, sellerQuestions: 9 }),
    call('d.txt', 90, { sellerTalkShare: 0.2, sellerQuestions: 1 }),
  ];
  const order = (sort?: string) => summarize(calls, [], [], { sort }).calls.map((r) => r.file);

  it('sorts worst first, ties by file', () => {
    expect(order('score')).toEqual(['b.txt', 'c.txt', 'a.txt', 'd.txt']);
    expect(order('talk')).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(order('questions')).toEqual(['a.txt', 'd.txt', 'c.txt', 'b.txt']);
    expect(order('file')).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  });

  it('sorts by seller-centric findings, most first', () => {
    const rows = summarize([globexCall, acmeCall], [], [], { sort: 'findings' }).calls;
    expect(rows.map((r) => r.sellerCentric)).toEqual([5, 3]);
  });

  it('falls back to file order for a missing or unknown key', () => {
    expect(order()).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(order('nonsense')).toEqual(order('file'));
    expect(SORT_KEYS).toEqual(['score', 'file', 'talk', 'questions', 'findings']);
  });

  it('is stable and keeps the input untouched', () => {
    const rows = summarize(calls, [], []).calls;
    const same: CallRow[] = rows.map((r) => ({ ...r, file: 'same' }));
    expect(sortCallRows(same, 'file').map((r) => r.index)).toEqual(same.map((r) => r.index));
    expect(sortCallRows(rows, 'score')).not.toBe(rows);
  });

  it('orders reps by average score for the score sort, by name otherwise', () => {
    expect(summarize(sampleReport.calls, [], sampleReport.rules, { sort: 'score' }).reps.map((r) => r.name)).toEqual(['Dana Reyes', 'Lee Chen']);
    // The rep keeps the spelling seen first ("dana reyes" in globex, added first here).
    const s = summarize([{ ...globexCall, score: 10 }, acmeCall], [], [], { sort: 'score' });
    expect(s.reps.map((r) => r.name)).toEqual(['Lee Chen', 'dana reyes']);
  });
});

describe('SummaryBuilder', () => {
  it('gives the same result as summarize', () => {
    const builder = new SummaryBuilder(sampleReport.rules);
    for (const c of sampleReport.calls) builder.add(c);
    for (const e of sampleReport.errors) builder.addError(e);
    expect(builder.result()).toEqual(summarize(sampleReport.calls, sampleReport.errors, sampleReport.rules));
    // result() can be called again, and more calls added after it.
    builder.add(call('z.txt', 5));
    expect(builder.result().totals.calls).toBe(3);
  });

  it('keeps no transcript text or finding lists', () => {
    const builder = new SummaryBuilder(sampleReport.rules);
    for (const c of sampleReport.calls) builder.add(c);
    const state = JSON.stringify(builder, (_key, value) => (value instanceof Map ? [...value] : value));
    for (const f of sampleReport.calls.flatMap((c) => c.findings)) {
      if (f.text) expect(state).not.toContain(f.text);
      if (f.match) expect(state).not.toContain(JSON.stringify(f.match));
    }
    expect(state).not.toContain(HOSTILE.script);
    expect(state).not.toContain('"findings"');
    expect(state).not.toContain('"timeline"');
  });

  it('stays small for a large batch', () => {
    const builder = new SummaryBuilder(sampleReport.rules);
    const big = { ...acmeCall, findings: Array.from({ length: 2000 }, () => acmeCall.findings[1]!) };
    for (let i = 0; i < 200; i++) builder.add({ ...big, file: `calls/${i}.vtt` });
    const state = JSON.stringify(builder, (_key, value) => (value instanceof Map ? [...value] : value));
    expect(state.length).toBeLessThan(200 * 400);
    expect(builder.result().reps[0]!.habits[0]).toEqual({ ruleId: 'seller-we-talk', count: 400_000 });
  });
});
