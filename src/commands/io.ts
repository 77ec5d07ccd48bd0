/** Where the CLI reads and writes, so tests can pass their own; and the user-facing error texts. */
import { writeSync } from 'node:fs';
import { UserError } from '../user-error.js';

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
  err: (t) => writeAll(2, t),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

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

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR turns it on. */
export function useColor(io: Io, flag: boolean | undefined): boolean {
  if (flag === false || 'NO_COLOR' in io.env) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** Repeatable, comma-separated option values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** Repeatable option values kept whole (globs may contain commas). */
export function repeat(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A usage or input problem: printed as one line, exit code 2. */
export class UsageError extends UserError {}

/** The single line printed for an error. */
export function errorLine(message: string): string {
  return `buyerside: ${message}\n`;
}
