/** CSV with one row per input file (analysed or failed), for spreadsheets and BI tools. */
import type { Formatter } from './types.js';
import { csvRow, round } from './escape.js';
import { formatStreamed, StreamSummary, type StreamFormatter } from './stream.js';

/**
 * The columns, in order; a stable contract for people who import the file.
 * - file: the input path as given
 * - status: ok | not-judged (not a sales call, or not in English: no score, the reason in `error`) | failed
 * - sellers: seller names joined by "; "
 * - score: 0..100, empty when not judged
 * - seller_talk_share: 0..1, share of words spoken by sellers (3 decimals)
 * - seller_questions, open_questions: questions the sellers asked, and how many were open
 * - longest_monologue_words: the seller's longest uninterrupted stretch
 * - seller_centric, buyer_ownership: counted findings (suppressed ones excluded)
 * - top_issue: the most frequent seller-centric rule id
 * - error: for failed files, "CODE: message" (with the line when known)
 */
export const CSV_COLUMNS = [
  'file',
  'status',
  'sellers',
  'score',
  'seller_talk_share',
  'seller_questions',
  'open_questions',
  'longest_monologue_words',
  'seller_centric',
  'buyer_ownership',
  'top_issue',
  'error',
] as const;

/** Calls in summary order (options.sort), then failed files in input order; a row at a time, from the summary alone. */
export const streamCsv: StreamFormatter = (rules, options) => {
  const rows = new StreamSummary(rules, options.sort);
  return {
    inOrder: false,
    part: () => '',
    taken: (call) => rows.add(call),
    end(out, report) {
      const summary = rows.result(report.errors);
      out.write(csvRow(CSV_COLUMNS));
      for (const row of summary.calls) {
        out.write(csvRow([
          row.file,
          row.score === null ? 'not-judged' : 'ok',
          row.sellers.join('; '),
          row.score,
          round(row.sellerTalkShare, 3),
          row.sellerQuestions,
          row.openQuestions,
          row.longestMonologueWords,
          row.sellerCentric,
          row.buyerOwnership,
          row.topIssue?.ruleId ?? '',
          row.notJudged ?? '',
        ]));
      }
      for (const error of summary.failed) {
        const where = error.line ? `line ${error.line}: ` : '';
        const code = error.code ? `${error.code}: ` : '';
        out.write(csvRow([error.file, 'failed', '', null, null, null, null, null, null, null, '', `${code}${where}${error.message}`]));
      }
    },
  };
};

export const formatCsv: Formatter = (report, options) => formatStreamed(streamCsv, report, options);
