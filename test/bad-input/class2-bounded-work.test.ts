/**
 * Class 2 of issue #13: small inputs that took minutes. Each case must finish well inside its
 * timeout (set far below what the unfixed code took, far above what linear work takes on a slow,
 * shared machine); the speed targets themselves live in `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/language/stem.js';
import { decideRoles } from '../../src/roles/detect.js';
import type { Turn } from '../../src/types.js';
import { cli, expectCall, report, tempDir } from '../support/cli.js';

const CONSONANTS = 'bcdfghjklmnpqrstvwxz';

describe('stemming stays linear', () => {
  it('leaves a 200 KB word without vowels as it is (it took minutes)', { timeout: 20_000 }, () => {
    const word = CONSONANTS.repeat(10_000);
    expect(stem(word)).toBe(word);
  });

  it('still stems ordinary words', () => {
    expect(stem('running')).toBe('run');
    expect(stem('pneumonoultramicroscopicsilicovolcanoconiosis')).not.toBe('');
  });

  it('analyzes a transcript holding an 80 KB vowel-less word (10-17 s before)', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'long-word.txt');
    writeFileSync(file, `Dana: Hello ${CONSONANTS.repeat(4_000)} there.\nLee: What does it cost?\n`);
    const call = expectCall(report(await cli(['analyze', file, '-f', 'json'])), file);
    expect(call.timeline).toHaveLength(2);
  });
});

describe('role detection stays linear in the number of speakers', () => {
  const turns = (n: number): Turn[] =>
    Array.from({ length: n }, (_, i) => ({ speaker: `Speaker${i}`, text: 'Hello there, friend.', line: i + 1, pieces: [] }));

  it('decides 100,000 distinct speakers (over 60 s before), ties in order of first appearance', { timeout: 30_000 }, () => {
    const decisions = decideRoles(turns(100_000));
    expect(decisions).toHaveLength(100_000);
    expect(decisions[0]!.name).toBe('Speaker0');
    expect(decisions.filter((d) => d.role === 'seller').map((d) => d.name)).toEqual(['Speaker0']);
  });

  it('decides 100,000 speakers through the speech model path too', { timeout: 30_000 }, () => {
    const t = turns(100_000);
    const decisions = decideRoles(t, { speech: (ts) => ts.map((x, i) => ({ name: x.speaker, score: i === 5 ? 3 : -1 })) });
    expect(decisions.filter((d) => d.role === 'seller').map((d) => d.name)).toEqual(['Speaker5']);
    expect(decisions[0]!.confidence).toBeGreaterThan(0.5);
  });
});

describe('hostile globs beside a long file name finish (picomatch never did)', () => {
  const GLOB = '*a*a*a*a*a*a*a*a*a*a*b';
  const setUp = () => {
    const dir = tempDir();
    writeFileSync(join(dir, `${'a'.repeat(200)}.txt`), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    return dir;
  };

  it('--exclude', { timeout: 30_000 }, async () => {
    const dir = setUp();
    const run = await cli(['analyze', '.', '-f', 'json', '--exclude', GLOB, '--no-config'], { cwd: dir });
    expect(report(run).calls).toHaveLength(1);
  });

  it("the config's ignore", { timeout: 30_000 }, async () => {
    const dir = setUp();
    writeFileSync(join(dir, '.buyersiderc.json'), JSON.stringify({ ignore: [GLOB] }));
    const run = await cli(['analyze', '.', '-f', 'json'], { cwd: dir });
    expect(report(run).calls).toHaveLength(1);
  });

  it('--roles', { timeout: 30_000 }, async () => {
    const dir = setUp();
    writeFileSync(join(dir, 'roles.csv'), `pattern,sellers\n"${GLOB}",Dana\n`);
    const run = await cli(['analyze', '.', '-f', 'json', '--roles', 'roles.csv', '--no-config'], { cwd: dir });
    expect(report(run).calls).toHaveLength(1);
  });

  it('a brace bomb in --exclude is one clean line, exit 2', async () => {
    const dir = setUp();
    const run = await cli(['analyze', '.', '-f', 'json', '--exclude', '{a,b}'.repeat(20), '--no-config'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^buyerside: glob .*more than 1024 alternatives/);
  });
});

describe('JSON transcripts: the size limit bounds the work', () => {
  it('a 40 MB one-string JSON transcript is refused in one line (49 s and 1 GB before); the good file is analyzed', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const words = ['hello', 'we', 'can', 'help', 'your', 'team', 'today', 'with', 'pricing', 'and'];
    const text = Array.from({ length: 6_700_000 }, (_, i) => words[i % 10]).join(' ');
    writeFileSync(join(dir, 'one-string.json'), JSON.stringify({ segments: [{ start: 0, end: 1, speaker: 'A', text }] }));
    writeFileSync(join(dir, 'good.txt'), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    const run = await cli(['analyze', 'one-string.json', 'good.txt', '-f', 'json', '--no-config'], { cwd: dir });
    const r = report(run);
    expect(run.code).toBe(2);
    expect(r.calls.map((c) => c.file)).toEqual(['good.txt']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe('E_TOO_LARGE');
    expect(r.errors[0]!.message).toMatch(/million characters of speech.*--max-size/);
  });

  it('collapsing white space in a long text gives what one replace gives', async () => {
    const { collapseSpace } = await import('../../src/transcript/builder.js');
    const ref = (t: string) => t.replace(/\s+/g, ' ').trim();
    for (const t of ['  a  b ', ' '.repeat(3_000_000), `a${' \t'.repeat(1_500_000)}b`, 'word \n '.repeat(400_000), `${'x'.repeat(3_000_000)}  y`]) {
      expect(collapseSpace(t) === ref(t)).toBe(true);
    }
  });
});

describe('standard input', () => {
  it('a slow writer does not make the CLI spin a core while it waits (CPU time, not wall time)', { timeout: 30_000 }, async () => {
    const { spawn } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const { BIN, ROOT } = await import('../support/cli.js');
    const child = spawn(process.execPath, [BIN, 'analyze', '-', '-f', 'json', '--no-config'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((r) => child.on('exit', r));
    const ticks = () => {
      const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(f[11]) + Number(f[12]);
    };
    child.stdin.write('Dana: Hello there, how are you?\n');
    await new Promise((r) => setTimeout(r, 1500)); // start-up done, now waiting for the rest
    const before = ticks();
    await new Promise((r) => setTimeout(r, 2000));
    const idle = ticks() - before;
    child.stdin.end('Lee: Fine, thanks.\n');
    await exited;
    // Spinning used the whole 2 s (about 200 ticks); waiting uses next to nothing.
    expect(idle).toBeLessThan(40);
    expect(JSON.parse(out).calls).toHaveLength(1);
  });
});
