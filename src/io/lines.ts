/** Reading a file line by line in fixed-size chunks, so a file of any size is read in flat memory; and one line again by its place. */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;

/** Where a line stands in its file, in bytes (without its newline). */
export interface LinePlace {
  offset: number;
  length: number;
}

/** Calls `each` with every line's text (UTF-8, a trailing CR dropped), its 1-based number and its place. */
export function forEachLine(file: string, each: (text: string, lineNumber: number, place: LinePlace) => void): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let lineStart = 0;
    let position = 0;
    let lineNumber = 0;
    const emit = (parts: Buffer[], bytes: number) => {
      let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
      let length = bytes;
      if (length > 0 && buf[length - 1] === 0x0d) length--;
      buf = buf.subarray(0, length);
      lineNumber++;
      each(buf.toString('utf8'), lineNumber, { offset: lineStart, length });
    };
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, position);
      if (n === 0) break;
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, from);
        if (nl < 0 || nl >= n) break;
        const piece = chunk.subarray(from, nl);
        emit(pendingBytes ? [...pending, piece] : [piece], pendingBytes + piece.length);
        pending = [];
        pendingBytes = 0;
        lineStart = position + nl + 1;
        from = nl + 1;
      }
      if (from < n) {
        // Copied: the chunk buffer is reused by the next read.
        pending.push(Buffer.from(chunk.subarray(from, n)));
        pendingBytes += n - from;
      }
      position += n;
    }
    if (pendingBytes > 0) emit(pending, pendingBytes);
  } finally {
    closeSync(fd);
  }
}

/** Reads lines again by their places, keeping the file open between reads. */
export class LineReader {
  private readonly fd: number;
  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }
  read(place: LinePlace): string {
    const buf = Buffer.allocUnsafe(place.length);
    let got = 0;
    while (got < place.length) {
      const n = readSync(this.fd, buf, got, place.length - got, place.offset + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  }
  close(): void {
    closeSync(this.fd);
  }
}
