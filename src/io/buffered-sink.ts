/** Many small pieces of text handed on as few large writes: each write is a system call, each piece may be a line. */
import type { TextSink } from '../format/stream.js';

/** Characters gathered before they are handed on. */
const CHUNK_CHARS = 1 << 20;

export class BufferedSink implements TextSink {
  private pieces: string[] = [];
  private chars = 0;

  constructor(private readonly write_: (text: string) => void) {}

  write(text: string): void {
    if (text.length === 0) return;
    // A large piece goes on as it is, after what came before it: it is never copied into a bigger string.
    if (text.length >= CHUNK_CHARS) {
      this.flush();
      this.write_(text);
      return;
    }
    this.pieces.push(text);
    this.chars += text.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.chars === 0) return;
    const text = this.pieces.join('');
    this.pieces = [];
    this.chars = 0;
    this.write_(text);
  }
}
