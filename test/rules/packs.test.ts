/**
 * Rule packs are data, not code: regex-like patterns cannot hang the process, `__proto__` and
 * `constructor` keys change nothing, and no rule data makes buyerside read a path it was not given.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { compileRules } from '../../src/rules/engine.js';
import { buildRules, checkPattern, readPackDir } from '../../src/rules/load.js';
import { RuleError } from '../../src/errors.js';
import { GOOD, ROOT, cli, expectCall, expectCleanStderr, report, requireBuild, tempDir } from '../support/cli.js';

/** One phrase rule as YAML; `extra` is appended verbatim. */
function ruleYaml(patterns: string[], extra = ''): string {
  return [
    'kind: phrase',
    'focus: seller-centric',
    'description: test rule',
    'message: test message',
    'suggestion: test suggestion',
    `patterns: ${JSON.stringify(patterns)}`,
    "examples: { flag: ['a a a'], pass: [] }",
    extra,
  ].join('\n');
}

function pack(files: Record<string, string>): string {
  const dir = tempDir('buyerside-pack-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Loads a pack on its own (without the built-in rules): rules, or the RuleError's message. */
function load(dir: string): ReturnType<typeof buildRules> | string {
  try {
    return buildRules([readPackDir(dir)], checkPattern);
  } catch (e) {
    if (e instanceof RuleError) return e.message;
    throw e;
  }
}

const LONG_A = `Dana: ${Array(5000).fill('a').join(' ')} b\nLee: a a a a a\nDana: ${'a'.repeat(20000)}!\n`;

describe('regular-expression-like patterns in a custom pack', () => {
  // Catastrophic backtracking in regular expressions; here they are token patterns.
  const EVIL = ['(a+)+$', '(a|aa)+$', '(a|a?)+$', '^(a?){30}a{30}$', '(.*a){20}', '(x+x+)+y', '(a*)*b', '((a|a a)|(a a|a))* zzz', 'a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? a? zzz $', '*8 *8 *8 *8 *8 *8 *8 *8 *8 *8 *8 *8 zzz'];

  it.each(EVIL)('%s is rejected naming the file and rule, or runs fast as tokens', async (pattern) => {
    const dir = pack({ 'custom/evil-rule.yaml': ruleYaml([pattern]) });
    const loaded = load(dir);
    if (typeof loaded === 'string') {
      expect(loaded).toContain('custom/evil-rule.yaml');
      expect(loaded).toContain('rule "evil-rule"');
      expect(loaded).toContain(pattern);
      expect(loaded).not.toMatch(/[\r\n]/);
      return;
    }
    const engine = compileRules(loaded);
    const t0 = performance.now();
    const r = analyze(LONG_A, { engine, sellers: ['Dana'] });
    const ms = performance.now() - t0;
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(ms, `${pattern} took ${Math.round(ms)} ms`).toBeLessThan(10_000);
  });

  it('the CLI refuses a pack with (a+)+$ in one stderr line naming the file and rule, at once', async () => {
    requireBuild();
    const dir = pack({ 'custom/evil-rule.yaml': ruleYaml(['(a+)+$']), 'call.txt': GOOD });
    const run = await cli(['analyze', 'call.txt', '--rules', '.', '--no-config', '--format', 'json'], { cwd: dir });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expectCleanStderr(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/evil-rule\.yaml.*rule "evil-rule".*\(a\+\)\+\$/);
  });
});

describe('__proto__ and constructor keys', () => {
  const polluted = () => [({} as Record<string, unknown>).polluted, (Object.prototype as Record<string, unknown>).polluted, ({} as Record<string, unknown>).isAdmin];

  it.each([
    ['a YAML lexicon', { 'lexicon.yaml': '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nwe-words: [we, our]\n', 'custom/ok.yaml': ruleYaml(['@we-words']) }],
    ['a YAML lexicon with list values', { 'lexicon.yaml': '__proto__: [polluted]\nconstructor: [polluted]\nprototype: [x]\n', 'custom/ok.yaml': ruleYaml(['@constructor']) }],
    ['a JSON lexicon', { 'lexicon.json': '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 'custom/ok.yaml': ruleYaml(['we']) }],
    ['a YAML rule', { 'custom/proto.yaml': ruleYaml(['we'], '__proto__:\n  polluted: yes\n  isAdmin: true') }],
    ['a YAML rule with constructor', { 'custom/ctor.yaml': ruleYaml(['we'], 'constructor:\n  prototype:\n    polluted: yes') }],
    ['a JSON rule', { 'custom/proto.json': JSON.stringify({ kind: 'phrase', focus: 'seller-centric', description: 'd', message: 'm', suggestion: 's', patterns: ['we'], examples: { flag: ['we'], pass: [], __proto__: { polluted: true } }, __proto__: { polluted: true } }).replace('"examples"', '"__proto__":{"polluted":true},"examples"') }],
    ['examples with __proto__', { 'custom/ex.json': '{"kind":"phrase","focus":"seller-centric","description":"d","message":"m","suggestion":"s","patterns":["we"],"examples":{"flag":["we"],"pass":[],"__proto__":{"polluted":true}}}' }],
    ['a metric with __proto__ and constructor call types', { 'custom/talk.yaml': 'kind: metric\nfocus: seller-centric\ndescription: d\nmessage: m\nsuggestion: s\nmetric:\n  name: sellerTalkShare\n  max: 0.9\n  byCallType:\n    __proto__: { max: 0.01, polluted: 1 }\n    constructor: { max: 0.01 }\nexamples: { flag: [], pass: [] }\n' }],
  ])('in %s: no effect on Object.prototype', async (_name, files) => {
    const dir = pack(files);
    const loaded = load(dir);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
    if (typeof loaded !== 'string') {
      const engine = compileRules(loaded);
      for (const callType of [undefined, '__proto__', 'constructor', 'toString']) {
        const r = analyze('Dana: we our constructor __proto__ toString.\nLee: fine.\n', { engine, sellers: ['Dana'], ...(callType ? { callType } : {}) });
        expect(r.score).toBeGreaterThanOrEqual(0);
      }
    } else {
      expect(loaded).not.toMatch(/[\r\n]/);
    }
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });

  it('a __proto__ call type in a metric rule does not pick a threshold from Object.prototype', async () => {
    const dir = pack({ 'custom/talk.yaml': 'kind: metric\nfocus: seller-centric\ndescription: d\nmessage: m\nsuggestion: s\nmetric:\n  name: sellerTalkShare\n  max: 0.99\nexamples: { flag: [], pass: [] }\n' });
    const loaded = load(dir);
    expect(typeof loaded).not.toBe('string');
    const engine = compileRules(loaded as Exclude<ReturnType<typeof load>, string>);
    for (const callType of ['__proto__', 'constructor', 'hasOwnProperty']) {
      const r = analyze('Dana: hello there.\nLee: hi.\n', { engine, sellers: ['Dana'], callType });
      expect(r.findings.filter((f) => f.ruleId === 'talk')).toEqual([]);
    }
  });
});

describe('rule data cannot make buyerside read outside the given paths', () => {
  let outside: string;
  const SECRET = 'TOP-SECRET-MARKER-7d1f';

  beforeAll(() => {
    requireBuild();
    outside = tempDir('buyerside-outside-');
    writeFileSync(join(outside, 'secret.yaml'), ruleYaml([SECRET.toLowerCase()]).replace('test message', SECRET));
    writeFileSync(join(outside, 'secret.txt'), `${SECRET}\n`);
  });

  /** A pack whose data is full of paths: in messages, patterns, lexicon entries and would-be include fields. */
  function pathPack(): string {
    const secret = join(outside, 'secret.txt');
    const dir = pack({
      'lexicon.yaml': `paths: ['${secret}', '../../../../etc/passwd', 'file://${secret}']\n`,
      'custom/paths.yaml': [
        'kind: phrase',
        'focus: seller-centric',
        `description: reads ${secret}?`,
        `message: ${secret}`,
        'suggestion: ../../etc/passwd',
        `patterns: ['@paths', 'we']`,
        "examples: { flag: ['we'], pass: [] }",
      ].join('\n'),
      'call.txt': GOOD,
    });
    // Symbolic links inside the pack that lead outside it: a rule file and a whole folder.
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'custom', 'linked-rule.yaml'));
    symlinkSync(outside, join(dir, 'linked-folder'));
    return dir;
  }

  it('fields that would include other files are refused, naming the file and the field', async () => {
    for (const field of ['extends', 'include', 'source', '$ref', 'import']) {
      const dir = pack({ 'custom/inc.yaml': ruleYaml(['we'], `${field}: ${join(outside, 'secret.yaml')}`) });
      const msg = load(dir);
      expect(typeof msg).toBe('string');
      expect(msg).toContain('custom/inc.yaml: rule "inc" has an unknown field');
      expect(msg).toContain(`"${field}"`);
    }
  });

  it('YAML tags cannot pull files in', async () => {
    const dir = pack({ 'custom/tag.yaml': ruleYaml(['we']).replace('message: test message', `message: !include ${join(outside, 'secret.txt')}`) });
    const loaded = load(dir);
    const text = typeof loaded === 'string' ? loaded : JSON.stringify(loaded.rules);
    expect(text).not.toContain(SECRET);
    // An unknown tag is an error naming the file and line, not a multi-line warning on stderr.
    expect(loaded).toMatch(/^custom\/tag\.yaml:4: not valid YAML: Unresolved tag: !include/);
    writeFileSync(join(outside, 'call.txt'), GOOD);
    const run = await cli(['analyze', 'call.txt', '--rules', dir, '--no-config', '--format', 'json'], { cwd: outside });
    expect(run.code).toBe(2);
    expectCleanStderr(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('paths in rule data are only text, and links out of the pack are not followed', async () => {
    const dir = pathPack();
    const loaded = load(dir);
    expect(typeof loaded).not.toBe('string');
    const rules = (loaded as Exclude<ReturnType<typeof load>, string>).rules;
    expect(rules.map((r) => r.id)).toEqual(['paths']);
    expect(JSON.stringify(rules)).not.toContain(SECRET);
  });

  it('under Node\'s permission model (reads allowed only in the repo, the pack and the call), analyze succeeds', async () => {
    const dir = pathPack();
    const r = spawnSync(
      process.execPath,
      ['--experimental-permission', '--no-warnings', `--allow-fs-read=${ROOT}/*`, `--allow-fs-read=${dir}/*`, join(ROOT, 'bin', 'buyerside.js'), 'analyze', 'call.txt', '--rules', '.', '--no-config', '--format', 'json'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 },
    );
    expect(r.stderr).not.toMatch(/ERR_ACCESS_DENIED|Access to this API/);
    expect(r.status, r.stderr).toBe(0);
    const run = { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: 0 };
    expectCall(report(run), 'call.txt');
    expect(r.stdout).not.toContain(SECRET);
    expectCleanStderr(run);
  });
});
