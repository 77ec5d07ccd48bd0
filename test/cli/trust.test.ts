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

const FEATURE = 'fixtures/scripts/feature-pitch.md';
type SarifResult = { ruleId: string; level: string; baselineState?: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startColumn?: number } } }> };

describe('SARIF and GitHub annotations carry the gates and only what needs attention', () => {
  it('SARIF: failed gates are results and notifications; the exit code and executionSuccessful tell the truth; real columns', async () => {
    const r = await cli(['analyze', FEATURE, '--fail-under', '99', '-f', 'sarif']);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout).runs[0];
    const results = run.results as SarifResult[];
    const gate = results.find((x) => x.ruleId === 'gate/fail-under')!;
    expect(gate.level).toBe('error');
    expect(gate.locations[0]!.physicalLocation.artifactLocation.uri).toBe(FEATURE);
    expect(run.tool.driver.rules.some((x: { id: string }) => x.id === 'gate/fail-under')).toBe(true);
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: true, exitCode: 1 });
    expect(run.invocations[0].toolExecutionNotifications[0].descriptor.id).toBe('gate/fail-under');
    const columns = new Set(results.flatMap((x) => x.locations.map((l) => l.physicalLocation.region?.startColumn)).filter((c) => c !== undefined));
    expect(columns.size).toBeGreaterThan(1);
  });

  it('strengths are neither results nor annotations unless --include-strengths, then at note level', async () => {
    const json = JSON.parse((await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '-f', 'json'])).stdout).calls[0];
    const strengths = json.findings.filter((f: { kind: string }) => f.kind === 'buyer-ownership');
    expect(strengths.length).toBeGreaterThan(0);
    const ids = new Set(json.findings.filter((f: { kind: string }) => f.kind === 'seller-centric').map((f: { ruleId: string }) => f.ruleId));
    const plain = JSON.parse((await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '-f', 'sarif'])).stdout).runs[0].results as SarifResult[];
    expect(plain.every((x) => ids.has(x.ruleId))).toBe(true);
    const withStrengths = JSON.parse((await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '-f', 'sarif', '--include-strengths'])).stdout).runs[0].results as SarifResult[];
    expect(withStrengths.length).toBe(plain.length + strengths.length);
    const gh = (await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '-f', 'github'])).stdout;
    const ghAll = (await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '-f', 'github', '--include-strengths'])).stdout;
    expect(ghAll.split('\n').filter((l) => l.startsWith('::notice')).length).toBeGreaterThanOrEqual(strengths.length);
    expect(gh.split('\n').length).toBeLessThan(ghAll.split('\n').length);
  });

  it('with --baseline only new findings are annotated', async () => {
    const dir = tempDir();
    const baseline = join(dir, 'baseline.json');
    expect((await cli(['analyze', FEATURE, '--write-baseline', baseline, '-f', 'json'])).code).toBe(0);
    const sarif = await cli(['analyze', FEATURE, '--baseline', baseline, '-f', 'sarif']);
    expect(sarif.code).toBe(0);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
    expect((await cli(['analyze', FEATURE, '--baseline', baseline, '-f', 'github'])).stdout).toBe('');
  });

  it('relative URIs stay relative whatever the file name', async () => {
    const { artifactUri } = await import('../../src/format/sarif.js');
    expect(artifactUri('javascript:alert(1).txt')).toEqual({ uri: 'javascript%3Aalert(1).txt', uriBaseId: '%SRCROOT%' });
    expect(artifactUri('calls/a:b #1.txt')).toEqual({ uri: 'calls/a%3Ab%20%231.txt', uriBaseId: '%SRCROOT%' });
  });
});

describe("ESLint's flags", () => {
  it('--max-warnings N fails the run when more seller-centric warnings and errors than N', async () => {
    const call = JSON.parse((await cli(['analyze', FEATURE, '-f', 'json'])).stdout).calls[0];
    const n = call.findings.filter((f: { kind: string; suppressed?: boolean; severity: string }) => f.kind === 'seller-centric' && !f.suppressed && f.severity !== 'info').length;
    expect(n).toBeGreaterThan(0);
    expect((await cli(['analyze', FEATURE, '--max-warnings', String(n)])).code).toBe(0);
    const r = await cli(['analyze', FEATURE, '--max-warnings', String(n - 1), '-f', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).gates).toEqual([{ file: '(all calls)', gate: 'max-warnings', message: `${n} seller-centric finding${n === 1 ? '' : 's'} of severity warning or error in all, 1 over the limit of ${n - 1}` }]);
    expect((await cli(['analyze', FEATURE, '--max-warnings', 'x'])).code).toBe(2);
  });

  it('--quiet reports and gates on errors only', async () => {
    const r = JSON.parse((await cli(['analyze', FEATURE, '--quiet', '-f', 'json'])).stdout).calls[0];
    expect(r.findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect((await cli(['analyze', FEATURE, '--quiet', '--fail-on', 'warning'])).code).toBe(r.findings.some((f: { kind: string; suppressed?: boolean }) => f.kind === 'seller-centric' && !f.suppressed) ? 1 : 0);
  });

  it('--color forces colour, --no-color and NO_COLOR turn it off', async () => {
    expect((await cli(['analyze', FEATURE, '--color'])).stdout).toMatch(/\u001b\[/);
    expect((await cli(['analyze', FEATURE])).stdout).not.toMatch(/\u001b\[/);
    expect((await cli(['analyze', FEATURE, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('settings are checked where they are read', () => {
  it('an unknown call type, in a flag or the config, is an error naming it with a did-you-mean', async () => {
    const r = await cli(['analyze', PITCH, '--call-type', 'discvery']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('buyerside: --call-type: unknown call type "discvery"; did you mean "discovery"? (known: demo, discovery)\n');
    const dir = tempDir();
    const config = join(dir, 'buyerside.config.json');
    writeFileSync(config, JSON.stringify({ callType: 'discvery' }));
    const c = await cli(['analyze', PITCH, '--config', config]);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe('buyerside: buyerside.config.json: "callType": unknown call type "discvery"; did you mean "discovery"? (known: demo, discovery)\n');
  });

  it('unknown rule ids, severities and keys get a did-you-mean', async () => {
    const dir = tempDir();
    const config = join(dir, 'buyerside.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'hype-to-wo': 'off' } }));
    expect((await cli(['analyze', PITCH, '--config', config])).stderr).toBe('buyerside: buyerside.config.json: "rules.hype-to-wo": no rule with this id; did you mean "hype-to-wow"? (run buyerside rules for the list)\n');
    writeFileSync(config, JSON.stringify({ rules: { 'hype-to-wow': 'warn' } }));
    expect((await cli(['analyze', PITCH, '--config', config])).stderr).toContain('"rules.hype-to-wow": expected "off", "error", "warning" or "info"; did you mean "warning"?');
    writeFileSync(config, JSON.stringify({ seller: ['Trevor'] }));
    const k = await cli(['analyze', PITCH, '--config', config]);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('unknown key "seller"; did you mean "sellers"?');
  });
});

describe('rule packs get the same checks as the built-in rules', () => {
  it('the example pack loads; a pack whose flag example does not fire, or whose pass example does, is refused naming the file and the example', async () => {
    const { cpSync, readFileSync: read } = await import('node:fs');
    expect((await cli(['analyze', PITCH, '--rules', 'fixtures/rule-pack-example', '-f', 'json'])).code).toBe(0);
    const dir = tempDir();
    const pack = join(dir, 'pack');
    cpSync('fixtures/rule-pack-example', pack, { recursive: true });
    const file = join(pack, 'custom', 'jargon.yaml');
    const original = read(file, 'utf8');
    writeFileSync(file, original.replace('"Let me circle back with our best of breed approach."', '"We will get back to you next week."').replace('match: "circle back"', 'match: "get back"'));
    const r = await cli(['analyze', PITCH, '--rules', pack]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`buyerside: ${file}: rule "jargon": the flag example "We will get back to you next week." is not flagged by the rule\n`);
    writeFileSync(file, original.replace('"You said the crew gets double-booked on Fridays."', '"You said it would move the needle."'));
    const p = await cli(['analyze', PITCH, '--rules', pack]);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe(`buyerside: ${file}: rule "jargon": the pass example "You said it would move the needle." is flagged by the rule\n`);
  });
});
