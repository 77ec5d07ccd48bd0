/**
 * Plain-text tables that fit a width: no borders, two spaces between columns, one line a row. When the
 * columns are too wide together, the flexible ones shrink first (to their minimum), then whole columns
 * are dropped in the order the caller states; the table says which it left out.
 */
import { visibleWidth } from './wrap.js';

export interface Column {
  head: string;
  /** The cells, one a row, as plain text (colour is added by `paint`). */
  cells: string[];
  align?: 'left' | 'right';
  /** May shrink down to this many characters (cut with "…"); absent: never shrinks. */
  min?: number;
  /** Cut from the left ("…/calls/a.txt") rather than the right: for paths, whose end says most. */
  cutLeft?: boolean;
  /** Dropped when the table does not fit: lower first; absent: never dropped. */
  drop?: number;
  /** Colour for a cell, given its row, applied after fitting (so widths count plain text). */
  paint?: (text: string, row: number) => string;
}

export interface FittedTable {
  lines: string[];
  /** Heads of the columns left out to fit the width, in the order they were dropped. */
  dropped: string[];
}

const GAP = 2;

function natural(col: Column): number {
  return Math.max(visibleWidth(col.head), ...col.cells.map(visibleWidth));
}

function cut(text: string, width: number, left: boolean): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  return left ? '…' + chars.slice(chars.length - width + 1).join('') : chars.slice(0, width - 1).join('') + '…';
}

/** Lays the columns out within `width`. */
export function fitTable(columns: readonly Column[], width: number): FittedTable {
  let cols = [...columns];
  const dropped: string[] = [];
  const widths = (list: readonly Column[]) => list.map(natural);
  const total = (w: readonly number[]) => w.reduce((s, x) => s + x, 0) + GAP * Math.max(0, w.length - 1);
  let w = widths(cols);
  for (;;) {
    // Shrink the flexible columns, widest first, until the table fits or none can shrink further.
    let over = total(w) - width;
    while (over > 0) {
      let widest = -1;
      cols.forEach((c, i) => {
        if (c.min !== undefined && w[i]! > c.min && (widest < 0 || w[i]! > w[widest]!)) widest = i;
      });
      if (widest < 0) break;
      const take = Math.min(over, w[widest]! - cols[widest]!.min!);
      w[widest]! -= take;
      over -= take;
    }
    if (over <= 0) break;
    const droppable = cols.filter((c) => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!)[0];
    if (!droppable) break;
    dropped.push(droppable.head);
    cols = cols.filter((c) => c !== droppable);
    w = widths(cols);
  }
  const rows = cols[0]?.cells.length ?? 0;
  const line = (cells: string[], paint: (i: number, text: string) => string) =>
    cells
      .map((text, i) => {
        const col = cols[i]!;
        const fitted = cut(text, w[i]!, col.cutLeft === true);
        const pad = ' '.repeat(Math.max(0, w[i]! - visibleWidth(fitted)));
        const painted = paint(i, fitted);
        return col.align === 'right' ? pad + painted : i === cells.length - 1 ? painted : painted + pad;
      })
      .join(' '.repeat(GAP))
      .replace(/\s+$/, '');
  const lines = [line(cols.map((c) => c.head), (_, t) => t)];
  for (let r = 0; r < rows; r++) lines.push(line(cols.map((c) => c.cells[r]!), (i, t) => cols[i]!.paint?.(t, r) ?? t));
  return { lines, dropped };
}
