// The built-in patterns read ready-made at start-up (dist/patterns.json) are the patterns the compiler makes.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { loadRules } from '../../src/rules/load.js';
import { compilePattern } from '../../src/patterns/compile.js';
import { compileReady, lexiconKey, readyPatterns, READY_FILE, type ReadyPatterns } from '../../src/rules/ready.js';

describe('ready-made patterns', () => {
  const loaded = loadRules();
  const sources = loaded.rules.flatMap((r) => [...(r.patterns ?? []), ...(r.exceptions ?? []), ...(r.requires ?? [])]);

  it('give every built-in pattern exactly as compiling it does', () => {
    expect(sources.length).toBeGreaterThan(50);
    for (const [i, source] of sources.entries()) expect(compileReady(source, loaded.lexicon, i)).toEqual(compilePattern(source, loaded.lexicon, i));
  });

  it('the build wrote them for the built-in lexicon', () => {
    if (!existsSync(READY_FILE)) return; // before a build
    const file = JSON.parse(readFileSync(READY_FILE, 'utf8')) as ReadyPatterns;
    expect(file.lexicon).toBe(lexiconKey(loaded.lexicon));
    expect(Object.keys(file.patterns).sort()).toEqual(Object.keys(readyPatterns(loaded.rules, loaded.lexicon).patterns).sort());
  });

  it('compile a pattern again when a pack changed the lexicon it reads', () => {
    const source = sources.find((s) => /@[a-z]/.test(s)) ?? sources[0]!;
    const lexicon = new Map(loaded.lexicon);
    for (const [k, v] of lexicon) lexicon.set(k, [...v, 'zzyzx']);
    expect(compileReady(source, lexicon)).toEqual(compilePattern(source, lexicon));
    expect(JSON.stringify(compileReady(source, lexicon))).not.toBe(JSON.stringify(compileReady(source, loaded.lexicon)));
  });
});
