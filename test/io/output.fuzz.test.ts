// Fuzzing the output side (issue #13): random target names, random --out-dir inputs, random hostile file names on stderr.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write.js';
import { OutputNames } from '../../src/batch/pipeline.js';
import { cli, tempDir } from '../support/cli.js';

/** A valid file name: no "/" or NUL, not "." or "..", at most 255 bytes in UTF-8. */
const fileName = fc
  .string({ unit: fc.oneof(fc.constantFrom('a', '.', '-', ' ', '\n', '\u001b', '\u202e', 'é', '✓', '😀'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 120 })
  .map((s) => s.replace(/[/\u0000]/g, '_'))
  .filter((s) => s !== '.' && s !== '..' && Buffer.byteLength(s) <= 255);

describe('output fuzz', () => {
  it('any valid target name gets exactly its report, and no temp file is left', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(fileName, fc.string(), (name, text) => {
        writeFileAtomic(join(dir, name), text);
        expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
        expect(readdirSync(dir)).toEqual([name]);
        rmSync(join(dir, name));
      }),
      { numRuns: 300 },
    );
  });

  it('--out-dir names of any inputs are distinct (ignoring case) and fit in 255 bytes', () => {
    const path = fc.array(fileName, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 20 }), (paths) => {
        const names = new OutputNames();
        const out = paths.map((p) => names.next(p, 'json'));
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
        for (const n of out) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
        for (const n of out) expect(n).not.toMatch(/[/\u0000-\u001f]/);
      }),
      { numRuns: 300 },
    );
  });

  it('any bad file name is exactly one escaped stderr line', async () => {
    await fc.assert(
      fc.asyncProperty(fileName.filter((n) => Buffer.byteLength(n) <= 251), async (stem) => {
        const dir = tempDir();
        const name = `${stem}.txt`; // an extension a folder walk takes as a transcript
        writeFileSync(join(dir, name), '');
        const run = await cli(['analyze', '.', '-f', 'json', '--no-config'], { cwd: dir });
        expect(run.code).toBe(2);
        const lines = run.stderr.split('\n').filter(Boolean);
        expect(lines, JSON.stringify(run.stderr)).toHaveLength(1);
        expect(lines[0]).toMatch(/^buyerside: /);
        expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 25 },
    );
  });
});
