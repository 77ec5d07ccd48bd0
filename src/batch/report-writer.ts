/**
 * A batch's report written as its calls arrive (format/stream.ts), so no string ever holds the whole report:
 * each call's part is made once; in-order formats send it straight on, the others keep it in a spool file
 * until the end places it. A call whose own part is too large is refused before anything of it is written,
 * so the caller can list it as failed and the rest of the report is whole.
 */
import type { CallReport, Report, RuleMeta } from '../types.js';
import type { FormatOptions } from '../format/types.js';
import { MemoryParts, PartTooLarge, withinLimit, type PartStore, type ReportStream, type StreamFormatter, type TextSink } from '../format/stream.js';
import { Spool } from '../io/spool.js';

/** Runs `make` (a call's part), turning a string too long to build into PartTooLarge, and checks the limit. */
export function makePart(make: () => string, options: FormatOptions): string {
  let text: string;
  try {
    text = make();
  } catch (e) {
    // "Invalid string length": the part alone is longer than any string can be.
    if (e instanceof RangeError) throw new PartTooLarge(undefined);
    throw e;
  }
  return withinLimit(text, options);
}

export class ReportWriter {
  private readonly stream: ReportStream;
  private store: (PartStore & { add(text: string): void; close?(): void }) | undefined;
  private taken = 0;
  private headWritten = false;

  constructor(
    format: StreamFormatter,
    rules: readonly RuleMeta[],
    private readonly options: FormatOptions,
    private readonly out: TextSink,
    /** Where kept parts go: a spool file (a batch), or memory (a one-call report). */
    private readonly keep: 'spool' | 'memory' = 'spool',
  ) {
    this.stream = format(rules, options);
  }

  /** The call's part, made now; throws PartTooLarge. Nothing is written until take() is given it. */
  prepare(call: CallReport): string {
    return makePart(() => this.stream.part(call, this.taken), this.options);
  }

  /** Takes `call` with the part prepare() made for it. */
  take(call: CallReport, part: string): void {
    this.taken++;
    if (this.stream.inOrder) {
      this.writeHead();
      if (part) this.out.write(part);
    } else {
      this.store ??= (this.keep === 'spool' ? Spool.create() : undefined) ?? new MemoryParts();
      this.store.add(part);
    }
    this.stream.taken?.(call);
  }

  /** Writes the rest; `report` carries the errors and gates (its calls, if any, are not read: the stream has seen them). */
  finish(report: Report): void {
    this.writeHead();
    this.stream.end(this.out, { ...report, calls: [] }, this.store ?? new MemoryParts());
    this.close();
  }

  /** Lets go of the spool (also when the run is abandoned). */
  close(): void {
    this.store?.close?.();
  }

  private writeHead(): void {
    if (this.headWritten || !this.stream.inOrder) return;
    this.headWritten = true;
    const head = this.stream.head?.() ?? '';
    if (head) this.out.write(head);
  }
}

/** A one-off report (an --out-dir page) streamed to `out`: its parts in memory, each checked as a batch's would be. */
export function writeReport(format: StreamFormatter, report: Report, options: FormatOptions, out: TextSink): void {
  const writer = new ReportWriter(format, report.rules, options, out, 'memory');
  for (const call of report.calls) writer.take(call, writer.prepare(call));
  writer.finish(report);
}
