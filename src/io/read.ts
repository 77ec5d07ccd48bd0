/** Reading one input's bytes safely: regular files only, with a size limit; "-" is standard input. */
import { openSync, fstatSync, readFileSync, readSync, closeSync, constants } from 'node:fs';
import { InputProblem } from '../errors.js';
import { describeFsError } from './inputs.js';

/** Default largest input, in bytes; callers may set another. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Reads a file, refusing FIFOs, devices and files over `maxBytes` with a clear message. */
export function readInput(file: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  if (file === '-') return readStdin(maxBytes);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputProblem('E_READ', describeFsError(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputProblem('E_READ', 'is a folder');
    if (!st.isFile()) throw new InputProblem('E_READ', 'not a regular file (a FIFO, socket or device); refusing to read it');
    if (st.size > maxBytes) throw new InputProblem('E_TOO_LARGE', `the file is ${mb(st.size)}, over the limit of ${mb(maxBytes)}`, undefined, 'max-size');
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch (e) {
    if (e instanceof InputProblem) throw e;
    throw new InputProblem('E_READ', describeFsError(e));
  } finally {
    closeSync(fd);
  }
}

/** Sleeps this thread without using the CPU (there is no poll() to wait on a descriptor synchronously). */
const nap = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Longest wait between reads of a non-blocking standard input that has nothing yet. */
const MAX_NAP_MS = 25;

function readStdin(maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  let wait = 1;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
      wait = 1;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe or socket with a slow writer: wait, backing off, instead of spinning a core.
        nap(wait);
        wait = Math.min(MAX_NAP_MS, wait * 2);
        continue;
      }
      if (code === 'EOF') break;
      throw new InputProblem('E_READ', describeFsError(e));
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new InputProblem('E_TOO_LARGE', `standard input is over the limit of ${mb(maxBytes)}`, undefined, 'max-size');
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Reads a small text file the user named (a config, a baseline, a roles file, shards' NDJSON); a
 * problem becomes `fail(message)`, the message naming the file.
 */
export function readUserFile(file: string, fail: (message: string) => Error): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`);
  }
}
