/** The batch dashboard's page: data embedded once and inert, the one script allowed by its hash, every field escaped. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/format/html.js';
import { DASHBOARD_CSP } from '../../src/format/dashboard/page.js';
import { DASHBOARD_SCRIPT } from '../../src/format/dashboard/script.js';
import { embedJson } from '../../src/format/dashboard/data.js';
import type { Report } from '../../src/types.js';
import { sampleReport } from './sample-report.js';

describe('batch dashboard', () => {
  const html = formatHtml(sampleReport, { color: false });

  it('allows exactly its own script, by hash, and nothing from anywhere', () => {
    const hash = createHash('sha256').update(DASHBOARD_SCRIPT).digest('base64');
    expect(DASHBOARD_CSP).toBe(`default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${DASHBOARD_CSP}">`);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).toContain(`<script>${DASHBOARD_SCRIPT}</script>`);
    expect(DASHBOARD_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|fetch\(|XMLHttpRequest/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
  });

  it('embeds the data once, where no field can close the element', () => {
    const data = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(data).not.toMatch(/[<>&]/);
    const parsed = JSON.parse(data);
    expect(parsed.calls).toHaveLength(2);
    expect(JSON.stringify(parsed)).toContain('<script>window.__pwned=1;alert(1)</script>');
    expect(embedJson({ a: '</script><!-- \u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!-- \\u2028"}');
  });

  it('escapes hostile file, rep, gate and error text in the static overview', () => {
    const evil = '<b onmouseover="x()">Eve</b>';
    const report: Report = structuredClone(sampleReport);
    report.calls[0]!.file = `${evil}.vtt`;
    report.calls[0]!.speakers[0]!.name = evil;
    report.errors[0]!.message = evil;
    report.gates![0]!.message = evil;
    const out = formatHtml(report, { color: false });
    expect(out).not.toContain('<b onmouseover');
    expect(out.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/<[^>]*\son[a-z]+=/i);
  });

  it('draws the rep comparison on score, talk share, questions and habits, linking each rep to their calls', () => {
    expect(html).toMatch(/<th class="num">Seller talk<\/th><th class="num">Questions \(open\)<\/th><th>Habits<\/th>/);
    expect(html).toMatch(/<a href="#rep=[^"]+">/);
  });

  it('keeps one call as the static page', () => {
    const one = formatHtml({ ...sampleReport, calls: [sampleReport.calls[0]!], errors: [] }, { color: false });
    expect(one).not.toMatch(/<script/);
    expect(one).toContain('<section class="call"');
  });
});
