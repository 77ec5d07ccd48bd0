/** Text that fits a width: word wrapping with a hanging indent, measured without colour codes. */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The width a string takes on a terminal: colour codes take none. */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Wraps `text` at word boundaries to lines no wider than `width`: the first line starts with `first`,
 * the rest with `rest` (a hanging indent). A word longer than a line is cut, the only place a word breaks.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = (prefix: string) => Math.max(1, width - visibleWidth(prefix));
  for (let word of words) {
    const sep = empty ? '' : ' ';
    if (visibleWidth(line) + sep.length + visibleWidth(word) <= width) {
      line += sep + word;
      empty = false;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    // A word wider than a whole line (a URL, a long name) is cut to fit: nothing may pass the width.
    while (visibleWidth(word) > room(line)) {
      const take = room(line);
      const chars = [...word];
      lines.push(line + chars.slice(0, take).join(''));
      word = chars.slice(take).join('');
      line = rest;
    }
    if (word) {
      line += word;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(line.replace(/\s+$/, ''));
  return lines;
}

/** Cuts plain text to at most `width` characters, ending it with "…" when cut. */
export function clip(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : chars.slice(0, width - 1).join('') + '…';
}

/** The first line of `text` wrapped at word boundaries, ending with "…" when the rest is left out. */
export function firstLine(text: string, width: number, prefix = ''): string {
  const lines = wrap(text, width, prefix, prefix);
  if (lines.length === 1) return lines[0]!;
  const cut = wrap(text, width - 2, prefix, prefix)[0]!;
  return `${cut} …`;
}
