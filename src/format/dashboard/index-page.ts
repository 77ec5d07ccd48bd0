/** The --out-dir index: the batch overview, then one row per call linking to that call's own page. Static: no script. */
import type { Report } from '../../types.js';
import { summarize } from '../../report/summary.js';
import { escapeHtml as h, percent } from '../escape.js';
import { CSS, HTML_CSP } from '../html.js';
import { overview } from './page.js';

/** `pages` maps each call's file to its page's name in the same folder. */
export function formatHtmlIndex(report: Report, pages: ReadonlyMap<string, string>, sort?: string): string {
  const summary = summarize(report.calls, report.errors, report.rules, { sort });
  const rows = summary.calls.map((r) => {
    const page = pages.get(r.file);
    const name = page ? `<a href="${h(encodeURI(page).replace(/[?#]/g, encodeURIComponent))}">${h(r.file)}</a>` : h(r.file);
    return (
      `<tr><td>${name}</td><td>${h(r.sellers.join(', '))}</td><td class="num">${r.score ?? 'not judged'}</td><td class="num">${percent(r.sellerTalkShare)}</td>` +
      `<td class="num">${r.sellerQuestions} (${r.openQuestions})</td><td class="num">${r.sellerCentric}</td><td>${r.topIssue ? `<code>${h(r.topIssue.ruleId)}</code> ×${r.topIssue.count}` : '—'}</td></tr>`
    );
  });
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
    `<title>${h(report.tool.name)} report</title>\n<style>${CSS}.scroll{overflow-x:auto}@media (max-width:640px){main{padding:8px}}</style>\n</head>\n<body>\n<main>\n` +
    overview(report, summary).replace(/<a href="#rep=[^"]*">([^<]*)<\/a>/g, '$1') +
    `<section><h2>Calls</h2><div class="scroll"><table class="summary"><thead><tr><th>File</th><th>Sellers</th><th class="num">Score</th><th class="num">Seller talk</th><th class="num">Questions (open)</th><th class="num">Seller-centric</th><th>Top issue</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>` +
    '\n</main>\n</body>\n</html>\n'
  );
}
