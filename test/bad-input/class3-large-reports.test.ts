/**
 * Class 3 of issue #13: a report too large for one string. Reports are written call by call, so only one
 * call's own part can be too large; that call is listed as failed (E_TOO_LARGE) with one stderr line naming
 * the file, the other calls are reported, and the exit code is 2 as for any failed input. The limit is
 * lowered with BUYERSIDE_MAX_REPORT_CHARS so that a call of a few hundred lines reaches it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectCleanStderr, tempDir, type Run } from '../support/cli.js';
import { makePart } from '../../src/batch/report-writer.js';
import { PartTooLarge } from '../../src/format/stream.js';
import type { Report } from '../../src/types.js';

/** Far more than a three-line call's part in any format, far less than the big call's. */
const LIMIT = '40000';
const ENV = { BUYERSIDE_MAX_REPORT_CHARS: LIMIT };

const PITCH = 'Rep: Our platform is the best on the market and we offer the most complete feature set in the industry.\nAna: Okay.\n';

function calls(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a-small.txt'), 'Rep: Hi Ana, what made you look at this now?\nAna: Our churn went up last quarter.\nRep: What does that cost you?\n');
  writeFileSync(join(dir, 'b-big.txt'), PITCH.repeat(600));
  writeFileSync(join(dir, 'c-small.txt'), 'Rep: What would a good outcome look like for your team?\nAna: Fewer manual reports.\n');
  return dir;
}

function expectTooLarge(run: Run, file: string, format: string): void {
  expectCleanStderr(run);
  const lines = run.stderr.split('\n').filter((l) => l.startsWith(`buyerside: ${file}: `));
  expect(lines, run.stderr).toEqual([`buyerside: ${file}: its ${format} report is too large to write (${lines[0]?.match(/\((\d+) characters/)?.[1]} characters; at most ${LIMIT} characters a call); the other calls are reported`]);
  expect(run.code).toBe(2);
}

describe('a call whose own report is too large', () => {
  it('is failed in the JSON report with one line; the other calls are reported', async () => {
    const dir = calls();
    const run = await cli(['analyze', '.', '-f', 'json', '--no-config'], { cwd: dir, env: ENV });
    expectTooLarge(run, 'b-big.txt', 'json');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.calls.map((c) => c.file)).toEqual(['a-small.txt', 'c-small.txt']);
    expect(report.errors).toEqual([expect.objectContaining({ file: 'b-big.txt', code: 'E_TOO_LARGE' })]);
  });

  it('is reported as usual under the default limit', async () => {
    const run = await cli(['analyze', '.', '-f', 'json', '--no-config'], { cwd: calls() });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).calls).toHaveLength(3);
  });

  // Markdown shows a few quotes per habit unless asked for all: then a call's section grows with its findings.
  it.each([['ndjson'], ['markdown', '--max-findings', 'all'], ['sarif'], ['html'], ['github']])('is failed in %s, and the others are written', async (format, ...flags) => {
    const run = await cli(['analyze', '.', '-f', format, ...flags, '--no-config'], { cwd: calls(), env: ENV });
    expectTooLarge(run, 'b-big.txt', format);
    expect(run.stdout).toContain('a-small.txt');
    expect(run.stdout).toContain('c-small.txt');
  });

  it('in a format that shows each call as one summary row (csv, junit, summary), no part is too large: every call is reported', async () => {
    for (const format of ['csv', 'junit', 'summary', 'terminal']) {
      const run = await cli(['analyze', '.', '-f', format, '--no-config'], { cwd: calls(), env: ENV });
      expect(run.code, `${format}: ${run.stderr}`).toBe(0);
      for (const f of ['a-small.txt', 'b-big.txt', 'c-small.txt']) expect(run.stdout, format).toContain(f);
    }
  });

  it('alone, in the terminal report, is listed as failed there and on stderr', async () => {
    const dir = calls();
    const run = await cli(['analyze', 'b-big.txt', '--max-findings', 'all', '--no-config'], { cwd: dir, env: ENV });
    expectTooLarge(run, 'b-big.txt', 'terminal');
    expect(run.stdout).toContain('error: b-big.txt: its terminal report is too large');
  });

  it('too large for the findings CSV is failed in both outputs, and -o still gets the rest', async () => {
    const dir = calls();
    const run = await cli(['analyze', '.', '-f', 'csv', '-o', 'report.csv', '--findings-csv', 'findings.csv', '--no-config'], { cwd: dir, env: { BUYERSIDE_MAX_REPORT_CHARS: '20000' } });
    expect(run.stderr).toMatch(/^buyerside: b-big\.txt: its findings CSV report is too large/m);
    expect(run.code).toBe(2);
    const csv = readFileSync(join(dir, 'report.csv'), 'utf8');
    expect(csv).toMatch(/b-big\.txt,failed,.*E_TOO_LARGE/);
    expect(csv).toContain('a-small.txt,ok');
    expect(readFileSync(join(dir, 'findings.csv'), 'utf8')).not.toContain('b-big.txt');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('with --out-dir, gets no page and is listed as failed; the others get theirs', async () => {
    const dir = calls();
    const run = await cli(['analyze', 'a-small.txt', 'b-big.txt', 'c-small.txt', '-f', 'json', '--out-dir', 'out', '--no-config'], { cwd: dir, env: ENV });
    expectTooLarge(run, 'b-big.txt', 'json');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a-small.txt.json', 'c-small.txt.json']);
  });

  it('merged from shards is failed the same way', async () => {
    const dir = calls();
    const shard = await cli(['analyze', '.', '-f', 'ndjson', '--no-config'], { cwd: dir });
    writeFileSync(join(dir, 'all.ndjson'), shard.stdout);
    const run = await cli(['merge', 'all.ndjson', '-f', 'sarif', '-o', 'merged.sarif', '--no-config'], { cwd: dir, env: ENV });
    expectTooLarge(run, 'b-big.txt', 'sarif');
    const sarif = JSON.parse(readFileSync(join(dir, 'merged.sarif'), 'utf8'));
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual([expect.stringContaining('b-big.txt: its sarif report is too large')]);
    expect(existsSync(join(dir, 'merged.sarif'))).toBe(true);
  });
});

describe('a part longer than any string can be', () => {
  it('is PartTooLarge, not a crash', () => {
    expect(() => makePart(() => 'x'.repeat(2 ** 30), { color: false })).toThrow(PartTooLarge);
    expect(() => makePart(() => { throw new TypeError('a bug'); }, { color: false })).toThrow(TypeError);
    expect(makePart(() => 'fits', { color: false, maxPartChars: 4 })).toBe('fits');
    expect(() => makePart(() => 'fits!', { color: false, maxPartChars: 4 })).toThrow(PartTooLarge);
  });
});
