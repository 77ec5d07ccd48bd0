/** The config file: discovery upward, validation errors naming the key path, rule settings, thresholds, flags over config. */
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli, tempDir, CONVERSATION, FIXTURES } from '../support/cli.js';
import { findConfig, loadConfig, validateConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

const PITCH = resolve(FIXTURES, 'scripts', 'feature-pitch.md');

function project(config: Record<string, unknown> | string, name = 'buyerside.config.json'): { root: string; sub: string } {
  // The project is one level inside its own temp folder, so that paths above it ("../pack") stay in that folder.
  const root = join(tempDir(), 'project');
  const sub = join(root, 'team', 'calls');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(root, name), typeof config === 'string' ? config : JSON.stringify(config));
  return { root, sub };
}

async function analyzeJson(argv: string[], cwd: string) {
  const r = await cli(['analyze', ...argv, '-f', 'json'], { cwd });
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('discovery', () => {
  it('finds the nearest config from the working folder upward, in name order', async () => {
    const { root, sub } = project({});
    expect(findConfig(sub)).toBe(join(root, 'buyerside.config.json'));
    writeFileSync(join(sub, '.buyersiderc.yaml'), 'sellers: [Dana]\n');
    expect(findConfig(sub)).toBe(join(sub, '.buyersiderc.yaml'));
  });

  it('applies a discovered config; --no-config ignores it; --config names another', async () => {
    const { sub, root } = project({ rules: { 'hype-to-wow': 'off' } });
    const on = await analyzeJson([PITCH], sub);
    expect(on.report.calls[0].findings.some((f: { ruleId: string }) => f.ruleId === 'hype-to-wow')).toBe(false);
    expect(on.report.rules.some((r: { id: string }) => r.id === 'hype-to-wow')).toBe(false);
    const off = await analyzeJson([PITCH, '--no-config'], sub);
    expect(off.report.calls[0].findings.some((f: { ruleId: string }) => f.ruleId === 'hype-to-wow')).toBe(true);
    const other = join(root, 'other.json');
    writeFileSync(other, JSON.stringify({ rules: { 'hype-to-wow': 'error' } }));
    const named = await analyzeJson([PITCH, '--config', other], tempDir());
    const hype = named.report.calls[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'hype-to-wow');
    expect(hype.length).toBeGreaterThan(0);
    for (const f of hype) expect(f.severity).toBe('error');
  });

  it('reads YAML configs', async () => {
    const { sub } = project('thresholds:\n  failUnder: 101\n', '.buyersiderc.yaml');
    const r = await cli(['analyze', CONVERSATION], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('buyerside: .buyersiderc.yaml: "thresholds.failUnder": expected a number from 0 to 100\n');
  });
});

describe('validation', () => {
  const cases: Array<[unknown, string]> = [
    [{ rules: { 'hype-to-wow': 'loud' } }, 'buyerside.config.json: "rules.hype-to-wow": expected "off", "error", "warning" or "info"'],
    [{ sellerz: ['x'] }, 'buyerside.config.json: unknown key "sellerz"; did you mean "sellers"? (known: sellers, rules, thresholds, rulePacks, callType, ignore)'],
    [{ thresholds: { failOn: 'info' } }, 'buyerside.config.json: "thresholds.failOn": expected "error" or "warning"'],
    [{ thresholds: { maxSellerCentric: 1.5 } }, 'buyerside.config.json: "thresholds.maxSellerCentric": expected a whole number of 0 or more'],
    [{ thresholds: { minScore: 3 } }, 'buyerside.config.json: unknown key "thresholds.minScore" (known: failUnder, maxSellerCentric, failOn, maxWarnings)'],
    [{ sellers: 'Dana' }, 'buyerside.config.json: "sellers": expected a list of non-empty strings'],
    [{ callType: 3 }, 'buyerside.config.json: "callType": expected a non-empty string, e.g. "discovery" or "demo"'],
    [[1, 2], 'buyerside.config.json: "(top level)": expected an object'],
  ];
  for (const [raw, message] of cases) {
    it(`rejects ${JSON.stringify(raw)}`, async () => {
      expect(() => validateConfig(raw, '/x/buyerside.config.json')).toThrow(new ConfigError(message));
    });
  }

  it('names the file for invalid JSON, with exit 2 and no stack', async () => {
    const { sub } = project('{ "rules": ');
    const r = await cli(['analyze', CONVERSATION], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^buyerside: buyerside\.config\.json: not valid JSON: .*\n$/);
  });

  it('rejects unknown rule ids', async () => {
    const { sub } = project({ rules: { 'no-such-rule': 'off' } });
    const r = await cli(['analyze', CONVERSATION], { cwd: sub });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('buyerside: buyerside.config.json: "rules.no-such-rule": no rule with this id (run buyerside rules for the list)\n');
  });

  it('gives __proto__ and constructor keys no effect', async () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "rules": {"__proto__": "off", "constructor": "off"}, "thresholds": {"__proto__": {"failUnder": 1}}}');
    const config = loadConfigFrom(raw);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(config.rules!)).toEqual([]);
    expect(config.thresholds).toEqual({});
    expect(Object.getPrototypeOf(config.rules)).toBeNull();
  });
});

function loadConfigFrom(raw: unknown) {
  const dir = tempDir();
  const file = join(dir, 'buyerside.config.json');
  writeFileSync(file, JSON.stringify(raw));
  return loadConfig(file);
}

describe('settings', () => {
  it('uses thresholds from the config, and flags override them', async () => {
    const { sub } = project({ thresholds: { failUnder: 99 } });
    const gated = await analyzeJson([CONVERSATION], sub);
    expect(gated.code).toBe(1);
    expect(gated.report.gates[0]).toMatchObject({ gate: 'fail-under' });
    const flag = await analyzeJson([CONVERSATION, '--fail-under', '10'], sub);
    expect(flag.code).toBe(0);
    expect(flag.report.gates).toEqual([]);
  });

  it('uses sellers and callType from the config; --seller overrides', async () => {
    const { sub } = project({ sellers: ['Tom'], callType: 'demo' });
    const r = await analyzeJson([CONVERSATION], sub);
    expect(r.report.calls[0].roles.find((x: { name: string }) => x.name === 'Tom')).toMatchObject({ role: 'seller' });
    expect(r.report.calls[0].callType).toBe('demo');
    const o = await analyzeJson([CONVERSATION, '--seller', 'Priya'], sub);
    expect(o.report.calls[0].roles.find((x: { name: string }) => x.name === 'Priya')).toMatchObject({ role: 'seller' });
  });

  it('loads rulePacks relative to the config file and ignores paths', async () => {
    const { root, sub } = project({ rulePacks: ['../pack'], ignore: ['**/skip-*.txt'] });
    // the pack lives beside the project root, named relative to the config file
    const pack = join(root, '..', 'pack');
    mkdirSync(join(pack, 'custom'), { recursive: true });
    writeFileSync(join(pack, 'lexicon.yaml'), 'jargon: [synergy, circle back]\n');
    writeFileSync(
      join(pack, 'custom', 'jargon.yaml'),
      'kind: phrase\nfocus: seller-centric\ndescription: d\nmessage: m\nsuggestion: s\npatterns: ["@jargon"]\nexamples: {flag: ["Lets circle back."], pass: ["Fine."]}\n',
    );
    writeFileSync(join(sub, 'call.txt'), 'Dana: What made you look now? We can circle back on synergy.\nLee: Our vans keep breaking.\n');
    writeFileSync(join(sub, 'skip-me.txt'), 'Dana: Hi.\nLee: Hi.\n');
    const r = await analyzeJson([sub, '--seller', 'Dana'], sub);
    expect(r.code).toBe(0);
    expect(r.report.calls).toHaveLength(1);
    expect(r.report.calls[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'jargon')).toHaveLength(1);
  });

  it('rejects an invalid rule pack naming the file and rule', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'custom'));
    writeFileSync(join(dir, 'custom', 'bad-rule.yaml'), 'kind: phrase\nfocus: sideways\n');
    const r = await cli(['analyze', CONVERSATION, '--rules', dir, '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('buyerside: custom/bad-rule.yaml: rule "bad-rule", field "focus": expected one of seller-centric, buyer-ownership\n');
  });

  it('the example rule pack loads and its rules flag their examples', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'call.txt'), 'Rep: This will really move the needle on your synergies.\nRep: You said the crew gets double-booked on Fridays.\n');
    const r = await analyzeJson([join(dir, 'call.txt'), '--rules', resolve(FIXTURES, 'rule-pack-example'), '--no-config'], dir);
    const ids = r.report.calls[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain('jargon');
    expect(ids).toContain('buyer-words');
  });
});
