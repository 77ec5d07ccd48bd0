/**
 * Rows of feature names made of parts ("nn=" + a word + "_" + the next word), found part by part in
 * nested Maps keyed by the parts themselves, so that a repeat builds no string. Building the name
 * and looking it up, nine times a word for the boundary model, was most of a batch's predict time
 * and much of its garbage (#12). The name is built once, the first time its parts are seen.
 */
import type { Model } from './logistic.js';

type Level = Map<string, Level | number>;

/** How many names one table remembers before it starts again, so an open vocabulary cannot grow it without end. */
const LIMIT = 1 << 14;

export class PartRows {
  private readonly root: Level = new Map();
  private count = 0;

  /** `name(a, b, c)` must give the feature's name from its parts (unused ones are ''), the same way every time. A table serves names of one arity. */
  constructor(
    private readonly model: Model,
    private readonly name: (a: string, b: string, c: string) => string,
  ) {}

  private readonly one = new Map<string, number>();
  private readonly two = new Map<string, Map<string, number>>();

  /** The model's row for a name of one part, or -1 for a name it does not know. */
  row1(a: string): number {
    let row = this.one.get(a);
    if (row === undefined) {
      row = this.model.row(this.name(a, '', ''));
      if (this.one.size >= LIMIT) this.one.clear();
      this.one.set(a, row);
    }
    return row;
  }

  /** row1 for a name of two parts: one Map per first part. */
  row2(a: string, b: string): number {
    let next = this.two.get(a);
    if (next === undefined) this.two.set(a, (next = new Map()));
    let row = next.get(b);
    if (row === undefined) {
      row = this.model.row(this.name(a, b, ''));
      if (++this.count > LIMIT) {
        this.two.clear();
        this.count = 0;
      } else next.set(b, row);
    }
    return row;
  }

  /** row1 for a name of three parts. */
  row3(a: string, b: string, c: string): number {
    let one = this.root.get(a) as Level | undefined;
    if (one === undefined) this.root.set(a, (one = new Map()));
    let two = one.get(b) as Level | undefined;
    if (two === undefined) one.set(b, (two = new Map()));
    let row = two.get(c) as number | undefined;
    if (row === undefined) {
      row = this.model.row(this.name(a, b, c));
      if (++this.count > LIMIT) {
        this.root.clear();
        this.count = 0;
      } else two.set(c, row);
    }
    return row;
  }
}
