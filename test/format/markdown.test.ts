/** Markdown: tables keep their shape whatever the transcript says, and nothing renders as HTML or code. */
import { describe, expect, it } from 'vitest';
import { formatMarkdown, MARKDOWN_QUOTES } from '../../src/format/markdown.js';
import { escapeMarkdown } from '../../src/format/escape.js';
import type { Finding, Report } from '../../src/types.js';
import { acmeCall, sampleReport } from './sample-report.js';

/** Cells of a table row, splitting only at pipes that are not backslash-escaped. */
const cells = (line: string) => line.split(/(?<!\\)\|/).length - 2;

describe('formatMarkdown', () => {
  const md = formatMarkdown(sampleReport, { color: false });

  it('keeps every table row as wide as its header', () => {
    let width = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line);
      expect(cells(line), line).toBe(width);
    }
  });

  it('escapes pipes, backticks and HTML in transcript text', () => {
    expect(md).toContain("\\| it's \\`next-gen\\` stuff");
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('calls/=cmd\\|empty.txt');
  });

  it('has the summary, reps, failed files and gates, then a section per call', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Calls', '## Reps', '## Failed files', '## Failed gates', '## calls/acme-discovery.vtt', '## calls/globex demo.txt']);
  });

  it('lists the top findings without suppressed ones, the trigger in bold', () => {
    expect(md).not.toContain('SOC 2');
    expect(md).toContain('“**Our founders** built this in 2015.”');
  });

  it('caps the quotes per habit and says how many more there are', () => {
    const many: Finding[] = Array.from({ length: MARKDOWN_QUOTES + 3 }, (_, i) => ({ ...acmeCall.findings[1]!, line: i + 1 }));
    const report: Report = { ...sampleReport, calls: [{ ...acmeCall, findings: many }] };
    expect(formatMarkdown(report, { color: false })).toContain('…and 3 more.');
  });

  it('escapes link and emphasis syntax so quotes cannot inject links', () => {
    expect(escapeMarkdown('[click](http://x) *a* _b_ ~c~ \\')).toBe('\\[click\\](http://x) \\*a\\* \\_b\\_ \\~c\\~ \\\\');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });
});
