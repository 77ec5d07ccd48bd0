/** CSV and findings CSV: fixed columns, RFC 4180 quoting, and neutralised formula cells. */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatCsv } from '../../src/format/csv.js';
import { FINDINGS_CSV_COLUMNS, formatFindingsCsv } from '../../src/format/findings-csv.js';
import { csvCell } from '../../src/format/escape.js';
import { HOSTILE, sampleReport } from './sample-report.js';
import { parseCsv } from '../support/csv-parse.js';

describe('csvCell', () => {
  it('prefixes text cells that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('safe = fine')).toBe('safe = fine');
  });

  it('leaves numbers we write ourselves alone, negative ones included', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });
});

describe('formatCsv', () => {
  const rows = parseCsv(formatCsv(sampleReport, { color: false }));

  it('has the documented header and a row per input file', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + sampleReport.calls.length + sampleReport.errors.length);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes failed files with status=failed and the error', () => {
    const failed = rows.filter((r) => r[1] === 'failed');
    expect(failed.map((r) => r[0])).toEqual(['calls/broken.srt', 'calls/=cmd|empty.txt']);
    expect(failed[0]![11]).toBe('E_PARSE: line 7: cue 3 has no timestamp line');
    expect(failed[0]![3]).toBe('');
  });

  it('writes the call numbers', () => {
    const acme = rows.find((r) => r[0] === 'calls/acme-discovery.vtt')!;
    expect(acme.slice(1)).toEqual(['ok', 'Dana Reyes', '42', '0.71', '3', '1', '240', '5', '1', 'seller-we-talk', '']);
  });

  it('ends records with CRLF', () => {
    expect(formatCsv(sampleReport, { color: false }).split('\r\n')).toHaveLength(rows.length + 1);
  });
});

describe('formatFindingsCsv', () => {
  const rows = parseCsv(formatFindingsCsv(sampleReport, { color: false }));
  const col = (name: (typeof FINDINGS_CSV_COLUMNS)[number]) => FINDINGS_CSV_COLUMNS.indexOf(name);

  it('has a row per finding, suppressed ones marked', () => {
    expect(rows[0]).toEqual([...FINDINGS_CSV_COLUMNS]);
    const total = sampleReport.calls.reduce((n, c) => n + c.findings.length, 0);
    expect(rows).toHaveLength(1 + total);
    expect(rows.filter((r) => r[col('suppressed')] === 'true')).toHaveLength(1);
  });

  it('neutralises formulas in transcript text but keeps the text otherwise intact', () => {
    const texts = rows.slice(1).map((r) => r[col('text')]);
    expect(texts).toContain(`'${HOSTILE.formula}`);
    expect(texts).toContain(`'${HOSTILE.pipes}`);
    expect(texts).toContain(HOSTILE.script);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves line and time empty where unknown', () => {
    const callScope = rows.find((r) => r[col('rule_id')] === 'seller-talk-share')!;
    expect(callScope[col('line')]).toBe('');
    expect(callScope[col('time')]).toBe('');
    const timed = rows.find((r) => r[col('line')] === '13')!;
    expect(timed[col('time')]).toBe('95.2');
  });
});
