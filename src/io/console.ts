/** Where the command line reads and writes: standard output and error (tests pass their own), and the environment. */
import { writeSync } from 'node:fs';

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
