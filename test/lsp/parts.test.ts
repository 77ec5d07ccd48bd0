/** The server's pure parts: which suggestions are rewordings, where config problems sit, settings, and ignored documents. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rewording } from '../../src/lsp/actions.js';
import { problemRange, Workspace } from '../../src/lsp/workspace.js';
import { DEFAULT_SETTINGS, readSettings } from '../../src/lsp/settings.js';
import { diagnose } from '../../src/lsp/diagnostics.js';
import { loadRules } from '../../src/rules/load.js';
import { tempDir } from '../support/cli.js';

describe('rewording', () => {
  it('is the question a suggestion ends with, quoted after a colon; advice and examples to adapt are not rewordings', () => {
    const builtin = loadRules().rules.filter((r) => r.focus === 'seller-centric' && r.kind !== 'metric');
    const reworded = Object.fromEntries(builtin.map((r) => [r.id, rewording(r.suggestion.replace('{match}', 'X'))]).filter(([, q]) => q));
    expect(reworded).toEqual({
      'brushes-off-concern': 'Say more about that; what happened that makes it a worry?',
      'deadline-pressure': 'What would you need to feel sure about this, and when does it make sense for you to decide?',
      'leading-question': 'How does that compare with what you have today?',
      'pushed-past-no': "That's fair. What would have to be true for this to be worth a few minutes, or is now just the wrong time?",
      'presented-before-reasons': 'Before I show you anything, what made you start looking at this now?',
      'seller-own-needs': 'What has to be true on your side for this to be worth doing?',
      'seller-process': 'What would you need to see, and from whom, before this feels like the right call for you?',
      'trial-close': 'What is still open for you before a decision makes sense?',
      'walkthrough-first': 'Which part of your week should we look at first?',
    });
    expect(rewording('Cut the list to the one item that helps: "You mentioned night shifts; this is the part that helps there."')).toBeUndefined();
    expect(rewording('Ask a question that invites a story ("Walk me through the last time that happened") and let them talk.')).toBeUndefined();
    expect(rewording('Try this: “What matters most to you here?”')).toBe('What matters most to you here?');
  });
});

describe('problemRange', () => {
  const json = '{\n  "sellers": ["Rep"],\n  "rules": { "hype-to-wow": "loud" },\n  "rulePacks": ["./packs/mine"]\n}\n';
  it('puts a bad value at its key', () => {
    expect(problemRange(json, 'buyerside.config.json: "rules.hype-to-wow": expected "off", "error", "warning" or "info"')).toEqual({ start: { line: 2, character: 14 }, end: { line: 2, character: 25 } });
  });
  it('puts a pack problem at the pack\'s entry, a YAML error at its line, a JSON error at its position', () => {
    expect(problemRange(json, 'custom/x.yaml:3: not valid YAML', '/abs/packs/mine').start).toEqual({ line: 3, character: 25 });
    expect(problemRange('a: 1\nb: [\n', '.buyersiderc.yaml:2: not valid YAML: x').start.line).toBe(1);
    const broken = '{\n  "sellers": ["Rep"],\n}\n';
    let message = '';
    try {
      JSON.parse(broken);
    } catch (e) {
      message = `buyerside.config.json: not valid JSON: ${(e as Error).message}`;
    }
    expect(problemRange(broken, message).start.line).toBe(2);
    expect(problemRange(json, 'something else entirely')).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });
});

describe('readSettings', () => {
  it('reads the buyerside section or the section itself, and keeps the previous value for a wrong type', () => {
    expect(readSettings({ buyerside: { showStrengths: true, debounceMs: 40 } })).toEqual({ showStrengths: true, debounceMs: 40 });
    expect(readSettings({ showStrengths: true })).toEqual({ ...DEFAULT_SETTINGS, showStrengths: true });
    expect(readSettings({ buyerside: { showStrengths: 'yes', debounceMs: -5 } })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null, { showStrengths: true, debounceMs: 10 })).toEqual({ showStrengths: true, debounceMs: 10 });
  });
});

describe('Workspace', () => {
  it('leaves out documents the config ignores, relative to the config\'s folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'buyerside.config.json'), JSON.stringify({ ignore: ['drafts/**', 'scratch.md'] }));
    mkdirSync(join(dir, 'drafts'));
    mkdirSync(join(dir, 'scripts'));
    const ws = new Workspace();
    const text = '**Rep:** Honestly, this is going to blow your mind.\n';
    const run = (rel: string) => {
      const r = ws.forDocument(join(dir, rel));
      if (!r.ok) throw new Error(r.problem.message);
      return diagnose(TextDocument.create(`file://${join(dir, rel)}`, 'markdown', 1, text), { path: join(dir, rel), setup: r.setup, settings: DEFAULT_SETTINGS });
    };
    expect(run('drafts/a.md').shown).toEqual([]);
    expect(run('scripts/scratch.md').shown).toEqual([]);
    expect(run('scripts/a.md').shown.map((s) => s.finding.ruleId)).toEqual(['hype-to-wow']);
  });

  it('reloads the rules when the config changes on disk', () => {
    const dir = tempDir();
    const config = join(dir, 'buyerside.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'hype-to-wow': 'off' } }));
    const ws = new Workspace();
    const ids = () => {
      const r = ws.forDocument(join(dir, 'a.md'));
      return r.ok ? r.setup.engine.byId.has('hype-to-wow') : 'broken';
    };
    expect(ids()).toBe(false);
    writeFileSync(config, JSON.stringify({ rules: { 'hype-to-wow': 'error', 'few-questions': 'off' } }));
    expect(ids()).toBe(true);
  });
});
