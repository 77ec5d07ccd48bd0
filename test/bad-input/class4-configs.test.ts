/** Class 4 of issue #13: a config file found from the working folder upward (a repository can plant one) is untrusted. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectCleanStderr, tempDir } from '../support/cli.js';

const LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`))
  .concat(['sellers: *i'])
  .join('\n');

describe('YAML configs get the alias limits of rule packs', () => {
  it('a billion-laughs .buyersiderc.yaml is one clean line naming it, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.buyersiderc.yaml'), `${LAUGHS}\n`);
    writeFileSync(join(dir, 'call.txt'), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    const run = await cli(['analyze', 'call.txt', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expectCleanStderr(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^buyerside: \.buyersiderc\.yaml(?::\d+)?: not valid YAML: .*alias/i);
  });

  it('an unknown tag is an error, not a warning printed across stderr', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.buyersiderc.yaml'), 'sellers: !include /etc/passwd\n');
    writeFileSync(join(dir, 'call.txt'), 'Dana: Hello there, how are you?\nLee: Fine, thanks.\n');
    const run = await cli(['analyze', 'call.txt', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expectCleanStderr(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
