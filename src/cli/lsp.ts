/** `buyerside lsp --stdio`: the language server for editors (src/lsp/), over standard input and output. */
import type { Command } from 'commander';
import type { Done } from '../cli.js';
import { UsageError } from '../errors.js';

export function registerLsp(program: Command, done: Done): void {
  program
    .command('lsp')
    .description('run the language server for editors: findings, hovers and quick fixes while writing Markdown and text scripts')
    .option('--stdio', 'speak the Language Server Protocol over standard input and output (the only transport)')
    .action(async (opts: { stdio?: boolean }) => {
      if (!opts.stdio) throw new UsageError('the language server speaks over standard input and output: start it from an editor as buyerside lsp --stdio (see the README)');
      // Loaded here, so that `buyerside --help` does not load the protocol packages.
      const { serveStdio } = await import('../lsp/server.js');
      const end = await serveStdio();
      done({ inputErrors: 0, failedGates: 0, ...(end.shutdown ? {} : { exitBeforeShutdown: true }) });
    });
}
