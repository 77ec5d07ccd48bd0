/** Issue #14: CI gates that cannot be passed by a stale seller name, a typo or a flag that is not checked. */
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, requireBuild, tempDir } from '../support/cli.js';

beforeAll(requireBuild);

const PITCH = 'fixtures/calls/demo-call-seller-pitch.txt';

describe('named sellers who never speak', () => {
  it('make the call an input error (exit 2) naming the seller and the speakers found, never a pass', async () => {
    const dir = tempDir();
    const config = join(dir, 'buyerside.config.json');
    writeFileSync(config, JSON.stringify({ sellers: ['Rep'], thresholds: { failUnder: 60 } }));
    const r = await cli(['analyze', PITCH, '--config', config, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`buyerside: ${PITCH}: the seller named by buyerside.config.json (Rep) does not speak in this call; speakers found: Trevor, Janet\n`);
    const report = JSON.parse(r.stdout);
    expect(report.calls).toEqual([]);
    expect(report.errors).toEqual([{ file: PITCH, code: 'E_NO_SELLER', message: 'the seller named by buyerside.config.json (Rep) does not speak in this call; speakers found: Trevor, Janet' }]);
  });

  it('--seller Nobody is an error too; of many names, one who speaks is enough', async () => {
    const r = await cli(['analyze', PITCH, '--seller', 'Nobody,Ghost', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('none of the sellers named by --seller (Nobody, Ghost) speaks in this call; speakers found: Trevor, Janet');
    const team = await cli(['analyze', PITCH, '--seller', 'Nobody,Trevor,Ghost', '-f', 'json']);
    expect(team.code).toBe(0);
    expect(JSON.parse(team.stdout).calls[0].roles.find((x: { name: string }) => x.name === 'Trevor').role).toBe('seller');
  });

  it('--roles: a file whose named sellers do not speak is the one failed input of the batch', async () => {
    const dir = tempDir();
    const roles = join(dir, 'roles.csv');
    writeFileSync(roles, 'pattern,sellers\n**/demo-call-*,Rep\n**/discovery-call-*,Dana\n');
    const r = await cli(['analyze', 'fixtures/calls/demo-call-seller-pitch.txt', 'fixtures/calls/discovery-call-buyer-led.txt', '--roles', roles, '-f', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.calls.map((c: { file: string }) => c.file)).toEqual(['fixtures/calls/discovery-call-buyer-led.txt']);
    expect(report.errors[0].message).toBe(`the seller named by ${roles} (Rep) does not speak in this call; speakers found: Trevor, Janet`);
  });
});
