/** The library: analyze a transcript into a CallReport; parse transcripts; load rules. */
export { analyze, analyzeTranscript, builtinEngine, type AnalyzeOptions } from './analyze.js';
export { parseText, parseBytes, SUPPORTED_FORMATS, type ParseOptions } from './transcript/index.js';
export { loadRules, readPackDir, buildRules } from './rules/load.js';
export { compileRules, type Engine } from './rules/engine.js';
export { InputProblem } from './errors.js';
export { FORMATTERS, type FormatName } from './format/index.js';
export type * from './types.js';
