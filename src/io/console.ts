/** Where the command line reads and writes: standard output and error (tests pass their own), and the environment. */
import { writeSync } from 'node:fs';
import { printable } from '../errors.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether standard output is a terminal (colour). */
  isTTY: boolean;
  /** Whether standard error is a terminal (progress bar); false when absent. */
  errIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  /** The working folder for config discovery; process.cwd() when absent. */
  cwd?: string;
}

export const defaultIo: Io = {
  out: (t) => writeAll(1, t),
  err: (t) => writeAll(2, safeStderr(t)),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** The progress bar's own prefix: back to the line's start, and clear it. */
const REDRAW = '\r\x1b[K';

/**
 * Standard error as a person reads it: line breaks stay line breaks, every other control or bidi
 * character is shown escaped (a file name can hold ESC sequences); the progress bar keeps its redraw.
 */
export function safeStderr(text: string): string {
  const redraw = text.startsWith(REDRAW);
  const body = redraw ? text.slice(REDRAW.length) : text;
  const safe = body.split('\n').map(printable).join('\n');
  return redraw ? REDRAW + safe : safe;
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}
