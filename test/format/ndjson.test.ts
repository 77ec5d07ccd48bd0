/** NDJSON: one JSON value per line, calls as given, errors wrapped in {"error": ...}. */
import { describe, expect, it } from 'vitest';
import { formatCallLine, formatErrorLine, formatNdjson } from '../../src/format/ndjson.js';
import { acmeCall, sampleReport } from './sample-report.js';

describe('formatNdjson', () => {
  it('writes a call as one line of JSON without a newline', () => {
    const line = formatCallLine(acmeCall);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(acmeCall);
    expect(line).toBe(JSON.stringify(acmeCall));
  });

  it('wraps errors', () => {
    expect(formatErrorLine({ file: 'a.txt', message: 'empty', code: 'E_EMPTY' })).toBe('{"error":{"file":"a.txt","message":"empty","code":"E_EMPTY"}}');
  });

  it('writes calls then errors, one per line, each ending with a newline', () => {
    const out = formatNdjson(sampleReport, { color: false });
    expect(out.endsWith('\n')).toBe(true);
    const values = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(values).toHaveLength(sampleReport.calls.length + sampleReport.errors.length);
    expect(values.slice(-2)).toEqual(sampleReport.errors.map((error) => ({ error })));
  });

  it('escapes line breaks inside text so a line is always one record', () => {
    const call = { ...acmeCall, findings: [{ ...acmeCall.findings[1]!, text: 'a\nb\u2028c' }] };
    expect(formatCallLine(call).split('\n')).toHaveLength(1);
  });
});
