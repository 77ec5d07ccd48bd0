/** Analyzing one input file: read, parsed and analyzed, or an InputError; and the rules' metadata for reports. */
import type { CallReport, InputError, InputFormat, Rule, RuleMeta } from '../types.js';
import { InputProblem } from '../errors.js';
import { analyzeTranscript, type AnalyzeOptions } from '../analyze.js';
import { parseBytes } from '../transcript/index.js';
import { readInput } from '../io/read.js';
import { displayPath } from '../io/inputs.js';
import type { Engine } from '../rules/engine.js';

export interface RunOptions {
  engine: Engine;
  sellers?: readonly string[];
  /** Sellers per file, where names vary (from --roles). */
  sellersFor?: (file: string) => readonly string[] | undefined;
  format?: InputFormat | 'auto';
  columns?: Record<string, string>;
  callType?: string;
  maxBytes?: number;
  deepParse?: boolean;
}

/** Analyzes one input; never throws: an unreadable or malformed file becomes an InputError. */
export function analyzeFile(file: string, options: RunOptions): CallReport | InputError {
  const shown = displayPath(file);
  try {
    const bytes = readInput(file, options.maxBytes);
    const transcript = parseBytes(bytes, { fileName: file, ...(options.format ? { format: options.format } : {}), ...(options.columns ? { columns: options.columns } : {}) });
    const analyzeOptions: AnalyzeOptions = { file: shown, engine: options.engine };
    const sellers = options.sellersFor?.(file) ?? options.sellers;
    if (sellers?.length) analyzeOptions.sellers = sellers;
    if (options.callType) analyzeOptions.callType = options.callType;
    if (options.deepParse) analyzeOptions.deepParse = true;
    return analyzeTranscript(transcript, analyzeOptions);
  } catch (e) {
    if (e instanceof InputProblem) return { file: shown, ...(e.line ? { line: e.line } : {}), message: e.message, code: e.code };
    if (e instanceof RangeError) return { file: shown, message: `too large or too deeply nested to analyze (${e.message})`, code: 'E_TOO_LARGE' };
    return { file: shown, message: `internal error while analyzing: ${(e as Error).message}`, code: 'E_INTERNAL' };
  }
}

export function isInputError(x: CallReport | InputError): x is InputError {
  return !('score' in x);
}

/** The rules' metadata, carried in every report so that formatters need no lookups. */
export function ruleMeta(rules: readonly Rule[]): RuleMeta[] {
  return rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    focus: r.focus,
    category: r.category,
    severity: r.severity,
    description: r.description,
    suggestion: r.suggestion,
    ...(r.rationale ? { rationale: r.rationale } : {}),
    ...(r.evidence?.length ? { evidence: r.evidence } : {}),
  }));
}
