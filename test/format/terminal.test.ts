// The terminal report of each sample call, compared with the golden file beside it
// (fixtures/calls/NAME.expected.txt; UPDATE_GOLDEN=1 rewrites them), and the README's example against its golden.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, ROOT } from '../support/cli.js';

const CALLS = join(FIXTURES, 'calls');
/** The arguments each sample call is shown with: the README names the seller of the buyer-led call. */
const ARGS: Record<string, string[]> = { 'discovery-call-buyer-led.txt': ['--seller', 'Dana'] };

const calls = readdirSync(CALLS).filter((f) => f.endsWith('.txt') && !f.includes('.expected.'));

async function render(file: string): Promise<string> {
  const run = await cli(['analyze', `fixtures/calls/${file}`, ...(ARGS[file] ?? [])]);
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('the terminal report of a sample call', () => {
  it.each(calls)('%s', async (file) => {
    const actual = await render(file);
    const golden = join(CALLS, file.replace(/\.txt$/, '.expected.txt'));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, actual);
    expect(existsSync(golden), `${golden} is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });

  it("matches the README's example, line for line up to its ellipsis", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## Example\n\n```\n\$ npx buyerside analyze (\S+) --seller Dana\n([\s\S]*?)\n  \.\.\.\n```/.exec(readme);
    expect(block, 'the README has an example block').not.toBeNull();
    const golden = readFileSync(join(ROOT, block![1]!.replace(/\.txt$/, '.expected.txt')), 'utf8').split('\n');
    expect(block![2]!.split('\n')).toEqual(golden.slice(0, block![2]!.split('\n').length));
  });
});
