/**
 * The command line: parse arguments, run a subcommand (one module each in src/cli/), and decide the
 * exit code. This is the only module that decides exit codes: 0 every input analyzed and every gate
 * passed, 1 a quality gate failed, 2 a usage, input or output error (input errors win), 128+n on
 * signal n while writing (130 SIGINT, 143 SIGTERM, 129 SIGHUP);
 * `lsp` exits 0 after the protocol's shutdown and exit, 1 on exit without shutdown.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from './package.js';
import { errorLine, TEXTS, UserError } from './errors.js';
import { defaultIo, type Io } from './io/console.js';
import { discardTempFiles, onFirstTempFile } from './io/write.js';
import { withRemedy } from './cli/texts.js';

export type { Io } from './io/console.js';

/** What a subcommand did, for the exit code. */
export interface Outcome {
  /** Inputs that could not be read or parsed. */
  inputErrors: number;
  /** Quality gates that failed. */
  failedGates: number;
  /** `lsp`: the client sent exit without shutdown first, or went away (the protocol asks for exit code 1). */
  exitBeforeShutdown?: boolean;
}

/** How a subcommand hands back its outcome. */
export type Done = (outcome: Outcome) => void;

export const EXIT = { ok: 0, gateFailed: 1, error: 2, interrupted: 130, exitBeforeShutdown: 1 } as const;

/** Signals that end a run while output is being written: temp files are removed, then exit 128+n. */
export const INTERRUPTS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** The exit code of an outcome: input errors win over failed gates. */
export function exitCode(outcome: Outcome): number {
  if (outcome.exitBeforeShutdown) return EXIT.exitBeforeShutdown; // lsp (#17)
  if (outcome.inputErrors > 0) return EXIT.error;
  return outcome.failedGates > 0 ? EXIT.gateFailed : EXIT.ok;
}

const SUBCOMMANDS = ['analyze', 'merge', 'history', 'rules', 'explain', 'init', 'lsp'];

/** The first argument that is not a flag: the subcommand, when it is one. */
const subcommandOf = (argv: readonly string[]): string | undefined => argv.find((a) => !a.startsWith('-'));

/** Runs the CLI with `argv` (without node and script) in this process; resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let outcome: Outcome = { inputErrors: 0, failedGates: 0 };
  const done: Done = (o) => {
    outcome = o;
  };
  const program = new Command('buyerside')
    .description('Reads sales-call transcripts and shows, line by line, where the call was about the seller and where it was about the buyer.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run buyerside --help for usage)');
  // Load only the subcommand asked for (all of them for help): start-up time matters to CI jobs
  // that call buyerside per file, and `rules` needs none of the analysis modules.
  const sub = subcommandOf(argv);
  const wanted = (...names: string[]) => sub === undefined || !SUBCOMMANDS.includes(sub) || names.includes(sub);
  if (wanted('analyze')) (await import('./cli/analyze.js')).registerAnalyze(program, io, done);
  if (wanted('merge')) (await import('./cli/merge.js')).registerMerge(program, io, done);
  if (wanted('history')) (await import('./cli/history.js')).registerHistory(program, io, done);
  if (wanted('rules', 'explain')) (await import('./cli/rules.js')).registerRules(program, io, done);
  if (wanted('init')) (await import('./cli/init.js')).registerInit(program, io, done);
  if (wanted('lsp')) (await import('./cli/lsp.js')).registerLsp(program, done); // the language server (#17)

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.error;
    // Errors users cause are one line with exit code 2; anything else is a bug.
    if (e instanceof UserError) {
      io.err(errorLine(withRemedy(e.message, e.remedy)));
      return EXIT.error;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.syscall) {
      // Outputs fail as OutputErrors (a UserError); an errno error left here is a file we read.
      io.err(errorLine(TEXTS.cannotRead(err.path ?? '', err.code)));
      return EXIT.error;
    }
    throw e;
  }
  return exitCode(outcome);
}

/**
 * Runs the CLI as the process (bin/buyerside.js): sets the exit code, and on SIGINT, SIGTERM or
 * SIGHUP while output files are being written removes them and exits 128+n. Until a temp file
 * exists, a signal ends the process at once, as it would any other.
 */
export async function run(argv: string[]): Promise<void> {
  onFirstTempFile(() => {
    for (const [signal, n] of Object.entries(INTERRUPTS)) {
      process.once(signal, () => {
        discardTempFiles();
        process.exit(128 + n);
      });
    }
  });
  process.exitCode = await main(argv);
  // The language server ends when its protocol does (the protocol's exit notification, or the client
  // gone): no timer or handle an analysis left behind may keep an editor's server process alive.
  if (subcommandOf(argv) === 'lsp') process.exit(process.exitCode);
}
