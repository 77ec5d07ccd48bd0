/** SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers: rules, results, and input errors and failed gates as notifications. */
import { createHash } from 'node:crypto';
import { ALL_CALLS, type Finding, type GateResult, type InputError, type Report, type RuleMeta, type Severity } from '../types.js';
import type { FormatOptions, Formatter } from './types.js';
import { nestedJson, type StreamFormatter } from './stream.js';
import type { CallReport } from '../types.js';
import { escapeMarkdown, portablePath } from './escape.js';
import { annotatedFindings, isStrength } from './annotations.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** Where code-scanning viewers link the tool name to. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/buyerside';
/** Key of our partialFingerprints entry; bump the suffix if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'buyersideMatch/v1';

export type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifLevel(severity: Severity): SarifLevel {
  return LEVELS[severity] ?? 'warning';
}

/** "seller-we-talk" -> "SellerWeTalk": SARIF wants a readable identifier for `name`, distinct from the opaque id. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * A URI reference for a file: relative paths stay relative (resolved against %SRCROOT%, the repository root in
 * code scanning), each segment percent-encoded so spaces and `#` survive; absolute paths become file:// URIs.
 */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const path = portablePath(file);
  // encodeURI keeps readable sub-delimiters (=, &, +) but leaves ? and #, which would end the path part.
  // Lone surrogates would make encodeURI throw, so they become U+FFFD first.
  const encode = (p: string) =>
    encodeURI(p.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
      .replace(/\?/g, '%3F')
      .replace(/#/g, '%23');
  if (path.startsWith('/')) return { uri: `file://${encode(path)}` };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encode(path)}` };
  // A colon in a relative path would read as a scheme ("javascript:alert(1).txt"), so it is encoded too.
  return { uri: encode(path).replace(/:/g, '%3A'), uriBaseId: '%SRCROOT%' };
}

function sarifRule(rule: RuleMeta) {
  const helpText = [rule.description, rule.suggestion, rule.rationale].filter(Boolean).join('\n\n');
  const helpMarkdown = [
    `**${escapeMarkdown(rule.description)}**`,
    `Suggestion: ${escapeMarkdown(rule.suggestion)}`,
    ...(rule.rationale ? [`Why: ${escapeMarkdown(rule.rationale)}`] : []),
  ].join('\n\n');
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale ? `${rule.description} ${rule.rationale}` : rule.description },
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: { tags: ['buyerside', rule.focus, rule.category], category: rule.category, kind: rule.kind, focus: rule.focus },
  };
}

/** Stands in for a rule the report's metadata lacks, so every result still has a valid ruleIndex. */
function placeholderRule(f: Finding): RuleMeta {
  return { id: f.ruleId, kind: 'phrase', focus: f.kind, category: f.category, severity: f.severity, description: f.message, suggestion: f.suggestion };
}

/**
 * Stable across runs and unrelated edits: the rule, the file, the matched words (case and spacing folded) and
 * which occurrence of that pair it is, so two identical phrases in one file stay two alerts.
 */
function fingerprint(file: string, f: Finding, occurrence: number): string {
  const match = (f.match || f.text).toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${f.ruleId}\0${portablePath(file)}\0${match}\0${occurrence}`).digest('hex').slice(0, 32);
}

/** The matched words' region, with the sentence as its snippet. */
function region(f: Finding) {
  return {
    startLine: f.line,
    ...(f.column !== undefined ? { startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } : {}),
    snippet: { text: f.text },
  };
}

/** Where a gate points: the file it names, or nowhere for a gate about the whole run. */
function gateLocations(gate: GateResult) {
  return gate.file === ALL_CALLS ? [] : [{ physicalLocation: { artifactLocation: artifactUri(gate.file) } }];
}

/** A failed gate, as a notification about the run, located at the file it names. */
function gateNotification(gate: GateResult) {
  return {
    level: 'error' as const,
    message: { text: `${gate.file}: ${gate.gate}: ${gate.message}` },
    descriptor: { id: `gate/${gate.gate}` },
    locations: gateLocations(gate),
  };
}

/** The rule a failed gate's result refers to, so code scanning shows what the gate is. */
function gateRule(gate: string) {
  const text = `buyerside quality gate ${gate} failed (set by a flag or the config's thresholds)`;
  return {
    id: `gate/${gate}`,
    name: `Gate${ruleName(gate)}`,
    shortDescription: { text: `Quality gate ${gate}` },
    fullDescription: { text },
    help: { text, markdown: escapeMarkdown(text) },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['buyerside', 'gate'], category: 'gate' },
  };
}

/** The run's exit code as the CLI decides it: 2 an input error, 1 a failed gate, 0 clean. */
function exitCode(report: Report): number {
  return report.errors.length > 0 ? 2 : (report.gates?.length ?? 0) > 0 ? 1 : 0;
}

function notification(error: InputError) {
  return {
    level: 'error' as const,
    message: { text: `${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}` },
    ...(error.code ? { descriptor: { id: error.code } } : {}),
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactUri(error.file),
          ...(error.line ? { region: { startLine: error.line } } : {}),
        },
      },
    ],
  };
}

/** The rules a run's results point into: the report's, then a placeholder for each rule id they lack, in the order results meet them. */
class RuleIndex {
  readonly rules: RuleMeta[];
  private readonly index: Map<string, number>;
  constructor(rules: readonly RuleMeta[]) {
    this.rules = [...rules];
    this.index = new Map(this.rules.map((r, i) => [r.id, i]));
  }
  of(f: Finding): number {
    let i = this.index.get(f.ruleId);
    if (i === undefined) {
      i = this.rules.length;
      this.index.set(f.ruleId, i);
      this.rules.push(placeholderRule(f));
    }
    return i;
  }
}

/** One call's results, in its findings' order. */
function callResults(call: CallReport, rules: RuleIndex, options: FormatOptions) {
  const seen = new Map<string, number>();
  return annotatedFindings(call, options).map((f) => {
    const ruleIndex = rules.of(f);
    const key = `${f.ruleId}\0${f.match.toLowerCase()}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      ruleId: f.ruleId,
      ruleIndex,
      level: isStrength(f) ? 'note' : sarifLevel(f.severity),
      ...(f.new === true ? { baselineState: 'new' } : {}),
      // Code scanning rejects results with an empty message, so the rule id stands in when a pack leaves it blank.
      message: { text: [f.message, f.suggestion].filter(Boolean).join(' ') || f.ruleId },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactUri(call.file),
            // The region is the matched words in the file; findings about the call as a whole point at the file.
            ...(f.line !== undefined ? { region: region(f) } : {}),
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(call.file, f, occurrence) },
      properties: {
        kind: f.kind,
        category: f.category,
        speaker: f.speaker,
        match: f.match,
        ...(f.time !== undefined ? { time: f.time } : {}),
        ...(f.scope ? { scope: f.scope } : {}),
      },
      ...(f.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
    };
  });
}

/** Failed gates are results too (code scanning shows results, not notifications), after every call's. */
function gateResults(report: Report, firstGateRule: number) {
  const gateRules = [...new Set((report.gates ?? []).map((g) => g.gate))];
  const gateIndex = new Map(gateRules.map((g, i) => [g, firstGateRule + i]));
  const results = (report.gates ?? []).map((g) => ({
    ruleId: `gate/${g.gate}`,
    ruleIndex: gateIndex.get(g.gate)!,
    level: 'error' as const,
    message: { text: `${g.gate}: ${g.message}` },
    locations: gateLocations(g),
    partialFingerprints: { [FINGERPRINT_KEY]: createHash('sha256').update(`gate/${g.gate}\0${portablePath(g.file)}`).digest('hex').slice(0, 32) },
    properties: { gate: g.gate, file: g.file },
  }));
  return { gateRules, results };
}

/** The log around its results: everything but the calls' results depends on the run as a whole. */
function sarifLog(report: Report, rules: RuleIndex, gateRules: string[], results: unknown) {
  const code = exitCode(report);
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: [...rules.rules.map(sarifRule), ...gateRules.map(gateRule)],
          },
        },
        invocations: [
          {
            // Successful when every input was analyzed; a failed gate is a finding of the run, not a failure of it.
            executionSuccessful: report.errors.length === 0,
            exitCode: code,
            exitCodeDescription: ['every input analyzed and every gate passed', 'a quality gate failed', 'an input could not be analyzed'][code],
            toolExecutionNotifications: [...report.errors.map(notification), ...(report.gates ?? []).map(gateNotification)],
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The report as a SARIF log with one run; pretty-printed JSON. */
export const formatSarif: Formatter = (report, options) => {
  const rules = new RuleIndex(report.rules);
  const results: unknown[] = report.calls.flatMap((call) => callResults(call, rules, options));
  const gates = gateResults(report, rules.rules.length);
  return JSON.stringify(sarifLog(report, rules, gates.gateRules, [...results, ...gates.results]), null, 2) + '\n';
};

/** Depth of a result in the log (log, runs, the run, results), for its pretty-printed indentation. */
const RESULT_DEPTH = 4;
/** Stands in for the results while the log around them is printed; the last key of the log, so found from the end. */
const RESULTS_HOLE = '\u0000results\u0000';

/** The same log with each call's results made as the call arrives and kept; the rules and invocations need the whole run first. */
export const streamSarif: StreamFormatter = (reportRules, options) => {
  const rules = new RuleIndex(reportRules);
  const pad = '  '.repeat(RESULT_DEPTH);
  return {
    inOrder: false,
    part: (call) => callResults(call, rules, options).map((r) => nestedJson(r, RESULT_DEPTH)).join(`,\n${pad}`),
    end(out, report, parts) {
      const gates = gateResults(report, rules.rules.length);
      const text = JSON.stringify(sarifLog(report, rules, gates.gateRules, RESULTS_HOLE), null, 2) + '\n';
      const hole = text.lastIndexOf(JSON.stringify(RESULTS_HOLE));
      out.write(text.slice(0, hole));
      let any = false;
      const next = () => {
        out.write(`${any ? ',' : '['}\n${pad}`);
        any = true;
      };
      for (let i = 0; i < parts.count; i++) {
        const part = parts.read(i);
        if (!part) continue;
        next();
        out.write(part);
      }
      for (const g of gates.results) {
        next();
        out.write(nestedJson(g, RESULT_DEPTH));
      }
      out.write(any ? `\n${'  '.repeat(RESULT_DEPTH - 1)}]` : '[]');
      out.write(text.slice(hole + JSON.stringify(RESULTS_HOLE).length));
    },
  };
};
