/**
 * One document's findings as LSP diagnostics: the same analysis as `analyze` (parse, roles, rules,
 * suppressions) on the editor's text, each finding placed at its match, severity from its rule,
 * its rule id as the code with a link to the rule's file. Pure: document and setup in, results out.
 */
import { basename, extname } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CallReport, Finding, Severity } from '../types.js';
import { parseText } from '../transcript/index.js';
import { analyzeTranscript, type AnalyzeOptions } from '../analyze.js';
import { InputProblem } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../io/read.js';
import type { LspSettings } from './settings.js';
import type { Setup } from './workspace.js';
import { matchRange } from './range.js';

/** A finding shown in the editor, with where it is and the diagnostic that shows it. */
export interface Shown {
  finding: Finding;
  range: Range;
  diagnostic: Diagnostic;
}

export type DocumentResult =
  | { shown: Shown[]; report: CallReport; warnings: string[] }
  /** Nothing to show, and why (for the client's log): not a transcript, too large, ignored by the config, not judged. */
  | { shown: []; skipped: string };

export const SOURCE = 'buyerside';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Language ids and file extensions the server analyzes: Markdown and plain text. */
const LANGUAGES = new Set(['markdown', 'plaintext', 'text']);
const EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.text']);

/** Whether the server analyzes a document: Markdown and text, by language id or file extension. */
export function isScript(doc: TextDocument, path: string | undefined): boolean {
  return LANGUAGES.has(doc.languageId) || (path !== undefined && EXTENSIONS.has(extname(path).toLowerCase()));
}

/**
 * Analyzes a document's current text. Seller-centric findings become diagnostics of their rule's
 * severity; buyer-ownership findings become hints only with `showStrengths`; findings accepted by a
 * `buyerside-disable-next-line` directive are not shown. Never throws on the document's content.
 */
export function diagnose(doc: TextDocument, options: { path?: string; setup: Setup; settings: LspSettings }): DocumentResult {
  const { path, setup, settings } = options;
  if (setup.ignored) return { shown: [], skipped: 'left out by the config file\'s "ignore"' };
  const text = doc.getText();
  if (Buffer.byteLength(text) > DEFAULT_MAX_BYTES) return { shown: [], skipped: `larger than ${DEFAULT_MAX_BYTES / 1024 / 1024} MB` };
  // Format detection reads the file name, as `analyze` does; an unsaved document is named by its language.
  const fileName = path ?? (doc.languageId === 'markdown' ? 'untitled.md' : 'untitled.txt');
  let report: CallReport;
  try {
    const analyzeOptions: AnalyzeOptions = { file: basename(fileName), engine: setup.engine };
    const config = setup.config;
    if (config?.sellers?.length) {
      analyzeOptions.sellers = config.sellers;
      analyzeOptions.sellersFrom = basename(config.file);
    }
    if (config?.callType) analyzeOptions.callType = config.callType;
    report = analyzeTranscript(parseText(text, { fileName }), analyzeOptions);
  } catch (e) {
    if (e instanceof InputProblem) return { shown: [], skipped: e.message };
    throw e;
  }
  // Issue #18: calls that are not sales calls, or not in English, are not judged (score null, no findings).
  const judged = report as CallReport & { score: number | null; salesCallReasons?: string[]; language?: string };
  if (judged.score === null) {
    const why = [...(judged.salesCallReasons ?? []), ...(judged.language && judged.language !== 'en' ? [`language ${judged.language}`] : [])];
    return { shown: [], skipped: `not judged${why.length ? ` (${why.join('; ')})` : ''}` };
  }
  const shown: Shown[] = [];
  for (const finding of report.findings) {
    if (finding.suppressed) continue;
    const strength = finding.kind === 'buyer-ownership';
    if (strength && !settings.showStrengths) continue;
    const range = matchRange(doc, finding);
    const link = setup.links.get(finding.ruleId);
    const diagnostic: Diagnostic = {
      range,
      severity: strength ? DiagnosticSeverity.Hint : SEVERITY[finding.severity],
      code: finding.ruleId,
      ...(link ? { codeDescription: { href: link } } : {}),
      source: SOURCE,
      message: finding.message,
    };
    shown.push({ finding, range, diagnostic });
  }
  shown.sort((a, b) => compareRanges(a.range, b.range) || (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0));
  return { shown, report, warnings: report.warnings };
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}
