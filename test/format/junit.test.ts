/** JUnit: suite counts, a failure per gated call, an error per failed input, and XML-safe text. */
import { describe, expect, it } from 'vitest';
import { formatJunit, junitClassName } from '../../src/format/junit.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './sample-report.js';

const attr = (xml: string, tag: string, name: string) => new RegExp(`<${tag} [^>]*${name}="([^"]*)"`).exec(xml)?.[1];

describe('formatJunit', () => {
  const xml = formatJunit(sampleReport, { color: false });

  it('counts tests, failures and errors on the suite', () => {
    expect(attr(xml, 'testsuite', 'name')).toBe('buyerside');
    expect(attr(xml, 'testsuite', 'tests')).toBe('4');
    expect(attr(xml, 'testsuite', 'failures')).toBe('1');
    expect(attr(xml, 'testsuite', 'errors')).toBe('2');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml.match(/<error /g)).toHaveLength(2);
  });

  it('fails the testcase of the gated call with the gate message', () => {
    const acme = /<testcase classname="calls.acme-discovery"[\s\S]*?<\/testcase>/.exec(xml)![0];
    expect(acme).toContain('<failure message="score 42 is below the minimum of 60" type="gate">');
    const globex = /<testcase classname="calls.globex demo"[\s\S]*?<\/testcase>/.exec(xml)![0];
    expect(globex).not.toContain('<failure');
  });

  it('escapes markup and drops characters XML forbids', () => {
    const report: Report = {
      ...sampleReport,
      calls: [],
      errors: [{ file: 'a<b>&"c\'.txt', message: 'bad \u0001 byte </error><script>', code: 'E_BINARY' }],
      gates: [{ file: 'batch', gate: 'max-failed', message: '1 > 0 & "too many"' }],
    };
    const out = formatJunit(report, { color: false });
    expect(out).toContain('name="a&lt;b&gt;&amp;&quot;c&#39;.txt"');
    expect(out).not.toContain('\u0001');
    expect(out).not.toContain('<script>');
    expect(out).toContain('message="1 &gt; 0 &amp; &quot;too many&quot;"');
    // A gate about no particular input still fails the suite.
    expect(attr(out, 'testsuite', 'failures')).toBe('1');
    expect(attr(out, 'testsuite', 'tests')).toBe('2');
  });

  it('derives dotted class names from paths', () => {
    expect(junitClassName('calls/q3/acme.vtt')).toBe('calls.q3.acme');
    expect(junitClassName('.\\calls\\acme.vtt')).toBe('calls.acme');
    expect(junitClassName('noext')).toBe('noext');
  });
});
