// The report's width: the terminal's on a TTY, COLUMNS when set, 80 otherwise.
import { describe, expect, it } from 'vitest';
import { terminalWidth } from '../../src/cli/options.js';
import type { Io } from '../../src/io/console.js';

const io = (isTTY: boolean, env: Record<string, string> = {}): Io => ({ out: () => {}, err: () => {}, isTTY, env });

describe('terminalWidth', () => {
  it("takes the terminal's columns on a TTY", () => expect(terminalWidth(io(true, { COLUMNS: '50' }), 132)).toBe(132));
  it('takes COLUMNS when piped, or on a TTY that does not say', () => {
    expect(terminalWidth(io(false, { COLUMNS: '100' }), 132)).toBe(100);
    expect(terminalWidth(io(true, { COLUMNS: '100' }), undefined)).toBe(100);
  });
  it('falls back to 80 without either, or with a COLUMNS that is not a whole number', () => {
    expect(terminalWidth(io(false), undefined)).toBe(80);
    expect(terminalWidth(io(false, { COLUMNS: 'wide' }), undefined)).toBe(80);
    expect(terminalWidth(io(false, { COLUMNS: '0' }), undefined)).toBe(80);
  });
});
