/**
 * Writing reports without losing them or anything else.
 *
 * - A regular file (or a new one) is written to a short-named temp file in the same folder and
 *   renamed onto it when complete, so a reader never sees half a report. A symlink to a regular
 *   file is followed: the file it points to is replaced, the link stays.
 * - Anything else (a device such as /dev/null or /dev/full, a FIFO, /dev/stdout, a symlink to one
 *   of them) is written in place: renaming over it would replace the device node or the pipe with a
 *   regular file and lose the output.
 * - Every failure is an OutputError naming the target as the user gave it, with no temp file left.
 *
 * Temp files still open are listed, so that the process can remove them when it is interrupted
 * (src/cli.ts does, and exits).
 */
import { chmodSync, closeSync, fstatSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TEXTS, UserError } from '../errors.js';

/** An output that could not be written: one line naming the target the user gave; exit 2. */
export class OutputError extends UserError {
  readonly target: string;
  readonly code: string;
  constructor(target: string, code: string) {
    super(TEXTS.cannotWrite(target, WHY[code] ? `${code}: ${WHY[code]}` : code));
    this.target = target;
    this.code = code;
  }
}

/** The common reasons in words. */
const WHY: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  EPIPE: 'the reader went away',
  EFBIG: 'file too large',
  ELOOP: 'too many symbolic links',
};

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

/** Where the bytes for a target really go. */
export interface ResolvedTarget {
  /** Written in place (a device, FIFO, socket, or anything under /dev or /proc), or replaced by a rename. */
  inPlace: boolean;
  /** The path written or renamed onto: a symlink's final target for regular files. */
  path: string;
  /** The existing file's mode bits, kept by the replacement. */
  mode?: number;
  /** /dev/stdout, /dev/fd/N and the like: this process's own descriptor, written without opening anything. */
  fd?: number;
}

/** Names of this process's own descriptors (a socket behind one cannot be opened by name: ENXIO). */
const OWN_FD = /^\/(?:dev\/(?:(stdout)|(stderr)|fd\/(\d+))|proc\/self\/fd\/(\d+))$/;

const MAX_LINKS = 40;

/** Follows `path` the way writing to it would, without creating anything. Throws errno errors. */
export function resolveTarget(path: string): ResolvedTarget {
  const abs = resolve(path);
  const own = OWN_FD.exec(abs);
  if (own) return { inPlace: true, path: abs, fd: own[1] ? 1 : own[2] ? 2 : Number(own[3] ?? own[4]) };
  let st: Stats | undefined;
  try {
    st = statSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (st?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  // /dev/stdout -> /proc/self/fd/1 -> "pipe:[1234]": only the kernel can follow these.
  if (st && !st.isFile()) return { inPlace: true, path: abs };
  if (/^\/(?:dev|proc)\//.test(abs)) return { inPlace: true, path: abs };
  if (st) return { inPlace: false, path: realpathSync(abs), mode: st.mode & 0o7777 };
  // Nothing there, or a dangling symlink: the file to create is at the end of the chain.
  let p = abs;
  for (let i = 0; i < MAX_LINKS; i++) {
    let l: Stats;
    try {
      l = lstatSync(p);
    } catch {
      return { inPlace: false, path: p };
    }
    if (!l.isSymbolicLink()) return { inPlace: false, path: p };
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** Throws an OutputError now when `target` cannot be written at all (a folder, a loop of links), before any work is done. */
export function checkTarget(target: string): void {
  try {
    resolveTarget(target);
  } catch (e) {
    throw new OutputError(target, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}

/** The real path two targets write to, for telling that two outputs would clobber each other. */
export function targetIdentity(path: string): string | undefined {
  try {
    const t = resolveTarget(path);
    // Two writers on one device or pipe interleave, as a shell's two redirections would; not refused.
    return t.inPlace ? undefined : t.path;
  } catch {
    return undefined;
  }
}

/** Short, so that it fits beside any target whose own name fits (names are at most 255 bytes). */
function tempName(dir: string): string {
  return join(dir, `.buyerside-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * A report being written: chunks go to a temp file (or straight into a device or pipe); commit()
 * puts it in place, abort() removes what was written. Every failure is an OutputError.
 */
export class AtomicFile {
  /** The target as the user gave it, for messages. */
  readonly target: string;
  /** The temp file, or undefined when written in place. */
  readonly temp: string | undefined;
  private readonly resolved: ResolvedTarget;
  private fd: number | undefined;

  constructor(target: string) {
    this.target = target;
    try {
      this.resolved = resolveTarget(target);
      if (this.resolved.inPlace) {
        this.temp = undefined;
        this.fd = this.resolved.fd ?? openSync(this.resolved.path, 'w');
        if (this.resolved.fd !== undefined) fstatSync(this.fd); // EBADF now, when the descriptor is not open
        return;
      }
      const dir = dirname(this.resolved.path);
      mkdirSync(dir, { recursive: true });
      if (firstTempFile) {
        firstTempFile();
        firstTempFile = undefined;
      }
      let temp = tempName(dir);
      for (let tries = 0; ; tries++) {
        try {
          this.fd = openSync(temp, 'wx', 0o644);
          break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 8) throw e;
          temp = tempName(dir);
        }
      }
      this.temp = temp;
      pending.add(temp);
    } catch (e) {
      throw this.failure(e);
    }
  }

  /** Whether bytes go straight to the target (a device or pipe). */
  get inPlace(): boolean {
    return this.resolved.inPlace;
  }

  write(text: string): void {
    if (this.fd === undefined) throw new OutputError(this.target, 'already closed');
    this.writeBytes(Buffer.from(text));
  }

  /** Writes a buffer whole (large reports come as buffers, not one string). */
  writeBytes(buf: Buffer): void {
    if (this.fd === undefined) throw new OutputError(this.target, 'already closed');
    let off = 0;
    try {
      while (off < buf.length) {
        try {
          off += writeSync(this.fd, buf, off);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        }
      }
    } catch (e) {
      throw this.fail(e);
    }
  }

  commit(): void {
    if (this.fd === undefined) return;
    try {
      const fd = this.fd;
      if (this.temp !== undefined && this.resolved.mode !== undefined && (fstatSync(fd).mode & 0o7777) !== this.resolved.mode) {
        chmodSync(this.temp, this.resolved.mode);
      }
      this.fd = undefined;
      if (this.resolved.fd === undefined) closeSync(fd);
      if (this.temp !== undefined) {
        renameSync(this.temp, this.resolved.path);
        pending.delete(this.temp);
      }
    } catch (e) {
      throw this.fail(e);
    }
  }

  abort(): void {
    if (this.fd !== undefined && this.resolved.fd === undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // closing is best effort when giving up
      }
    }
    this.fd = undefined;
    if (this.temp === undefined) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
    pending.delete(this.temp);
  }

  /** Aborts and returns the error to throw. */
  private fail(e: unknown): OutputError {
    this.abort();
    return this.failure(e);
  }

  private failure(e: unknown): OutputError {
    if (e instanceof OutputError) return e;
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return new OutputError(this.target, code);
  }
}

/**
 * Opens the outputs of one run: targets written in place first, since opening a FIFO waits for its
 * reader and no interrupt handler should be installed yet (a blocked open cannot run one). Throws
 * an OutputError with none left open.
 */
export function openOutputs(targets: readonly string[]): AtomicFile[] {
  const order = targets.map((t, i) => ({ t, i, inPlace: safeInPlace(t) })).sort((a, b) => Number(b.inPlace) - Number(a.inPlace) || a.i - b.i);
  const files: AtomicFile[] = [];
  try {
    for (const o of order) files[o.i] = new AtomicFile(o.t);
  } catch (e) {
    for (const f of files) f?.abort();
    throw e;
  }
  return files;
}

function safeInPlace(target: string): boolean {
  try {
    return resolveTarget(target).inPlace;
  } catch {
    return false;
  }
}

/** Writes `text` to `target` (atomically where it is a regular file). */
export function writeFileAtomic(target: string, text: string): void {
  const file = new AtomicFile(target);
  file.write(text);
  file.commit();
}
