// The terminal report of each sample call, compared with the golden file beside it
// (fixtures/calls/NAME.expected.txt; UPDATE_GOLDEN=1 rewrites them), and the README's example against its golden.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT } from '../support/cli.js';
import { analyze } from '../../src/analyze.js';
import { createReport, ruleMeta } from '../../src/report/report.js';
import { builtinEngine } from '../../src/analyze.js';
import { formatTerminal } from '../../src/format/terminal.js';
import { CALL_COLUMNS_DROP_ORDER, formatSummary } from '../../src/format/summary.js';
import { visibleWidth, wrap } from '../../src/format/wrap.js';

const CALLS = join(FIXTURES, 'calls');
/** The arguments each sample call is shown with: the README names the seller of the buyer-led call. */
const ARGS: Record<string, string[]> = { 'discovery-call-buyer-led.txt': ['--seller', 'Dana'] };

const calls = readdirSync(CALLS).filter((f) => f.endsWith('.txt') && !f.includes('.expected.'));

async function render(file: string): Promise<string> {
  const run = await cli(['analyze', `fixtures/calls/${file}`, ...(ARGS[file] ?? [])]);
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('the terminal report of a sample call', () => {
  it.each(calls)('%s', async (file) => {
    const actual = await render(file);
    const golden = join(CALLS, file.replace(/\.txt$/, '.expected.txt'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(existsSync(golden), `${golden} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });

  it("matches the README's example, line for line up to its ellipsis", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## Example\n\n```\n\$ npx buyerside analyze (\S+) --seller Dana\n([\s\S]*?)\n  \.\.\.\n```/.exec(readme);
    expect(block, 'the README has an example block').not.toBeNull();
    const golden = readFileSync(join(ROOT, block![1]!.replace(/\.txt$/, '.expected.txt')), 'utf8').split('\n');
    expect(block![2]!.split('\n')).toEqual(golden.slice(0, block![2]!.split('\n').length));
  });
});

const GOLDEN = join(ROOT, 'test', 'format', 'golden', 'terminal');
/** A sample call and a timed sample (cue times with the quotes), each at 80 and 120 columns. */
const WIDE: Array<[file: string, columns: number]> = [
  ['calls/demo-call-seller-pitch.txt', 80],
  ['calls/demo-call-seller-pitch.txt', 120],
  ['formats/conversation.zoom.vtt', 80],
  ['formats/conversation.zoom.vtt', 120],
];

describe('the terminal report at a width', () => {
  it.each(WIDE)('%s at %i columns matches its golden', async (file, columns) => {
    const run = await cli(['analyze', `fixtures/${file}`], { env: { COLUMNS: String(columns) } });
    expect(run.stderr).toBe('');
    const golden = join(GOLDEN, `${file.split('/').pop()}.${columns}.txt`);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, run.stdout);
    }
    expect(existsSync(golden), `${golden} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(run.stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('shows the cue times of a timed transcript with its quotes, not just line numbers', () => {
    const text = readFileSync(join(GOLDEN, 'conversation.zoom.vtt.80.txt'), 'utf8');
    expect(text).toMatch(/line \d+ \d+:\d\d /);
  });
});

const rules = ruleMeta(builtinEngine().rules);
function reportOf(file: string) {
  return createReport({ calls: [analyze(readFileSync(join(FIXTURES, file), 'utf8'), { file })], rules });
}

describe('no line is wider than the width', () => {
  const files = ['calls/demo-call-seller-pitch.txt', 'calls/renewal-call-mixed.txt', 'formats/conversation.zoom.vtt', 'formats/conversation.srt', 'labeled/calls/solar-pressure-pitch.txt', 'unseen/calls/03-data-observability-demo.txt'];
  it.each(files)('%s at 40, 60, 80, 100 and 120 columns, default, brief and with every quote', (file) => {
    const report = reportOf(file);
    for (const width of [40, 60, 80, 100, 120]) {
      for (const extra of [{}, { brief: true }, { maxFindings: Infinity }]) {
        for (const line of formatTerminal(report, { color: false, width, ...extra }).split('\n')) {
          expect(visibleWidth(line), `${width} columns: ${line}`).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('wraps at word boundaries and cuts only a word longer than a line', () => {
    expect(wrap('timing is everything in a sales call', 12, '', '')).toEqual(['timing is', 'everything', 'in a sales', 'call']);
    expect(wrap('https://example.com/a-very-long-address', 10, '', '')).toEqual(['https://ex', 'ample.com/', 'a-very-lon', 'g-address']);
  });
});

describe('the default report reads in about one and a half screens', () => {
  // Calls of 1,000 to 3,000 words, the seller-centric ones with the most to say.
  it.each(['labeled/calls/solar-pressure-pitch.txt', 'unseen/calls/03-data-observability-demo.txt', 'unseen/calls/08-credit-union-agency-pitch.txt'])('%s: at most 70 lines at 80 columns', (file) => {
    const words = readFileSync(join(FIXTURES, file), 'utf8').split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(1000);
    expect(words).toBeLessThanOrEqual(3000);
    const text = formatTerminal(reportOf(file), { color: false, width: 80 });
    expect(text.trimEnd().split('\n').length).toBeLessThanOrEqual(70);
  });

  it('puts the header, then what to change first, habits, strengths, the conversation and the journey, and says each habit once', () => {
    const text = formatTerminal(reportOf('calls/demo-call-seller-pitch.txt'), { color: false, width: 80 });
    const at = ['buyer focus', 'What to change first', 'Habits (seller-focused)', 'Strengths (buyer-focused)', 'Conversation', "The buyer's journey"].map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const heads = text.split('\n').filter((l) => /^  (error|warning|info) \S+ \d+x/.test(l)).map((l) => l.split(' ')[3]);
    expect(heads.length).toBeGreaterThan(0);
    expect(new Set(heads).size).toBe(heads.length);
    // Kinds are habits and strengths, never a speaker role next to a line number.
    expect(text).not.toMatch(/line\s+\d+ (buyer|seller) /);
  });

  it('--brief shows only the header and the changes; --max-findings all every quote', async () => {
    const brief = await cli(['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', '--brief']);
    expect(brief.stdout).toContain('What to change first');
    expect(brief.stdout).not.toContain('Habits');
    const all = await cli(['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', '--max-findings', 'all']);
    expect(all.stdout).not.toMatch(/and \d+ more/);
    expect(all.stdout.split('\n').length).toBeGreaterThan(brief.stdout.split('\n').length);
    const bad = await cli(['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', '--max-findings', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-findings expects a whole number/);
  });
});

describe('the batch summary fits the width', () => {
  const many = createReport({
    calls: ['calls/demo-call-seller-pitch.txt', 'calls/renewal-call-mixed.txt', 'calls/discovery-call-buyer-led.txt', 'unseen/calls/05-used-suv-dealership.txt', 'unseen/calls/04-brewery-canning-line.txt'].map((f) =>
      analyze(readFileSync(join(FIXTURES, f), 'utf8'), { file: `fixtures/${f}` }),
    ),
    rules,
  });

  it.each([40, 60, 80, 120, 200])('at %i columns no line is wider, and what was left out is said', (width) => {
    const text = formatSummary(many, { color: false, width });
    for (const line of text.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
    const head = text.split('\n')[1]!;
    expect(head).toMatch(/^file .* score/);
    for (const col of CALL_COLUMNS_DROP_ORDER) if (!head.includes(col)) expect(text).toMatch(/left out to fit/);
    if (width >= 200) expect(text).not.toMatch(/left out/);
  });

  it('drops columns in the stated order', () => {
    const head = formatSummary(many, { color: false, width: 80 }).split('\n')[1]!;
    const kept = CALL_COLUMNS_DROP_ORDER.map((c) => head.includes(c));
    // Once a column is kept, every later one in the drop order is kept too.
    expect(kept.indexOf(true) < 0 || kept.slice(kept.indexOf(true)).every(Boolean)).toBe(true);
  });

  it('--top N lists the N lowest and N highest calls', () => {
    const text = formatSummary(many, { color: false, width: 120, top: 1 });
    expect(text).toContain('the 1 lowest-scoring calls');
    expect(text).toContain('the 1 highest-scoring calls');
    expect(text).toContain('(3 calls in between not listed)');
    const scores = many.calls.map((c) => c.score!).sort((a, b) => a - b);
    const lines = text.split('\n');
    const head = lines[1]!.split(/\s{2,}/);
    const rows = lines.filter((l) => l.includes('.txt'));
    expect(rows.map((l) => Number(l.split(/\s{2,}/)[head.indexOf('score')]))).toEqual([scores[0], scores[scores.length - 1]]);
  });

  it('compares reps on score, talk share, questions and their top habit', () => {
    const text = formatSummary(many, { color: false, width: 120 });
    expect(text).toMatch(/rep +calls +score +range +talk +questions \(open\) +top habit/);
  });

  it('shows the same seller-focused count as the call report, its metrics and the CSV', () => {
    const text = formatSummary(many, { color: false, width: 200 });
    const call = many.calls[0]!;
    const row = text.split('\n').find((l) => l.startsWith(call.file))!;
    const cells = row.split(/\s{2,}/);
    const head = text.split('\n')[1]!.split(/\s{2,}/);
    expect(Number(cells[head.indexOf('seller-focused')])).toBe(call.metrics.sellerCentricCount);
    expect(formatTerminal(createReport({ calls: [call], rules }), { color: false, width: 80 })).toContain(`${call.metrics.sellerCentricCount} seller-focused findings`);
  });
});
