// Reading inputs safely: regular files only, under a size limit, with a remedy the command line can word.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, readUserFile } from '../../src/io/read.js';
import { InputProblem, UsageError } from '../../src/errors.js';
import { tempDir } from '../support/cli.js';

const problem = (run: () => unknown): InputProblem => {
  try {
    run();
  } catch (e) {
    if (e instanceof InputProblem) return e;
    throw e;
  }
  throw new Error('no problem');
};

describe('readInput', () => {
  it('reads a file, refuses a folder, and a file over the limit with the max-size remedy', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Dana: hi\n');
    expect(Buffer.from(readInput(join(dir, 'a.txt'))).toString()).toBe('Dana: hi\n');
    expect([problem(() => readInput(dir)).code, problem(() => readInput(dir)).message]).toEqual(['E_READ', 'is a folder']);
    const big = problem(() => readInput(join(dir, 'a.txt'), 4));
    expect([big.code, big.message, big.remedy]).toEqual(['E_TOO_LARGE', 'the file is 0 MB, over the limit of 0 MB', 'max-size']);
    expect(problem(() => readInput(join(dir, 'missing.txt'))).message).toBe('no such file or folder');
  });
});

describe('readUserFile', () => {
  it('names the file in the error the caller makes', () => {
    expect(() => readUserFile('/nonexistent/roles.csv', (m) => new UsageError(m))).toThrow(new UsageError('/nonexistent/roles.csv: no such file'));
  });
});
