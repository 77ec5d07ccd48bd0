/**
 * Class 5 of issue #13: escape sequences in transcript text or file names never reach what a person
 * reads raw (terminal, summary, Markdown, CSV, findings CSV, GitHub, stderr); JSON keeps them as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/errors.js';
import { safeStderr } from '../../src/io/console.js';
import { cli, report, tempDir } from '../support/cli.js';

const ESC = '\u001b';
const HOSTILE = `${ESC}]0;pwned${'\u0007'}${ESC}[2J${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ \u202Egnp.exe`;
/** No raw control (but line breaks and CSV's CR) or bidi character. */
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function hostileCall(dir: string, name = 'call.txt'): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      `Dana: Hi Lee, thanks for making the time today. We offer the best platform ${HOSTILE} in the world, our product is number one.`,
      `Lee: Sure. ${'x'.repeat(9000)} ${'\u0000'} what does it cost?`,
      'Dana: What got you looking at new scheduling tools this spring?',
    ].join('\n') + '\n',
  );
  return file;
}

describe('printable', () => {
  it('shows controls and bidi characters escaped, and is idempotent', () => {
    expect(printable(`a\nb\r\t${ESC}[31m\u202E\u0000`)).toBe('a\\nb\\r\\t\\x1b[31m\\u202e\\x00');
    expect(printable(printable(HOSTILE))).toBe(printable(HOSTILE));
    expect(printable('plain text, café ✓')).toBe('plain text, café ✓');
  });
});

describe('human-facing formats get no raw escapes; JSON stays faithful', () => {
  it.each(['terminal', 'summary', 'markdown', 'csv', 'github'])('-f %s', async (format) => {
    const dir = tempDir();
    hostileCall(dir);
    const run = await cli(['analyze', 'call.txt', '-f', format, '--no-config', '--sales'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const text = format === 'csv' ? run.stdout.replace(/\r\n/g, '\n') : run.stdout;
    expect(RAW.test(text), JSON.stringify(text.match(RAW))).toBe(false);
    expect(RAW.test(run.stderr)).toBe(false);
  });

  it('--findings-csv', async () => {
    const dir = tempDir();
    hostileCall(dir);
    const run = await cli(['analyze', 'call.txt', '-f', 'json', '--findings-csv', 'f.csv', '--no-config', '--sales'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(RAW.test(readFileSync(join(dir, 'f.csv'), 'utf8').replace(/\r\n/g, '\n'))).toBe(false);
  });

  it('JSON keeps the text as it was (escaped by JSON itself)', async () => {
    const dir = tempDir();
    hostileCall(dir);
    const r = report(await cli(['analyze', 'call.txt', '-f', 'json', '--no-config', '--sales'], { cwd: dir }));
    expect(JSON.stringify(r)).toContain('\\u001b]0;pwned');
  });
});

describe('standard error: one line per problem, whatever a file name holds', () => {
  it('a newline and ESC in a bad file name give one escaped line', async () => {
    const dir = tempDir();
    const name = `evil\nbuyerside: forged line ${ESC}]0;title${'\u0007'}.txt`;
    writeFileSync(join(dir, name), '');
    writeFileSync(join(dir, 'good.txt'), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    const run = await cli(['analyze', '.', '-f', 'json', '--no-config'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toContain('evil\\nbuyerside: forged line \\x1b]0;title\\x07.txt');
    expect(RAW.test(run.stderr)).toBe(false);
  });

  it('the process stderr writer escapes too, keeping line breaks and the progress redraw', () => {
    expect(safeStderr(`buyerside: a${ESC}[2Jb\n`)).toBe('buyerside: a\\x1b[2Jb\n');
    expect(safeStderr('\r\u001b[K[##..] 1/2')).toBe('\r\u001b[K[##..] 1/2');
  });
});
