/** The CI story: gates, exit codes, gate results in github/junit/sarif, suppressions counted, and docs/ci.md's exact command. */
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, readFileSync, writeFileSync, copyFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, cli, requireBuild, tempDir, CONVERSATION } from '../support/cli.js';

beforeAll(requireBuild);

describe('the workflow in the README (and docs/ci.md)', () => {
  it('gates fixtures/scripts exactly as the workflow command does', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
    const command = /run: (npx buyerside analyze scripts\/ [^\n]*--format github)\n/.exec(readme)?.[1];
    expect(command).toBe('npx buyerside analyze scripts/ --fail-under 60 --format github');
    expect(doc).toContain(`run: ${command}\n`);
    const work = tempDir();
    cpSync(join(FIXTURES, 'scripts'), join(work, 'scripts'), { recursive: true });
    const args = command!.split(' ').slice(2); // drop "npx buyerside"
    const r = await cli(args, { cwd: work });
    expect(r.code).toBe(1);
    const score = JSON.parse((await cli(['analyze', 'scripts/feature-pitch.md', '-f', 'json'], { cwd: work })).stdout).calls[0].score;
    expect(score).toBeLessThan(60);
    const message = `score ${score} is ${60 - score} below the minimum of 60`;
    expect(r.stdout).toContain(`::error file=scripts/feature-pitch.md,title=buyerside gate fail-under::${message}\n`);
    expect(r.stdout).toMatch(/::warning file=scripts\/feature-pitch\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=buyerside /);
    expect(r.stderr).toBe(`buyerside: gate failed: scripts/feature-pitch.md: fail-under: ${message}\n`);
    // The directive-accepted hype line is not annotated.
    expect(r.stdout).not.toContain('line=12,title=buyerside hype-to-wow');
  });

  it('writes SARIF for the upload step', async () => {
    const r = await cli(['analyze', 'fixtures/scripts/', '--fail-under', '60', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.some((x: { suppressions?: unknown[] }) => x.suppressions)).toBe(true);
  });
});

describe('gates', () => {
  it('passes when every call is above --fail-under', async () => {
    expect((await cli(['analyze', CONVERSATION, '--fail-under', '50'])).code).toBe(0);
  });

  it('--max-seller-centric counts non-suppressed seller-centric findings', async () => {
    const plain = JSON.parse((await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '-f', 'json'])).stdout).calls[0];
    const n = plain.findings.filter((f: { kind: string; suppressed?: boolean }) => f.kind === 'seller-centric' && !f.suppressed).length;
    expect(n).toBeGreaterThan(2);
    const r = await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '--max-seller-centric', String(n - 2), '-f', 'json']);
    expect(r.code).toBe(1);
    const message = `${n} seller-centric findings, 2 over the limit of ${n - 2}`;
    expect(r.stderr).toBe(`buyerside: gate failed: fixtures/scripts/feature-pitch.md: max-seller-centric: ${message}\n`);
    expect(JSON.parse(r.stdout).gates).toEqual([{ file: 'fixtures/scripts/feature-pitch.md', gate: 'max-seller-centric', message }]);
    expect((await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '--max-seller-centric', String(n)])).code).toBe(0);
  });

  it('--fail-on error|warning', async () => {
    expect((await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '--fail-on', 'error'])).code).toBe(0);
    const r = await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fail-on: \d+ findings? of severity warning or error \(first: line \d+ \[[a-z-]+\]/);
  });

  it('reports every failing gate of a file on one line', async () => {
    const r = await cli(['analyze', 'fixtures/scripts', '--fail-under', '60', '--max-seller-centric', '0']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^buyerside: gate failed: fixtures\/scripts\/[\w.-]+: (fail-under|max-seller-centric): /);
    expect(new Set(lines.map((l) => l.split(': ')[2])).size).toBe(lines.length);
    expect(lines.find((l) => l.includes('feature-pitch.md'))).toMatch(/: fail-under: .*; max-seller-centric: /);
  });

  it('input errors win over gates: exit 2', async () => {
    const r = await cli(['analyze', 'fixtures/scripts', join(FIXTURES, 'bad', 'truncated.json'), '--fail-under', '60']);
    expect(r.code).toBe(2);
  });

  it('lists failed gates in the terminal report of one call too', async () => {
    const r = await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '--fail-under', '60']);
    expect(r.code).toBe(1);
    // The line wraps at the report's width (80 here), its continuation indented.
    expect(r.stdout.replace(/\n {4}/g, ' ')).toMatch(/\n\nfailed gates\n  fixtures\/scripts\/feature-pitch\.md: fail-under: score \d+ is \d+ below the minimum of 60\n$/);
  });

  it('puts gates into junit and github output', async () => {
    const junit = await cli(['analyze', 'fixtures/scripts', '--fail-under', '60', '-f', 'junit']);
    expect(junit.stdout).toContain('failures="1"');
    expect(junit.stdout).toMatch(/score \d+ is [\d.]+ below the minimum of 60/);
    const md = await cli(['analyze', 'fixtures/scripts', '--fail-under', '60', '-f', 'markdown']);
    expect(md.stdout).toContain('## Failed gates');
  });

  it('rejects malformed thresholds with exit 2', async () => {
    expect((await cli(['analyze', CONVERSATION, '--fail-under', 'abc'])).stderr).toBe('buyerside: --fail-under expects a score from 0 to 100, got "abc"\n');
    expect((await cli(['analyze', CONVERSATION, '--max-seller-centric', '-1'])).code).toBe(2);
  });
});

describe('training scripts', () => {
  it('counts suppressed findings in the report instead of hiding them', async () => {
    const r = await cli(['analyze', 'fixtures/scripts/feature-pitch.md', '-f', 'json']);
    const call = JSON.parse(r.stdout).calls[0];
    const suppressed = call.findings.filter((f: { suppressed?: boolean }) => f.suppressed);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ ruleId: 'hype-to-wow', line: 12 });
    expect(call.metrics.suppressedCount).toBe(1);
  });

  it('judges a single-speaker script as seller speech', async () => {
    const call = JSON.parse((await cli(['analyze', 'fixtures/scripts/solo-script.txt', '-f', 'json'])).stdout).calls[0];
    expect(call.roles).toEqual([expect.objectContaining({ name: 'Rep', role: 'seller', method: 'script' })]);
  });
});

describe('baselines', () => {
  it('records findings, passes unchanged files, ignores moved lines, fails on new findings and marks them', async () => {
    const dir = tempDir();
    const script = join(dir, 'pitch.md');
    copyFileSync(join(FIXTURES, 'scripts', 'feature-pitch.md'), script);
    const baseline = join(dir, 'baseline.json');
    expect((await cli(['analyze', script, '--write-baseline', baseline])).code).toBe(0);
    const data = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(data.version).toBe(1);
    const entries = data.files[Object.keys(data.files)[0]!];
    expect(entries).toContainEqual({ ruleId: 'hype-to-wow', match: 'you are going to love', count: 1 });

    expect((await cli(['analyze', script, '--baseline', baseline])).code).toBe(0);

    // Moving lines down does not make findings new.
    writeFileSync(script, '# Moved\n\nA note.\n\n' + readFileSync(script, 'utf8'));
    expect((await cli(['analyze', script, '--baseline', baseline])).code).toBe(0);

    // A second "you are going to love" is new (the count is per key).
    appendFileSync(script, '\n**Rep:** You are going to love how easy the rollout is.\n');
    const r = await cli(['analyze', script, '--baseline', baseline, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gate failed: .*pitch\.md: baseline: 1 new seller-centric finding not in the baseline \(first: line \d+ \[hype-to-wow\] "You are going to love"\)/);
    const fresh = JSON.parse(r.stdout).calls[0].findings.filter((f: { new?: boolean }) => f.new);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].text).toContain('how easy the rollout is');
  });

  it('rejects a file that is not a baseline', async () => {
    const dir = tempDir();
    const bad = join(dir, 'b.json');
    writeFileSync(bad, '{"nope":1}');
    const r = await cli(['analyze', CONVERSATION, '--baseline', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a buyerside baseline');
  });
});
