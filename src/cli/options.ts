/** Small helpers for reading option values: repeatable lists, and whether to colour. */
import type { Io } from '../io/console.js';

/** Colour only on a terminal, never with NO_COLOR or --no-color; --color or FORCE_COLOR turns it on. */
export function useColor(io: Io, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (flag === true) return true;
  if ('NO_COLOR' in io.env) return false;
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

/** The report's width: the terminal's on a TTY, else COLUMNS when it is a whole number, else 80. */
export function terminalWidth(io: Io, columns: number | undefined = process.stdout.columns): number {
  if (io.isTTY && columns && columns > 0) return columns;
  const env = Number(io.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return 80;
}
