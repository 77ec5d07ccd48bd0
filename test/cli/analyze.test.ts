/** The analyze command end to end: exit codes, the JSON contract, stdin, globs, --exclude, --roles, skipped files, errors. */
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, spawnCli, requireBuild, tempDir, CONVERSATION, FIXTURES } from '../support/cli.js';

beforeAll(requireBuild);

describe('exit codes and the JSON contract', () => {
  it('exits 0 and prints one call for a good file', async () => {
    const r = await cli(['analyze', CONVERSATION, '-f', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['tool', 'calls', 'errors', 'rules']);
    expect(report.tool.name).toBe('buyerside');
    expect(report.calls).toHaveLength(1);
    expect(report.calls[0].file).toBe('fixtures/formats/conversation.txt');
    expect(typeof report.calls[0].score).toBe('number');
    expect(report.errors).toEqual([]);
    expect(r.stderr).toBe('');
  });

  it('exits 2 on a bad file, keeps going, lists every input, and never prints a stack trace', async () => {
    const r = await cli(['analyze', join(FIXTURES, 'bad'), CONVERSATION, join(FIXTURES, 'nope.txt'), '-f', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    const bad = readdirSync(join(FIXTURES, 'bad')).filter((f) => !f.startsWith('.')).length;
    expect(report.calls.map((c: { file: string }) => c.file)).toContain('fixtures/formats/conversation.txt');
    expect(report.errors.map((e: { file: string }) => e.file)).toContain('fixtures/nope.txt');
    expect(report.calls.length + report.errors.length).toBe(bad + 2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('buyerside: fixtures/bad/bad-timestamp.vtt:8: bad cue timing "00:00:05.000 --> 00:00:0x.500" (expected "00:00:01.000 --> 00:00:04.000")');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a usage line for an unknown format', async () => {
    const r = await cli(['analyze', CONVERSATION, '-f', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid/);
  });

  it('offers every format in --help', async () => {
    const r = await cli(['analyze', '--help']);
    for (const f of ['terminal', 'summary', 'json', 'csv', 'ndjson', 'markdown', 'html', 'sarif', 'junit', 'github']) expect(r.stdout).toContain(`"${f}"`);
  });
});

describe('inputs', () => {
  it('reads standard input for -', async () => {
    const r = spawnCli(['analyze', '-', '-f', 'json'], { input: 'Priya: What made you look at this now?\nTom: Our scanners keep failing.\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).calls[0].file).toBe('<stdin>');
  });

  it('expands quoted globs itself, in sorted order', async () => {
    const r = await cli(['analyze', 'fixtures/formats/*.vtt', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).calls.map((c: { file: string }) => c.file)).toEqual(['fixtures/formats/conversation.teams.vtt', 'fixtures/formats/conversation.zoom.vtt']);
  });

  it('reports a glob that matches nothing as an input error', async () => {
    const r = await cli(['analyze', 'fixtures/formats/*.nothing', CONVERSATION, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixtures/formats/*.nothing: no files match this pattern');
  });

  it('leaves out --exclude patterns (repeatable, picomatch)', async () => {
    const r = await cli(['analyze', 'fixtures/formats', '--exclude', '**/*.json', '--exclude', '*.vtt', '-f', 'json']);
    const files = JSON.parse(r.stdout).calls.map((c: { file: string }) => c.file);
    expect(files.length).toBe(readdirSync(join(FIXTURES, 'formats')).filter((f) => !/\.(json|vtt)$/.test(f)).length);
    expect(files.some((f: string) => f.endsWith('.json') || f.endsWith('.vtt'))).toBe(false);
  });

  it('skips and counts files in folders that are not transcripts', async () => {
    const dir = tempDir();
    copyFileSync(CONVERSATION, join(dir, 'call.txt'));
    writeFileSync(join(dir, 'logo.png'), 'x');
    writeFileSync(join(dir, 'notes.docx'), 'x');
    const r = await cli(['analyze', dir, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).calls).toHaveLength(1);
    expect(r.stderr).toContain('skipped 2 files that are not a transcript by extension');
  });

  it('names sellers per file with --roles', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team-a'));
    writeFileSync(join(dir, 'team-a', 'one.txt'), 'Alex: What brought you here?\nSam: We need a new van.\n');
    writeFileSync(join(dir, 'two.txt'), 'Alex: What brought you here?\nSam: We need a new van.\n');
    const roles = join(tempDir(), 'roles.csv');
    writeFileSync(roles, 'pattern,sellers\n**/team-a/*.txt,Sam\ntwo.txt,Alex;Jo\n');
    const r = await cli(['analyze', dir, '--roles', roles, '-f', 'json']);
    expect(r.code).toBe(0);
    const calls = JSON.parse(r.stdout).calls;
    const sellersOf = (c: { speakers: Array<{ name: string; role: string }> }) => c.speakers.filter((s) => s.role === 'seller').map((s) => s.name);
    expect(sellersOf(calls[0])).toEqual(['Sam']);
    expect(sellersOf(calls[1])).toEqual(['Alex']);
  });

  it('rejects a roles file without the header, naming file and line', async () => {
    const dir = tempDir();
    const roles = join(dir, 'roles.csv');
    writeFileSync(roles, 'file,who\n*.txt,Sam\n');
    const r = await cli(['analyze', CONVERSATION, '--roles', roles]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`buyerside: ${roles}:1: expected the header "pattern,sellers"\n`);
  });
});

describe('summary output', () => {
  it('prints the per-call table, the per-rep table, totals and failed files for more than one file', async () => {
    const r = await cli(['analyze', 'fixtures/scripts', 'fixtures/bad/truncated.json', '--sort', 'score']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^calls\n/);
    expect(r.stdout).toContain('\nreps compared (means over their calls)\n');
    expect(r.stdout).toContain('3 calls analyzed, average buyer focus');
    expect(r.stdout).toContain('failed files\n  fixtures/bad/truncated.json:6:');
    // --sort score: the weakest call first
    expect(r.stdout.indexOf('feature-pitch.md')).toBeLessThan(r.stdout.indexOf('discovery-opener.md'));
  });

  it('never colours when piped or with NO_COLOR', async () => {
    const r = await cli(['analyze', 'fixtures/scripts']);
    expect(r.stdout).not.toContain('\u001b[');
    const forced = await cli(['analyze', 'fixtures/scripts'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(forced.stdout).not.toContain('\u001b[');
  });
});
