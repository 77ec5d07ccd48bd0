/**
 * The matcher skips work (alternatives indexed by the token they begin with, a pre-check of the
 * tokens a match can begin with), but must report the very span the plain search reports: the first
 * start, then the first alternative in the order written, under the same step budgets. The plain
 * search is kept here as the reference: each alternative tried in turn, one step each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError, type CompiledPattern, type Node } from '../../src/patterns/compile.js';
import { findMatch, type Span } from '../../src/patterns/match.js';
import { tokenize, type Token } from '../../src/language/tokens.js';
import { builtinEngine } from '../../src/analyze.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** The search as it was before any index: same budgets as src/patterns/match.ts. */
function plainMatch(pattern: CompiledPattern, tokens: readonly Token[], start = 0, budget = 20_000): Span | null {
  const total = { left: Math.max(100_000, 200 * tokens.length) };
  let steps = 0;
  const one = (node: Node, t: Token): boolean =>
    node.t === 'word' ? t.stem === node.stem : node.t === 'exact' ? t.word === node.word : node.t === 'any' ? true
      : node.t === 'num' ? t.word.charCodeAt(0) >= 48 && t.word.charCodeAt(0) <= 57
      : node.t === 'not' ? (node.node.t === 'alt' ? !node.node.options.some((o) => o.length === 1 && one(o[0]!, t)) : !one(node.node, t)) : false;
  const seq = (nodes: readonly Node[], k: number, i: number, cont: (i: number) => number): number => {
    if (++steps > budget || --total.left < 0) return -1;
    if (k === nodes.length) return cont(i);
    const node = nodes[k]!;
    if (node.t === 'gap') {
      for (let skip = 0; skip <= node.max && i + skip <= tokens.length; skip++) {
        const end = seq(nodes, k + 1, i + skip, cont);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (node.t === 'alt') {
      for (const option of node.options) {
        const end = seq(option, 0, i, (j) => seq(nodes, k + 1, j, cont));
        if (end >= 0) return end;
      }
    } else if (i < tokens.length && one(node, tokens[i]!)) {
      const end = seq(nodes, k + 1, i + 1, cont);
      if (end >= 0) return end;
    }
    return node.opt ? seq(nodes, k + 1, i, cont) : -1;
  };
  const last = pattern.anchorStart ? 0 : tokens.length - 1;
  const done = (i: number) => (!pattern.anchorEnd || i === tokens.length ? i : -1);
  for (let from = start; from <= Math.max(last, 0) && total.left > 0; from++) {
    steps = 0;
    const end = seq(pattern.nodes, 0, from, done);
    if (end > from) return { from, to: end };
  }
  return null;
}

const LEXICON = new Map<string, string[]>([
  ['many', ['we', 'our team', 'our platform', 'you', 'your team', 'a', 'a a', 'walk', 'b']],
  ['pair', ['a', 'a a', 'a a a']],
]);
const VOCAB = ['a', 'b', 'we', 'our', 'you', 'your', 'team', 'platform', 'walking', 'walk', '1'];
const element = fc.oneof(
  fc.constantFrom(...VOCAB),
  fc.constantFrom(...VOCAB).map((w) => '=' + w),
  fc.constantFrom('@many', '@pair', '@many?', '!@many', '!@pair', '.', '*', '*2', '#num', 'a?', 'we?'),
  fc.array(fc.constantFrom(...VOCAB, '.', 'a?', '*1', '=our'), { minLength: 1, maxLength: 3 }).chain((a) =>
    fc.array(fc.constantFrom(...VOCAB, '(a|b)', '@pair'), { minLength: 1, maxLength: 3 }).map((b) => `(${a.join(' ')} | ${b.join(' ')} | ${a.slice().reverse().join(' ')})`),
  ),
);
const pattern = fc.tuple(fc.constantFrom('', '^ '), fc.array(element, { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' $')).map(([a, els, z]) => a + els.join(' ') + z);
const sentence = fc.array(fc.constantFrom(...VOCAB, 'a', 'a', 'we'), { maxLength: 40 }).map((ws) => ws.join(' '));

describe('findMatch reports the span the plain search reports', () => {
  it('on random patterns with alternations, from any start', () => {
    fc.assert(
      fc.property(pattern, sentence, fc.nat(10), (source, text, start) => {
        let p: CompiledPattern;
        try {
          p = compilePattern(source, LEXICON);
        } catch (e) {
          if (e instanceof PatternError) return;
          throw e;
        }
        const tokens = tokenize(text);
        expect(findMatch(p, tokens, start)).toEqual(plainMatch(p, tokens, start));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('for every built-in pattern on sentences of its own words', () => {
    const engine = builtinEngine();
    const patterns = engine.sentenceRules.flatMap((r) => [...r.patterns, ...r.exceptions, ...r.requires]);
    // Words from the rules' own lexicon and patterns, so that the alternatives get tried.
    const words = [...new Set([...engine.lexicon.values()].flat().flatMap((e) => e.split(/\s+/)).concat(patterns.flatMap((p) => p.source.split(/[\s()|?]+/).filter((w) => /^[a-z']+$/.test(w)))))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), (ws) => {
        const tokens = tokenize(ws.join(' '));
        for (const p of patterns) expect(findMatch(p, tokens), p.source).toEqual(plainMatch(p, tokens));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('tries alternatives in the order written, whatever token they begin with', () => {
    for (const [source, text] of [['(a | . a)', 'a a'], ['(. a | a)', 'a a'], ['(=we | we our | a? we our)', 'we our'], ['(*1 b | a)', 'a b']]) {
      const p = compilePattern(source!, LEXICON);
      const tokens = tokenize(text!);
      expect(findMatch(p, tokens), source).toEqual(plainMatch(p, tokens));
    }
  });

  it('counts the alternatives it skips against the step budget', () => {
    // Every start tries a thousand alternatives that cannot match: the whole-search budget runs out
    // long before the one match at the end, as it did when each was tried.
    const big = new Map([['big', Array.from({ length: 1000 }, (_, i) => `w${i}`)]]);
    const p = compilePattern('@big zzz', big);
    const tokens = tokenize(Array(500).fill('w0').join(' ') + ' w999 zzz');
    expect(plainMatch(p, tokens)).toBeNull();
    expect(findMatch(p, tokens)).toBeNull();
    const short = tokenize(Array(20).fill('w0').join(' ') + ' w999 zzz');
    expect(findMatch(p, short)).toEqual({ from: 20, to: 22 });
  });

  it('where the step budget cuts a search short, it cuts it at the same place', () => {
    // Many alternatives and stacked gaps on a long run of one word: the budget decides the outcome.
    const p = compilePattern(Array(12).fill('(@pair | b | *2)').join(' ') + ' zzz', LEXICON);
    const tokens = tokenize(Array(300).fill('a').join(' ') + ' zzz');
    expect(findMatch(p, tokens)).toEqual(plainMatch(p, tokens));
    const q = compilePattern('a *8 (@many | @pair) *8 (@pair | a) zzz', LEXICON);
    for (const n of [20, 200, 2000]) {
      const t = tokenize(Array(n).fill('a a we our team').join(' ') + ' zzz');
      expect(findMatch(q, t)).toEqual(plainMatch(q, t));
    }
  });
});
