/**
 * `buyerside init`: writes a commented .buyersiderc.yaml for the repository it runs in, asking
 * nothing. It reads the transcripts it finds (up to a limit), names the speakers the role detection
 * takes for sellers, and says on stderr what it found and what it wrote.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Done } from '../cli.js';
import type { Io } from '../io/console.js';
import { errorLine, UsageError } from '../errors.js';
import { CONFIG_NAMES } from '../config/load.js';
import { expandBatchInputs, displayPath } from '../io/inputs.js';
import { analyzeFile } from '../batch/file.js';
import { buildEngine } from '../rules/engine.js';

/** How many transcripts init reads to guess the sellers: enough to see each rep, quick in any repository. */
export const INIT_SAMPLE = 40;
const LEFT_OUT = ['**/node_modules/**', '**/.git/**', '**/dist/**'];

/** The sellers the detection found, most calls first, and the transcripts read. */
export function detectSellers(cwd: string): { sellers: string[]; files: string[] } {
  const found = expandBatchInputs(['.'], { exclude: LEFT_OUT, cwd });
  const files = found.files.slice(0, INIT_SAMPLE);
  const engine = buildEngine({ packs: [] });
  const calls = new Map<string, number>();
  for (const file of files) {
    const r = analyzeFile(file, { engine });
    if (!('score' in r) || !r.salesCall) continue; // notes and meetings name no sellers
    for (const role of r.roles) if (role.role === 'seller' && role.method !== 'script') calls.set(role.name, (calls.get(role.name) ?? 0) + 1);
  }
  const sellers = [...calls].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  return { sellers, files: files.map(displayPath) };
}

/** The config's text: every key, commented. */
export function initConfigText(sellers: readonly string[], files: number): string {
  const list = sellers.length ? sellers.map((s) => `  - ${JSON.stringify(s)}`).join('\n') : '  # - "Your Name"';
  return `# buyerside settings (docs: README.md, "Configuration"). Written by buyerside init.
# The sellers: everyone else in a call is a buyer. A call in which none of them speaks is an
# input error (exit 2), so a stale list cannot pass CI. ${sellers.length ? `Detected from ${files} transcript${files === 1 ? '' : 's'}: check them.` : 'None were detected: name yours, or delete the key to detect them in every call.'}
sellers:
${list}

# Gates for CI: a call that fails one makes buyerside exit 1.
thresholds:
  failUnder: 60          # any call scoring below this fails
  # maxSellerCentric: 10 # any call with more seller-centric findings than this fails
  # failOn: error        # any seller-centric finding of this severity (error or warning) fails
  # maxWarnings: 50      # the run fails with more seller-centric warnings and errors than this in all

# Rule settings by id ("off", "error", "warning" or "info"); buyerside rules lists them.
rules: {}
#   hype-to-wow: error

# The call type picks conversation-shape thresholds: discovery or demo.
# callType: discovery

# Rule pack folders, relative to this file.
# rulePacks:
#   - buyerside-rules

# Paths left out of the inputs (globs).
ignore:
  - "**/node_modules/**"
`;
}

export function registerInit(program: Command, io: Io, done: Done): void {
  program
    .command('init')
    .description('write a commented .buyersiderc.yaml here, with the sellers detected in the transcripts found (asks nothing)')
    .action(() => {
      const cwd = io.cwd ?? process.cwd();
      const existing = CONFIG_NAMES.map((n) => join(cwd, n)).find((f) => existsSync(f));
      if (existing) throw new UsageError(`${displayPath(existing)} already exists; init writes a config only where there is none`);
      const { sellers, files } = detectSellers(cwd);
      const target = join(cwd, '.buyersiderc.yaml');
      writeFileSync(target, initConfigText(sellers, files.length), { flag: 'wx' });
      io.err(errorLine(sellers.length ? `read ${files.length} transcript${files.length === 1 ? '' : 's'}; likely sellers: ${sellers.join(', ')} (check them in .buyersiderc.yaml)` : `read ${files.length} transcript${files.length === 1 ? '' : 's'}; no sellers detected: name yours in .buyersiderc.yaml`));
      io.err(errorLine('wrote .buyersiderc.yaml'));
      done({ inputErrors: 0, failedGates: 0 });
    });
}
