/**
 * Token patterns: any pattern built from the documented syntax (or junk) compiles or throws
 * PatternError, and matching terminates quickly, however adversarial the pattern and sentence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError, type CompiledPattern, type Node } from '../../src/patterns/compile.js';
import { findMatch } from '../../src/patterns/match.js';
import { tokenize, type Token } from '../../src/language/tokens.js';
import { builtinEngine } from '../../src/analyze.js';
import { timed } from '../support/arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const LEXICON = new Map<string, string[]>([
  ['pronoun', ['we', 'our', 'us', "we're"]],
  ['pair', ['a', 'a a', 'a a a']],
  ['empty', []],
  ['constructor', ['x']],
]);
const VOCAB = ['a', 'b', 'we', 'our', 'you', 'walking', 'walk', "we're", "won't", 'constructor', '__proto__', 'toString', 'café', '李明', '1', '$'];

/** The documented syntax: words, =word, @class, groups with |, ?, !x, ., *, *N, ^ and $. */
const pattern: fc.Arbitrary<string> = fc.letrec<{ seq: string; el: string }>((tie) => ({
  // Past depth 3 oneof takes its first (non-recursive) choice, so groups stay small.
  el: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'pattern' },
    { weight: 6, arbitrary: fc.constantFrom(...VOCAB) },
    { weight: 2, arbitrary: fc.constantFrom(...VOCAB).map((w) => '=' + w) },
    { weight: 2, arbitrary: fc.constantFrom('@pronoun', '@pair', '@empty', '@missing', '@constructor', '@__proto__', '@') },
    { weight: 2, arbitrary: fc.constantFrom('.', '*', '*1', '*4', '*8', '*0', '*9', '*99', '*x') },
    { weight: 2, arbitrary: fc.constantFrom(...VOCAB, '@pair', '.', '(a|b)').map((w) => '!' + w) },
    { weight: 2, arbitrary: fc.constantFrom(...VOCAB, '@pair', '.').map((w) => w + '?') },
    { weight: 2, arbitrary: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).chain((opts) => fc.constantFrom('', '?').map((q) => `(${opts.join(' | ')})${q}`)) },
    { weight: 1, arbitrary: fc.constantFrom('(', ')', '|', '?', '^', '$', '!', '=', '??', '()', '(|)', '\t', '\u0000', '\ud800') },
  ),
  seq: fc.array(tie('el'), { minLength: 0, maxLength: 6 }).map((els) => els.join(' ')),
})).seq;

const anchored = fc.tuple(fc.constantFrom('', '^', ' ^'), pattern, fc.constantFrom('', '$', ' $')).map(([a, p, z]) => a + p + z);
const junk = fc.string({ maxLength: 40, unit: 'binary' });
const sentence = fc.array(fc.constantFrom(...VOCAB, 'a', 'a', 'a'), { maxLength: 60 }).map((ws) => ws.join(' '));

function compileOrError(source: string): CompiledPattern | PatternError {
  try {
    return compilePattern(source, LEXICON);
  } catch (e) {
    if (e instanceof PatternError) {
      expect(e.message.trim()).not.toBe('');
      return e;
    }
    throw e;
  }
}

/**
 * The matcher's meaning, computed exhaustively: for each start, the set of every end a pattern can
 * reach (every gap length, optional choice and alternative). Only usable on short inputs.
 */
function reference(p: CompiledPattern, tokens: readonly Token[]): { from: number; ends: Set<number> } | null {
  const one = (node: Node, t: Token): boolean =>
    node.t === 'word' ? t.stem === node.stem : node.t === 'exact' ? t.word === node.word : node.t === 'any' ? true
      : node.t === 'not' ? (node.node.t === 'alt' ? !node.node.options.some((o) => o.length === 1 && one(o[0]!, t)) : !one(node.node, t)) : false;
  const seq = (nodes: readonly Node[], from: Set<number>): Set<number> => {
    let at = from;
    for (const node of nodes) {
      const next = new Set<number>();
      for (const i of at) {
        if (node.opt) next.add(i);
        if (node.t === 'gap') for (let skip = 0; skip <= node.max && i + skip <= tokens.length; skip++) next.add(i + skip);
        else if (node.t === 'alt') for (const option of node.options) for (const e of seq(option, new Set([i]))) next.add(e);
        else if (i < tokens.length && one(node, tokens[i]!)) next.add(i + 1);
      }
      at = next;
    }
    return at;
  };
  const last = p.anchorStart ? 0 : tokens.length - 1;
  for (let from = 0; from <= Math.max(last, 0); from++) {
    const ends = new Set([...seq(p.nodes, new Set([from]))].filter((e) => e > from && (!p.anchorEnd || e === tokens.length)));
    if (ends.size > 0) return { from, ends };
  }
  return null;
}

describe('compilePattern', () => {
  it('patterns from the documented syntax compile or throw PatternError', () => {
    fc.assert(fc.property(anchored, (source) => void compileOrError(source)), { numRuns: RUNS * 3 });
  });

  it('junk strings compile or throw PatternError', () => {
    fc.assert(fc.property(junk, (source) => void compileOrError(source)), { numRuns: RUNS });
  });

  it('too many parts or too deep groups are PatternErrors, not slow compiles', () => {
    expect(compileOrError(Array(500).fill('a').join(' '))).toBeInstanceOf(PatternError);
    expect(compileOrError('('.repeat(5000) + 'a' + ')'.repeat(5000))).toBeInstanceOf(PatternError);
    expect(compileOrError('(a|'.repeat(2000) + 'b' + ')'.repeat(2000))).toBeInstanceOf(PatternError);
  });
});

describe('findMatch', () => {
  it('terminates quickly on random patterns and sentences, with a valid span', () => {
    fc.assert(
      fc.property(anchored, sentence, fc.nat(70), (source, text, start) => {
        const p = compileOrError(source);
        if (p instanceof PatternError) return;
        const tokens = tokenize(text);
        const span = timed(() => findMatch(p, tokens, start), 500, `matching "${source}"`);
        if (span) {
          expect(span.from).toBeGreaterThanOrEqual(start);
          expect(span.to).toBeGreaterThan(span.from);
          expect(span.to).toBeLessThanOrEqual(tokens.length);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('on short sentences, finds a match exactly where an exhaustive search finds one', () => {
    fc.assert(
      fc.property(anchored, fc.array(fc.constantFrom('a', 'b', 'we', 'walk'), { maxLength: 12 }), (source, words) => {
        const p = compileOrError(source);
        if (p instanceof PatternError) return;
        const tokens = tokenize(words.join(' '));
        const want = reference(p, tokens);
        const got = findMatch(p, tokens);
        if (!want) {
          expect(got).toBeNull();
          return;
        }
        expect(got?.from).toBe(want.from);
        expect(want.ends.has(got!.to)).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('exponential-looking patterns (stacked gaps, optional words, alternatives) stay fast', () => {
    const adversarial = [
      '*8 *8 *8 *8 *8 *8 *8 *8 *8 *8 zzz',
      Array(40).fill('a?').join(' ') + ' zzz',
      Array(20).fill('(a|a a)').join(' ') + ' zzz',
      Array(20).fill('@pair').join(' ') + ' zzz',
      Array(10).fill('(a? (a|a a)? *2)').join(' ') + ' zzz $',
      '^ ' + Array(30).fill('. ?').join(' ').replace(/ \?/g, '?') + ' zzz $',
    ];
    const tokens = tokenize(Array(400).fill('a').join(' '));
    for (const source of adversarial) {
      const p = compilePattern(source, LEXICON);
      timed(() => findMatch(p, tokens), 5000, source);
    }
  });

  it('a 100,000-token sentence: every built-in pattern and the adversarial ones complete', () => {
    const engine = builtinEngine();
    const words = ['we', 'our', 'platform', 'you', 'your', 'team', 'a', 'not', 'the', 'decide', 'why', 'budget', 'best', 'leading', 'help'];
    const text = Array.from({ length: 100_000 }, (_, i) => words[(i * 7919) % words.length]).join(' ');
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThanOrEqual(100_000);
    const patterns = engine.sentenceRules.flatMap((r) => [...r.patterns, ...r.exceptions, ...r.requires]);
    patterns.push(compilePattern('*8 *8 *8 *8 *8 *8 *8 *8 zzz', LEXICON), compilePattern(Array(30).fill('we?').join(' ') + ' zzz $', LEXICON));
    const t0 = performance.now();
    for (const p of patterns) findMatch(p, tokens);
    const ms = performance.now() - t0;
    // A generous sanity bound only: this is about finishing, not speed.
    expect(ms).toBeLessThan(30_000);
    console.log(`100k-token sentence: ${patterns.length} patterns in ${Math.round(ms)} ms`);
  });
});
