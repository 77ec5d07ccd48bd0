// Writing files atomically: nothing at the target until commit; an interrupt removes what was being written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, discardTempFiles, onFirstTempFile, writeFileAtomic } from '../../src/io/write.js';
import { tempDir } from '../support/cli.js';

describe('atomic files', () => {
  it('appear whole at commit, and not at all after abort', () => {
    const dir = tempDir();
    const file = new AtomicFile(join(dir, 'out.json'));
    file.write('{"a":');
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    file.write('1}');
    file.commit();
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a":1}');
    const other = new AtomicFile(join(dir, 'other.json'));
    other.write('x');
    other.abort();
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('tell the process when the first one opens, and can all be discarded (on an interrupt)', () => {
    const dir = tempDir();
    let told = 0;
    onFirstTempFile(() => told++);
    const a = new AtomicFile(join(dir, 'a.txt'));
    const b = new AtomicFile(join(dir, 'b.txt'));
    expect(told).toBe(1);
    discardTempFiles();
    expect(readdirSync(dir)).toEqual([]);
    a.abort();
    b.abort();
    writeFileAtomic(join(dir, 'c.txt'), 'done');
    expect(readdirSync(dir)).toEqual(['c.txt']);
  });
});
