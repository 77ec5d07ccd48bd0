/** Analyzing one input file: read, parsed and analyzed into a CallReport, or an InputError. Never throws. */
import type { CallReport, InputError, InputFormat } from '../types.js';
import { InputProblem, TEXTS } from '../errors.js';
import { analyzeTranscript, type AnalyzeOptions } from '../analyze.js';
import { parseBytes } from '../transcript/index.js';
import { DEFAULT_MAX_BYTES, readInput } from '../io/read.js';
import { displayPath } from '../io/inputs.js';
import { buildEngine, type Engine, type RuleSource } from '../rules/engine.js';
import { loadRoles } from '../roles/file.js';

/** Sellers named by the caller, and where they were named (shown in the report, e.g. "--seller"). */
export interface GivenSellers {
  names: readonly string[];
  from: string;
}

/** The options a worker needs besides the rules; plain data, so that it can cross threads. */
export interface PlainRunOptions {
  sellers?: GivenSellers;
  format?: InputFormat | 'auto';
  columns?: Record<string, string>;
  callType?: string;
  maxBytes?: number;
  deepParse?: boolean;
  /** Judge every input as a sales call. */
  sales?: boolean;
  /** --stdin-filename: the name standard input is shown, detected and matched as. */
  stdinName?: string;
}

/** The options of a run: the plain ones, with the engine and a seller lookup that stay in their thread. */
export interface RunOptions extends PlainRunOptions {
  engine: Engine;
  /** Sellers per file, where names vary (a roles file); undefined for a file it does not name. */
  sellersFor?: (file: string) => GivenSellers | undefined;
}

/** Everything needed to analyze files, as plain data: the same in the main thread and in each worker. */
export interface WorkerSetup {
  rules: RuleSource;
  run: PlainRunOptions;
  /** A roles file naming the sellers per file (checked by the caller before the batch starts). */
  rolesFile?: string;
}

/** Compiles the rules and reads the roles file: done once per thread. */
export function prepareRun(setup: WorkerSetup): RunOptions {
  const options: RunOptions = { engine: buildEngine(setup.rules), ...setup.run };
  if (setup.rolesFile) {
    const lookup = loadRoles(setup.rolesFile);
    const from = setup.rolesFile;
    options.sellersFor = (file) => {
      const names = lookup(file);
      return names ? { names, from } : undefined;
    };
  }
  return options;
}

/**
 * Analysis holds about a hundred bytes per character of speech (tokens, sentences, features), so a
 * file under the size limit could still need gigabytes: a 40 MB JSON file of one string did. The
 * speech one call may hold is therefore bounded by the size limit too: an eighth of it in characters
 * (6.5 million at the default 50 MB, over a hundred hours of talk), and a turn per 64 bytes.
 */
export function speechBudget(maxBytes = DEFAULT_MAX_BYTES): { chars: number; turns: number } {
  return { chars: Math.floor(maxBytes / 8), turns: Math.floor(maxBytes / 64) };
}

/** Refuses a transcript holding more speech than one call's analysis may (see speechBudget). */
function checkBudget(turns: ReadonlyArray<{ text: string }>, maxBytes: number | undefined): void {
  const budget = speechBudget(maxBytes);
  if (turns.length > budget.turns) {
    throw new InputProblem('E_TOO_LARGE', `the transcript has ${turns.length.toLocaleString('en-US')} turns, over the ${budget.turns.toLocaleString('en-US')} one call may hold at this size limit`, undefined, 'max-size');
  }
  let chars = 0;
  for (const t of turns) chars += t.text.length;
  if (chars > budget.chars) {
    throw new InputProblem('E_TOO_LARGE', `the transcript holds ${(chars / 1e6).toFixed(1)} million characters of speech, over the ${(budget.chars / 1e6).toFixed(1)} million one call may hold at this size limit`, undefined, 'max-size');
  }
}

/** Analyzes one input; an unreadable or malformed file becomes an InputError. */
export function analyzeFile(file: string, options: RunOptions): CallReport | InputError {
  const named = file === '-' && options.stdinName ? options.stdinName : undefined;
  const shown = named ?? displayPath(file);
  try {
    const bytes = readInput(file, options.maxBytes);
    const transcript = parseBytes(bytes, { fileName: named ?? file, ...(options.format ? { format: options.format } : {}), ...(options.columns ? { columns: options.columns } : {}) });
    checkBudget(transcript.turns, options.maxBytes);
    const analyzeOptions: AnalyzeOptions = { file: shown, engine: options.engine };
    const sellers = options.sellersFor?.(named ?? file) ?? options.sellers;
    if (sellers?.names.length) {
      analyzeOptions.sellers = sellers.names;
      analyzeOptions.sellersFrom = sellers.from;
    }
    if (options.callType) analyzeOptions.callType = options.callType;
    if (options.deepParse) analyzeOptions.deepParse = true;
    if (options.sales) analyzeOptions.sales = true;
    return analyzeTranscript(transcript, analyzeOptions);
  } catch (e) {
    if (e instanceof InputProblem) return { file: shown, ...(e.line ? { line: e.line } : {}), message: e.message, code: e.code, ...(e.remedy ? { remedy: e.remedy } : {}) };
    if (e instanceof RangeError) return { file: shown, message: TEXTS.tooDeep(e.message), code: 'E_TOO_LARGE' };
    return { file: shown, message: TEXTS.internal((e as Error).message), code: 'E_INTERNAL' };
  }
}
