/** HTML: self-contained, script-free, and every transcript-derived string escaped. */
import { describe, expect, it } from 'vitest';
import { formatStaticHtml as formatHtml, HTML_CSP } from '../../src/format/html.js';
import { escapeHtml } from '../../src/format/escape.js';
import type { Report } from '../../src/types.js';
import { HOSTILE, sampleReport } from './sample-report.js';

describe('formatHtml', () => {
  const html = formatHtml(sampleReport, { color: false });

  it('forbids scripts with a Content-Security-Policy meta tag', () => {
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
  });

  it('contains no script, image, external resource or event handler', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<(link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    // Inside tags only: the escaped hostile text itself legitimately reads "onerror=".
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it('renders hostile transcript text escaped', () => {
    expect(html).toContain('&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2;alert(2)&quot;&gt;');
    expect(html).toContain('+1 for <mark>our roadmap</mark> | it&#39;s `next-gen` stuff, @channel');
  });

  it('highlights the match inside its sentence', () => {
    expect(html).toContain('&lt;/script&gt; <mark>we offer</mark> the best onboarding');
    expect(html).toContain('<mark>We are the leading platform</mark> and our customers love us.');
  });

  it('has the charts and a section per call and failed file', () => {
    expect(html.match(/<svg class="chart histogram"/g)).toHaveLength(1);
    expect(html.match(/<svg class="chart reps"/g)).toHaveLength(1);
    expect(html.match(/<svg class="chart timeline"/g)).toHaveLength(2);
    expect(html.match(/<svg class="chart journey"/g)).toHaveLength(2);
    expect(html.match(/<section class="call"/g)).toHaveLength(2);
    expect(html).toContain('by time (7:00)');
    expect(html).toContain('by words');
    expect(html).toContain('calls/=cmd|empty.txt');
  });

  it('escapes hostile names and file names everywhere they appear', () => {
    const evil = '<b onmouseover="x()">Eve</b>';
    const report: Report = structuredClone(sampleReport);
    report.calls[0]!.file = `${evil}.vtt`;
    report.calls[0]!.speakers[0]!.name = evil;
    report.calls[0]!.scoreComponents[0]!.detail = evil;
    report.errors[0]!.message = evil;
    report.gates![0]!.message = evil;
    report.calls[0]!.findings.find((f) => f.ruleId === 'presented-before-reasons')!.message = evil;
    const out = formatHtml(report, { color: false });
    expect(out).not.toContain('<b onmouseover');
    expect(out).toContain(escapeHtml(evil));
  });

  it('escapes all five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('handles a report without calls', () => {
    const out = formatHtml({ ...sampleReport, calls: [], gates: [] }, { color: false });
    expect(out).toContain('0 call(s) analysed');
    expect(out).toContain('No sellers identified.');
  });

  it('has no timestamps, so output is stable', () => {
    expect(html).not.toMatch(/\b20\d\d-\d\d-\d\d/);
    expect(HOSTILE.script).toContain('<script>');
  });
});

describe('formatHtml charts on odd input', () => {
  it('falls back to words when times are all zero, and skips unknown journey steps', () => {
    const report: Report = structuredClone(sampleReport);
    const call = report.calls[0]!;
    call.timeline = call.timeline.map((t) => ({ ...t, start: 0, end: 0 }));
    (call.journey.sequence as string[])[0] = 'mystery';
    const out = formatHtml(report, { color: false });
    expect(out).toContain('aria-label="Talk-time timeline by words"');
    expect(out).not.toContain('mystery');
    expect(out).not.toMatch(/y="-/);
  });
});

describe('the single-call page follows the digest', () => {
  it('puts what to change first, habits, strengths, shape and journey before every finding', async () => {
    const { formatHtml: formatAny } = await import('../../src/format/html.js');
    const one = formatAny({ ...sampleReport, calls: [sampleReport.calls[0]!], errors: [], gates: [] }, { color: false });
    const at = (text: string) => one.indexOf(text);
    for (const heading of ['<h3>What to change first</h3>', '<h3>Habits</h3>', '<h3>Shape of the conversation</h3>', '<h3>Every finding</h3>']) expect(at(heading), heading).toBeGreaterThan(0);
    expect(at('<h3>What to change first</h3>')).toBeLessThan(at('<h3>Habits</h3>'));
    expect(at('<h3>Habits</h3>')).toBeLessThan(at('<h3>Shape of the conversation</h3>'));
    expect(at('<h3>Shape of the conversation</h3>')).toBeLessThan(at('<h3>Every finding</h3>'));
    expect(one).not.toContain('<script>window.__pwned');
  });
});
