/**
 * Writing reports atomically: a temp file in the target's folder, renamed into place when complete.
 * Temp files still open are listed, so that the process can remove them when it is interrupted
 * (src/cli.ts does, and exits).
 */
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temp files still open. */
const pending = new Set<string>();
let firstTempFile: (() => void) | undefined;

/** Calls `callback` once, when the first temp file is opened (to install an interrupt handler then). */
export function onFirstTempFile(callback: () => void): void {
  firstTempFile = callback;
}

/** Removes every temp file still open (on an interrupt). */
export function discardTempFiles(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** A file being written: chunks go to a temp file; commit() renames it onto the target, abort() deletes it. */
export class AtomicFile {
  readonly target: string;
  readonly temp: string;
  private fd: number | undefined;

  constructor(target: string) {
    this.target = target;
    const dir = dirname(target);
    mkdirSync(dir, { recursive: true });
    this.temp = join(dir, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
    if (firstTempFile) {
      firstTempFile();
      firstTempFile = undefined;
    }
    pending.add(this.temp);
    this.fd = openSync(this.temp, 'wx', 0o644);
  }

  write(text: string): void {
    if (this.fd === undefined) throw new Error(`${this.target}: already closed`);
    const buf = Buffer.from(text);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }

  commit(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.temp, this.target);
    pending.delete(this.temp);
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
    pending.delete(this.temp);
  }
}

/** Writes `text` to `target` atomically. */
export function writeFileAtomic(target: string, text: string): void {
  const file = new AtomicFile(target);
  try {
    file.write(text);
    file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
}
