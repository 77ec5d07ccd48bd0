/**
 * The command line: parse arguments, call the library, format, write, set the exit code.
 * Exit codes: 0 every input analyzed, 1 a quality gate failed, 2 a usage or input error.
 */
import { Command, Option, CommanderError } from 'commander';
import { writeSync } from 'node:fs';
import type { InputError, InputFormat, Report } from './types.js';
import { VERSION } from './version.js';
import { expandInputs } from './io/inputs.js';
import { analyzeFile, buildReport } from './run.js';
import { compileRules } from './analysis/engine.js';
import { loadRules } from './rules/load.js';
import { RuleError } from './rules/validate.js';
import { FORMATTERS, type FormatName } from './format/index.js';
import { SUPPORTED_FORMATS } from './transcript/index.js';
import { explainRule } from './explain.js';
import { DEFAULT_MAX_BYTES } from './io/read.js';

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = {
  out: (t) => writeAll(1, t),
  err: (t) => writeAll(2, t),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
      throw e;
    }
  }
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function useColor(io: Io, flag: boolean | undefined): boolean {
  if (flag === false || 'NO_COLOR' in io.env) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('buyerside')
    .description('Reads sales-call transcripts and shows, line by line, where the call was about the seller and where it was about the buyer.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run buyerside --help for usage)');

  program
    .command('analyze')
    .description('analyze transcripts (files, folders, or - for standard input) and print a report')
    .argument('<paths...>', 'transcript files, folders, or - for standard input')
    .option('-s, --seller <name>', 'a seller speaker name (repeatable, or comma-separated); everyone else is a buyer', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATTERS)).default('terminal'))
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(['auto', ...SUPPORTED_FORMATS]).default('auto'))
    .option('--columns <mapping>', 'CSV/TSV column names, e.g. speaker=Who,text=Utterance')
    .option('--call-type <type>', 'call type for conversation-shape thresholds (discovery, demo)')
    .option('--rules <dir>', 'an extra rule pack folder (repeatable)', collect, [])
    .option('--max-size <mb>', `largest input file in MB (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, (v) => Number(v))
    .option('--no-color', 'never colour the output')
    .action((paths: string[], opts) => {
      exitCode = runAnalyze(paths, opts, io);
    });

  program
    .command('rules')
    .description('list the rules')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .option('--rules <dir>', 'an extra rule pack folder (repeatable)', collect, [])
    .action((opts) => {
      exitCode = runRules(opts, io);
    });

  program
    .command('explain')
    .description('explain a rule: what it looks for, why, examples and the better phrasing')
    .argument('<rule-id>')
    .option('--rules <dir>', 'an extra rule pack folder (repeatable)', collect, [])
    .action((id: string, opts) => {
      exitCode = withRules(opts.rules, io, (loaded) => {
        const rule = loaded.rules.find((r) => r.id === id);
        if (!rule) {
          io.err(`buyerside: no rule "${id}" (run buyerside rules for the list)\n`);
          return 2;
        }
        io.out(explainRule(rule));
        return 0;
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}

function withRules(dirs: string[], io: Io, fn: (loaded: ReturnType<typeof loadRules>) => number): number {
  let loaded;
  try {
    loaded = loadRules(dirs);
  } catch (e) {
    if (e instanceof RuleError) {
      io.err(`buyerside: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return fn(loaded);
}

function runRules(opts: { format: string; rules: string[] }, io: Io): number {
  return withRules(opts.rules, io, (loaded) => {
    if (opts.format === 'json') {
      const list = loaded.rules.map((r) => ({ id: r.id, kind: r.kind, focus: r.focus, category: r.category, severity: r.severity, description: r.description }));
      io.out(JSON.stringify(list, null, 2) + '\n');
    } else {
      for (const r of loaded.rules) io.out(`${r.id.padEnd(26)} ${r.focus.padEnd(16)} ${r.category.padEnd(18)} ${r.description}\n`);
    }
    return 0;
  });
}

interface AnalyzeFlags {
  seller: string[];
  format: FormatName;
  inputFormat: string;
  columns?: string;
  callType?: string;
  rules: string[];
  maxSize?: number;
  color?: boolean;
}

function runAnalyze(paths: string[], opts: AnalyzeFlags, io: Io): number {
  let columns: Record<string, string> | undefined;
  if (opts.columns) {
    columns = Object.create(null) as Record<string, string>;
    for (const pair of opts.columns.split(',')) {
      const [k, v] = pair.split('=').map((s) => s.trim());
      if (!k || !v || !['speaker', 'text', 'start', 'end'].includes(k)) {
        io.err(`buyerside: --columns expects speaker=NAME,text=NAME[,start=NAME,end=NAME], got "${pair}"\n`);
        return 2;
      }
      columns[k] = v;
    }
  }
  if (opts.maxSize !== undefined && !(opts.maxSize > 0)) {
    io.err('buyerside: --max-size expects a positive number of megabytes\n');
    return 2;
  }
  return withRules(opts.rules, io, (loaded) => {
    const engine = compileRules(loaded);
    const inputs = expandInputs(paths);
    const pathErrors: InputError[] = inputs.problems.map((p) => ({ file: p.file, message: p.message, code: 'E_READ' }));
    const results = inputs.files.map((file) =>
      analyzeFile(file, {
        engine,
        sellers: opts.seller,
        format: opts.inputFormat as InputFormat | 'auto',
        ...(columns ? { columns } : {}),
        ...(opts.callType ? { callType: opts.callType } : {}),
        ...(opts.maxSize ? { maxBytes: opts.maxSize * 1024 * 1024 } : {}),
      }),
    );
    const report: Report = buildReport(results, pathErrors, engine);
    if (inputs.files.length === 0 && pathErrors.length === 0) {
      io.err(`buyerside: no transcripts found in ${paths.join(', ')}${inputs.skipped ? ` (${inputs.skipped} other files skipped)` : ''}\n`);
      return 2;
    }
    const color = useColor(io, opts.color);
    io.out(FORMATTERS[opts.format](report, { color, width: process.stdout.columns ?? 100 }));
    if (opts.format !== 'terminal') for (const e of report.errors) io.err(`buyerside: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
    return report.errors.length > 0 ? 2 : 0;
  });
}
