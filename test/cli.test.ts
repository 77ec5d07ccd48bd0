// The command line decides the exit code from what the subcommand did, words problems with its own
// flag names, and says in the report where given sellers were named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCode } from '../src/cli.js';
import { cli, CONVERSATION, report, tempDir } from './support/cli.js';

describe('exit codes', () => {
  it('are 0 when all went well, 1 for a failed gate, 2 when an input failed (input errors win)', () => {
    expect(exitCode({ inputErrors: 0, failedGates: 0 })).toBe(EXIT.ok);
    expect(exitCode({ inputErrors: 0, failedGates: 3 })).toBe(EXIT.gateFailed);
    expect(exitCode({ inputErrors: 1, failedGates: 3 })).toBe(EXIT.error);
    expect([EXIT.ok, EXIT.gateFailed, EXIT.error, EXIT.interrupted]).toEqual([0, 1, 2, 130]);
  });

  it('are 2 for a usage error the subcommand throws, printed as one line with the remedy in flag words', async () => {
    const r = await cli(['explain', 'no-such-rule']);
    expect([r.code, r.stderr]).toEqual([2, 'buyerside: no rule "no-such-rule" (run buyerside rules for the list)\n']);
    const empty = tempDir();
    const none = await cli(['analyze', empty]);
    expect([none.code, none.stderr]).toEqual([2, `buyerside: no transcripts found in ${empty}\n`]);
  });

  it('word an input error the library gives a remedy for', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), `Dana: ${'word '.repeat(300_000)}\n`);
    const r = await cli(['analyze', 'big.txt', '--max-size', '1', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(report(r).errors[0]!.message).toBe('the file is 1.4 MB, over the limit of 1 MB (raise it with --max-size)');
    expect(report(r).errors[0]).not.toHaveProperty('remedy');
  });
});

describe('where given sellers were named', () => {
  const rolesOf = async (args: string[], cwd?: string) => report(await cli(['analyze', CONVERSATION, ...args, '-f', 'json'], cwd ? { cwd } : {})).calls[0]!.roles;

  it('with --seller, a roles file or a config file: the report says which', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roles.csv'), 'pattern,sellers\nconversation.txt,Dana\n');
    writeFileSync(join(dir, 'buyerside.config.json'), JSON.stringify({ sellers: ['Dana'] }));
    const speakers = (await rolesOf(['--no-config'])).map((r) => r.name);
    const dana = speakers[0]!;
    expect((await rolesOf(['--seller', dana, '--no-config']))[0]).toMatchObject({ method: 'given', from: '--seller', reasons: [] });
    writeFileSync(join(dir, 'roles.csv'), `pattern,sellers\nconversation.txt,${dana}\n`);
    expect((await rolesOf(['--roles', 'roles.csv', '--no-config'], dir))[0]).toMatchObject({ method: 'given', from: 'roles.csv' });
    writeFileSync(join(dir, 'buyerside.config.json'), JSON.stringify({ sellers: [dana] }));
    expect((await rolesOf([], dir))[0]).toMatchObject({ method: 'given', from: 'buyerside.config.json' });
  });

  it('the terminal report words it', async () => {
    const r = await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '--seller', 'Dana']);
    expect(r.stdout).toContain('  seller Dana (named with --seller); buyer Miguel (not named with --seller)\n');
  });
});
