/**
 * The command line: parse arguments, call the library, format, write, set the exit code.
 * Exit codes: 0 every input analyzed, 1 a quality gate failed, 2 a usage or input error (input errors win).
 * One module per subcommand lives in src/commands/.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from './version.js';
import { errorLine, UserError } from './errors.js';
import { defaultIo, type Io } from './io/console.js';

export type { Io } from './io/console.js';

const SUBCOMMANDS = ['analyze', 'merge', 'rules', 'explain'];

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('buyerside')
    .description('Reads sales-call transcripts and shows, line by line, where the call was about the seller and where it was about the buyer.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run buyerside --help for usage)');
  // Load only the subcommand asked for (all of them for help): start-up time matters to CI jobs
  // that call buyerside per file, and `rules` needs none of the analysis modules.
  const sub = argv.find((a) => !a.startsWith('-'));
  const wanted = (...names: string[]) => sub === undefined || !SUBCOMMANDS.includes(sub) || names.includes(sub);
  if (wanted('analyze')) (await import('./cli/analyze.js')).registerAnalyze(program, io, setExit);
  if (wanted('merge')) (await import('./cli/merge.js')).registerMerge(program, io, setExit);
  if (wanted('rules', 'explain')) (await import('./cli/rules.js')).registerRules(program, io, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // Errors users cause are one line with exit code 2; anything else is a bug.
    if (e instanceof UserError) {
      io.err(errorLine((e as Error).message));
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).syscall) {
      // A file we were asked to write could not be written: one line, not a stack trace.
      const err = e as NodeJS.ErrnoException;
      io.err(errorLine(`${err.path ?? ''}: cannot write (${err.code})`));
      return 2;
    }
    throw e;
  }
  return exitCode;
}
