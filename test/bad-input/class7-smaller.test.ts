/** Class 7 of issue #13: CSV formula injection through `;`, read errors worded as read errors, input errors on stderr with the terminal format. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/format/escape.js';
import { cli, tempDir } from '../support/cli.js';

describe('CSV cells against formula injection', () => {
  it.each([';=1+1', '=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('%j is neutralised', (cell) => {
    expect(csvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('a cell holding ";" is quoted, so a spreadsheet splitting on ";" keeps it one text cell', () => {
    expect(csvCell('fine;=HYPERLINK("x")')).toBe('"fine;=HYPERLINK(""x"")"');
  });
});

describe('diagnostics', () => {
  it('with the default terminal format, an input error is on stderr too (one line) as well as in the report', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'good.txt'), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    const run = await cli(['analyze', 'empty.txt', 'good.txt', '--no-config'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('buyerside: empty.txt: '))).toHaveLength(1);
    expect(run.stdout).toContain('empty.txt');
  });

  it('a baseline that cannot be read says "cannot read", not "cannot write"', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    const run = await cli(['analyze', 'good.txt', '--baseline', dir, '--no-config'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/cannot write/);
    expect(run.stderr).toMatch(/cannot read|no such file|folder/);
  });
});
