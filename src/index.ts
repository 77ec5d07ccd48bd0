/**
 * The library: analyze a transcript into a CallReport, put calls into a Report, and format it; parse
 * transcripts; load, validate and compile rule packs; check gates and baselines. No function here
 * prints, exits or names a command-line flag.
 */
export { analyze, analyzeTranscript, builtinEngine, type AnalyzeOptions } from './analyze.js';
export { analyzeFile, type RunOptions, type GivenSellers } from './batch/file.js';
export { parseText, parseBytes, SUPPORTED_FORMATS, type ParseOptions } from './transcript/index.js';
export { loadRules, readPackDir, buildRules, checkPattern } from './rules/load.js';
export { compileRules, buildEngine, loadConfiguredRules, type Engine, type RuleSource } from './rules/engine.js';
export { KINDS } from './kinds/index.js';
export { createReport, ruleMeta, type ReportParts } from './report/report.js';
export { summarize, SummaryBuilder, type Summary } from './report/summary.js';
export { checkGates, type GateSettings } from './report/gates.js';
export { Baseline, BaselineWriter } from './report/baseline.js';
export { FORMATTERS, type FormatName } from './format/index.js';
export type { Formatter, FormatOptions } from './format/types.js';
export { InputProblem, UserError, UsageError, ConfigError, RuleError, RolesError, BaselineError, type ErrorCode, type Remedy } from './errors.js';
export type * from './types.js';
export { JOURNEY_STEPS } from './types.js';
