/** The spool keeps a streamed report's parts on disk and leaves no file behind; the buffered sink keeps the order of what it is given. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../src/io/spool.js';
import { BufferedSink } from '../../src/io/buffered-sink.js';
import { tempDir } from '../support/cli.js';

describe('spool', () => {
  it('gives every part back, in any order, multi-byte text and empty parts included', () => {
    const dir = tempDir();
    const spool = Spool.create(dir)!;
    expect(spool).toBeDefined();
    const parts = ['first', '', 'é ü — 😀 and a lone \uD800 surrogate', 'x'.repeat(3_000_000), 'last'];
    for (const p of parts) spool.add(p);
    expect(spool.count).toBe(parts.length);
    for (const i of [4, 0, 3, 2, 1]) expect(spool.read(i), `part ${i}`).toBe(Buffer.from(parts[i]!).toString('utf8'));
    let out = '';
    spool.writeTo(1, { write: (t) => void (out += t) });
    spool.writeTo(0, { write: (t) => void (out += t) });
    expect(out).toBe('first');
    spool.close();
    spool.close();
  });

  it('leaves nothing in its folder, even while it is open', () => {
    const dir = tempDir();
    const spool = Spool.create(dir)!;
    spool.add('kept on disk');
    expect(readdirSync(dir)).toEqual([]);
    spool.close();
  });

  it('is undefined where no temp file can be made (the writer then keeps parts in memory)', () => {
    expect(Spool.create('/nonexistent/folder')).toBeUndefined();
  });
});

describe('buffered sink', () => {
  it('hands everything on in order, gathering small pieces and passing large ones through whole', () => {
    const writes: string[] = [];
    const sink = new BufferedSink((t) => writes.push(t));
    const big = 'B'.repeat(2 << 20);
    const pieces = ['a', 'b', '', big, 'c', ...Array.from({ length: 3000 }, (_, i) => `${i}`.padEnd(500, '.'))];
    for (const p of pieces) sink.write(p);
    sink.flush();
    sink.flush();
    expect(writes.join('')).toBe(pieces.join(''));
    expect(writes).toContain(big);
    expect(writes.length).toBeLessThan(10);
  });
});
