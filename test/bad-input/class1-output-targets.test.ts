/**
 * Class 1 of issue #13: `-o` must never replace what stands at the target, never lose an output,
 * and never leave a temp file. Devices are written in place (checked to stay devices: we may run as
 * root, where replacing /dev/null would break the machine).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, CONVERSATION, GOOD, ROOT, expectCleanStderr, report, requireBuild, spawnCli, tempDir } from '../support/cli.js';
import { outputName, OutputNames } from '../../src/batch/pipeline.js';

beforeAll(requireBuild);

const analyze = (...args: string[]) => ['analyze', CONVERSATION, '-f', 'json', ...args];

/** One stderr line, naming `target` as given, saying it cannot be written. */
function expectCannotWrite(stderr: string, target: string): void {
  const lines = stderr.split('\n').filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]!.startsWith(`buyerside: ${target}: cannot write (`), stderr).toBe(true);
}

/** Names in `dir` that look like our temp files. */
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('devices and pipes are written in place', () => {
  it('-o /dev/null: exit 0, /dev/null stays a character device', () => {
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const run = spawnCli(analyze('-o', '/dev/null'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(temps('/dev')).toEqual([]);
  });

  it('-o /dev/full: exit 2, one line naming /dev/full and ENOSPC, the device kept', (ctx) => {
    if (!existsSync('/dev/full')) return ctx.skip();
    const run = spawnCli(analyze('-o', '/dev/full'));
    expect(run.code).toBe(2);
    expectCannotWrite(run.stderr, '/dev/full');
    expect(run.stderr).toContain('ENOSPC');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(temps('/dev')).toEqual([]);
  });

  it('-o /dev/stdout: the report arrives on standard output (a pipe here)', (ctx) => {
    if (!existsSync('/dev/stdout')) return ctx.skip();
    const run = spawnCli(analyze('-o', '/dev/stdout'));
    expect(run.code).toBe(0);
    expect(report(run).calls).toHaveLength(1);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('-o FIFO: the reader gets the whole report, the FIFO stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((r) => reader.on('close', r));
    const writer = spawn(process.execPath, [BIN, ...analyze('-o', fifo)], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise((r) => writer.on('exit', r));
    await closed;
    expect(code).toBe(0);
    expect((JSON.parse(got) as { calls: unknown[] }).calls).toHaveLength(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('-o a symlink to /dev/null: written in place, the link and the device kept', () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'sink'));
    const run = spawnCli(analyze('-o', join(dir, 'sink')));
    expect(run.code).toBe(0);
    expect(readlinkSync(join(dir, 'sink'))).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['sink']);
  });
});

describe('regular files are replaced atomically', () => {
  it('-o a symlink to a regular file: the file it points to is replaced, the link stays', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'report.json'), 'old');
    symlinkSync('real/report.json', join(dir, 'link.json'));
    const run = spawnCli(analyze('-o', join(dir, 'link.json')));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real', 'report.json'), 'utf8')).calls).toHaveLength(1);
    expect(temps(dir)).toEqual([]);
    expect(temps(join(dir, 'real'))).toEqual([]);
  });

  it('-o a dangling symlink: the file is created where it points', () => {
    const dir = tempDir();
    symlinkSync('made.json', join(dir, 'link.json'));
    expect(spawnCli(analyze('-o', join(dir, 'link.json'))).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'made.json'), 'utf8')).calls).toHaveLength(1);
  });

  it('keeps the mode of the file it replaces', () => {
    const dir = tempDir();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old', { mode: 0o600 });
    expect(spawnCli(analyze('-o', target)).code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('-o a folder: exit 2 before any work, one line naming the folder, no temp file anywhere', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    const run = spawnCli(analyze('-o', 'out'), { cwd: dir });
    expect(run.code).toBe(2);
    expectCannotWrite(run.stderr, 'out');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('a valid 245-character name works (the temp name is short)', () => {
    const dir = tempDir();
    const name = `${'r'.repeat(240)}.json`;
    const run = spawnCli(analyze('-o', join(dir, name)));
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('a write error on a regular file (over the file-size limit) is exit 2, one line, no temp file', (ctx) => {
    const dir = tempDir();
    const target = join(dir, 'report.json');
    // A 1 KB file-size limit with SIGXFSZ ignored: write() fails with EFBIG, as a full disk fails with ENOSPC.
    const r = spawnSync('bash', ['-c', `ulimit -f 1; trap '' XFSZ; exec "$0" "$@"`, process.execPath, BIN, ...analyze('-o', target)], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (r.error) return ctx.skip();
    expect(r.status).toBe(2);
    expectCannotWrite(r.stderr, target);
    expect(r.stderr).toContain('EFBIG');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('two outputs on one path are refused', () => {
  it.each([
    ['--findings-csv', (t: string) => ['-o', t, '--findings-csv', t]],
    ['--write-baseline', (t: string) => ['-o', t, '--write-baseline', t]],
    ['--findings-csv through a symlink', (t: string) => ['-o', t, '--findings-csv', `${t}.link`]],
  ])('-o X and %s X: exit 2, one line, nothing written', (_name, args) => {
    const dir = tempDir();
    const target = join(dir, 'x.out');
    writeFileSync(target, 'keep');
    symlinkSync(target, `${target}.link`);
    const run = spawnCli(analyze(...args(target)));
    expect(run.code).toBe(2);
    expectCleanStderr(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/name the same file/);
    expect(readFileSync(target, 'utf8')).toBe('keep');
    expect(temps(dir)).toEqual([]);
  });
});

describe('--out-dir', () => {
  it('gives a/b.txt and a__b.txt (and A.txt beside a.txt) distinct names, deterministically', () => {
    const names = new OutputNames();
    expect(['a/b.txt', 'a__b.txt', 'a.txt', 'A.txt', 'a/b.txt'].map((f) => names.next(f, 'json'))).toEqual([
      'a__b.txt.json',
      'a__b.txt~2.json',
      'a.txt.json',
      'A.txt~2.json',
      'a__b.txt~3.json',
    ]);
  });

  it('writes every report of a batch whose inputs flatten to one name', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in', 'a'), { recursive: true });
    writeFileSync(join(dir, 'in', 'a', 'b.txt'), GOOD);
    writeFileSync(join(dir, 'in', 'a__b.txt'), GOOD);
    const run = spawnCli(['analyze', 'in', '-f', 'json', '--out-dir', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(join(dir, 'out')).sort();
    expect(files).toHaveLength(2);
    const sources = files.map((f) => (JSON.parse(readFileSync(join(dir, 'out', f), 'utf8')) as { calls: Array<{ file: string }> }).calls[0]!.file).sort();
    expect(sources).toEqual(['in/a/b.txt', 'in/a__b.txt']);
  });

  it('keeps a name too long for the file system within 255 bytes, distinct per path', () => {
    const deep = `${'d'.repeat(200)}/${'e'.repeat(200)}/call.txt`;
    const other = `${'d'.repeat(200)}/${'e'.repeat(200)}/call2.txt`;
    const a = outputName(deep, 'json');
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(255);
    expect(a).not.toBe(outputName(other, 'json'));
    expect(Buffer.byteLength(outputName('é'.repeat(300), 'json'))).toBeLessThanOrEqual(255);
  });

  it('an input with a very long flattened name does not stop the batch', () => {
    const dir = tempDir();
    const deep = join(dir, 'in', 'd'.repeat(200), 'e'.repeat(200));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'call.txt'), GOOD);
    writeFileSync(join(dir, 'in', 'short.txt'), GOOD);
    const run = spawnCli(['analyze', 'in', '-f', 'json', '--out-dir', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(2);
  });

  it('one report that cannot be written is listed as failed; the others are written (exit 2)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    for (const n of ['a.txt', 'b.txt', 'c.txt']) copyFileSync(CONVERSATION, join(dir, 'in', n));
    mkdirSync(join(dir, 'out', 'in__b.txt.json'), { recursive: true }); // a folder where b's report would go
    const run = spawnCli(['analyze', 'in', '-f', 'json', '--out-dir', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expectCleanStderr(run);
    expect(run.stderr).toMatch(/^buyerside: in\/b\.txt: .*cannot write/m);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['in__a.txt.json', 'in__b.txt.json', 'in__c.txt.json']);
    expect(readdirSync(join(dir, 'out', 'in__b.txt.json'))).toEqual([]);
    expect(temps(join(dir, 'out'))).toEqual([]);
  });
});

describe('signals while writing', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s leaves no temp file and exits %i', async (signal, exit) => {
    const dir = tempDir();
    for (let i = 0; i < 300; i++) copyFileSync(CONVERSATION, join(dir, `call-${String(i).padStart(3, '0')}.txt`));
    const outDir = tempDir();
    const target = join(outDir, 'report.ndjson');
    const child = spawn(process.execPath, [BIN, 'analyze', dir, '-f', 'ndjson', '-o', target, '--jobs', '1'], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (readdirSync(outDir).length > 0) {
          clearInterval(t);
          resolve();
        }
      }, 10);
    });
    child.kill(signal);
    expect(await exited).toBe(exit);
    expect(readdirSync(outDir)).toEqual([]);
  }, 60_000);
});
