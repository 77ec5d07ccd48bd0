/**
 * Text kept on disk until it is written out in another order (a streamed report's call parts, placed once
 * the summary's order is known), so memory holds only where each piece is. The temp file is removed as soon
 * as it is open: nothing is left behind however the process ends.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PartStore, TextSink } from '../format/stream.js';

export class Spool implements PartStore {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private end = 0;
  private open = true;

  private constructor(private readonly fd: number) {}

  /** A new spool in the temp folder; undefined when none can be made there (the caller keeps parts in memory). */
  static create(dir = tmpdir()): Spool | undefined {
    const path = join(dir, `.buyerside-spool-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
    let fd: number;
    try {
      fd = openSync(path, 'wx+', 0o600);
    } catch {
      return undefined;
    }
    try {
      unlinkSync(path);
    } catch {
      // A system that cannot remove an open file (Windows): a leftover temp file, not a lost report.
    }
    return new Spool(fd);
  }

  get count(): number {
    return this.offsets.length;
  }

  add(text: string): void {
    const buf = Buffer.from(text);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off, this.end + off);
    this.offsets.push(this.end);
    this.lengths.push(buf.length);
    this.end += buf.length;
  }

  read(index: number): string {
    const length = this.lengths[index] ?? 0;
    if (length === 0) return '';
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, buf, got, length - got, this.offsets[index]! + got);
      if (n === 0) throw new Error('the spool file ended early');
      got += n;
    }
    return buf.toString('utf8');
  }

  writeTo(index: number, out: TextSink): void {
    const text = this.read(index);
    if (text) out.write(text);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}
