// The built CLI end to end, as a process (bin/buyerside.js and dist/): the JSON contract, standard input,
// bad files in a batch, the environment's NO_COLOR, the launcher's --version; and the same run in process.
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, requireBuild, spawnCli, tempDir } from '../support/cli.js';

/** The built CLI as a process. */
function run(args: string[], input?: string) {
  const r = spawnCli(args, input === undefined ? {} : { input });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

/** The same CLI in this process. */
async function inProcess(args: string[]) {
  const r = await cli(args);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  requireBuild();
  dir = tempDir('buyerside-e2e-');
  writeFileSync(join(dir, 'good.txt'), [
    'Dana: Hi Lee, Dana here from Brightpath. Thanks for making the time today.',
    'Lee: Sure, happy to chat.',
    'Dana: What got you looking at new scheduling tools this spring?',
    'Lee: Our front desk spends two hours a day on the phone moving appointments around.',
    'Dana: So the phone time is the real cost, not the software itself. Did I get that right?',
    'Lee: Exactly.',
    'Dana: Our platform was named a leader three years running and we have more than five thousand clients.',
  ].join('\n'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'nospeakers.txt'), 'just some notes\nwithout anyone speaking\n');
});

describe('buyerside analyze', () => {
  it('prints the JSON contract for one file, with the seller given', () => {
    const r = run(['analyze', join(dir, 'good.txt'), '--seller', 'Dana', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.tool).toEqual({ name: 'buyerside', version: expect.any(String) });
    expect(report.errors).toEqual([]);
    const call = report.calls[0];
    expect(call.score).toBeGreaterThanOrEqual(0);
    expect(call.score).toBeLessThanOrEqual(100);
    expect(call.speakers.map((s: { name: string; role: string }) => [s.name, s.role])).toEqual([['Dana', 'seller'], ['Lee', 'buyer']]);
    for (const s of call.speakers) expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'role', 'words', 'talkShare']));
    const kinds = new Set(call.findings.map((f: { kind: string }) => f.kind));
    expect(kinds).toEqual(new Set(['seller-centric', 'buyer-ownership']));
    for (const f of call.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'kind', 'category', 'text', 'match', 'message', 'suggestion']));
      if (f.scope === 'call') continue;
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['speaker', 'line', 'column', 'endLine', 'endColumn', 'turn']));
      expect(f.text).toContain(f.match);
    }
    const credential = call.findings.find((f: { ruleId: string }) => f.ruleId === 'company-credentials');
    expect(credential.line).toBe(7);
    expect(call.journey.steps.map((s: { step: string }) => s.step)).toEqual(['connect', 'reasons', 'explore', 'decide', 'own']);
  });

  it('detects the seller without --seller and says how sure it is', async () => {
    const r = await inProcess(['analyze', join(dir, 'good.txt'), '--format', 'json']);
    const call = JSON.parse(r.out).calls[0];
    const dana = call.roles.find((x: { name: string }) => x.name === 'Dana');
    expect(dana).toMatchObject({ role: 'seller', method: 'detected' });
    expect(dana.confidence).toBeGreaterThan(0.5);
  });

  it('reads standard input with -', () => {
    // The deck comes after the greeting: the judge reads a call's very first sentence, said before the
    // buyer has spoken, as an opener (a known weak spot when that sentence is already a pitch).
    const r = run(['analyze', '-', '--format', 'json', '--seller', 'Sam'], 'Sam: Hi Ava, thanks for joining.\nAva: Sure.\nSam: Let me take you through our deck first.\nAva: Okay.\n');
    expect(r.code).toBe(0);
    const call = JSON.parse(r.out).calls[0];
    expect(call.file).toBe('<stdin>');
    expect(call.findings.some((f: { ruleId: string }) => f.ruleId === 'walkthrough-first')).toBe(true);
  });

  it('reports bad files one line each, exits 2, and still analyzes the good one', () => {
    const files = ['empty.txt', 'good.txt', 'binary.txt', 'nospeakers.txt', 'missing.txt'].map((f) => join(dir, f));
    const r = run(['analyze', ...files, '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out);
    expect(report.calls).toHaveLength(1);
    expect(report.errors).toHaveLength(4);
    expect(r.err).not.toMatch(/\n\s+at /);
    for (const name of ['empty.txt', 'binary.txt', 'nospeakers.txt', 'missing.txt']) expect(r.err).toContain(name);
    expect(r.err.trim().split('\n').length).toBeGreaterThanOrEqual(4);
  });

  it('decodes Windows-1252 text with a warning on stderr that names the file', async () => {
    const file = join(dir, 'legacy.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Dana: Here is the \x93quote\x94 you asked for.\nLee: Thanks.\n', 'latin1')]));
    const r = await inProcess(['analyze', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).calls[0].warnings.join(' ')).toContain('Windows-1252');
    expect(r.err).toMatch(/legacy\.txt: warning: .*Windows-1252/);
  });

  it('gives byte-identical JSON for the same input, as a process and in process, run after run', async () => {
    const a = run(['analyze', join(dir, 'good.txt'), '--format', 'json']).out;
    const b = (await inProcess(['analyze', join(dir, 'good.txt'), '--format', 'json'])).out;
    const c = (await inProcess(['analyze', join(dir, 'good.txt'), '--format', 'json'])).out;
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('prints a terminal report without colour when NO_COLOR is set', () => {
    const r = run(['analyze', join(dir, 'good.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('buyer focus');
    expect(r.out).toContain('What to change first');
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it('answers --version from the launcher, and --help, rules and explain', async () => {
    expect(run(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await inProcess(['--help'])).out).toContain('analyze');
    const rules = JSON.parse((await inProcess(['rules', '--format', 'json'])).out);
    expect(rules.map((r: { id: string }) => r.id)).toContain('deadline-pressure');
    expect((await inProcess(['explain', 'seller-talk-share'])).out).toContain('Gong');
  });

  it('exits 2 on a usage error', async () => {
    expect((await inProcess(['analyze'])).code).toBe(2);
    expect((await inProcess(['analyze', 'x.txt', '--format', 'nope'])).code).toBe(2);
    expect(run(['explain', 'no-such-rule']).code).toBe(2);
  });
});
