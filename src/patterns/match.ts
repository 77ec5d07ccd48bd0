/**
 * Running compiled token patterns over a sentence's tokens. Full backtracking (a gap inside an
 * alternative can stretch), with a step budget per start position so that no pattern, however
 * written, can take more than bounded time: past the budget the attempt counts as no match.
 */
import type { Token } from '../language/tokens.js';
import type { CompiledPattern, Node } from './compile.js';

export interface Span {
  /** Token index range [from, to). */
  from: number;
  to: number;
}

/** Steps allowed per start position; real patterns use a few dozen. */
const STEP_BUDGET = 20_000;
/**
 * Steps allowed for a whole search, per token (and at least TOTAL_MIN). The per-start budget alone
 * let an adversarial rule-pack pattern (`*8 *8 *8 *8 *8 *8 *8 *8 zzz`) spend 20,000 steps at every
 * start: 6 s on a 5,000-word sentence, minutes on 100,000 words (found by the fuzz tests). Real
 * patterns stay far below this average, so it only cuts searches that would have been cut anyway.
 */
const STEPS_PER_TOKEN = 200;
const TOTAL_MIN = 100_000;

interface State {
  tokens: readonly Token[];
  steps: number;
  /** Steps left for the whole search, shared by every start position. */
  total: { left: number };
}

type Cont = (i: number) => number;

/** The first match of a pattern in the tokens starting at or after `start`, or null. */
export function findMatch(pattern: CompiledPattern, tokens: readonly Token[], start = 0): Span | null {
  if (!hasRequiredWords(pattern, tokens)) return null;
  const last = pattern.anchorStart ? 0 : tokens.length - 1;
  const done: Cont = (i) => (!pattern.anchorEnd || i === tokens.length ? i : -1);
  const total = { left: Math.max(TOTAL_MIN, STEPS_PER_TOKEN * tokens.length) };
  const first = firstTokens(pattern);
  for (let from = start; from <= Math.max(last, 0) && total.left > 0; from++) {
    // A match consumes tokens[from] first; skip starts no first part can take (same result, less work).
    const tok = tokens[from];
    if (first && tok && !first.stems.has(tok.stem) && !first.words.has(tok.word)) continue;
    const state: State = { tokens, steps: 0, total };
    const end = matchSeq(pattern.nodes, 0, state, from, done);
    if (end > from) return { from, to: end };
  }
  return null;
}

/** Matches nodes[k..] at token position i, then the continuation; returns the end or -1. */
function matchSeq(nodes: readonly Node[], k: number, s: State, i: number, cont: Cont): number {
  if (++s.steps > STEP_BUDGET || --s.total.left < 0) return -1;
  if (k === nodes.length) return cont(i);
  const node = nodes[k]!;
  if (node.t === 'gap') {
    for (let skip = 0; skip <= node.max && i + skip <= s.tokens.length; skip++) {
      const end = matchSeq(nodes, k + 1, s, i + skip, cont);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (node.t === 'alt') {
    const rest: Cont = (j) => matchSeq(nodes, k + 1, s, j, cont);
    for (const option of node.options) {
      const end = matchSeq(option, 0, s, i, rest);
      if (end >= 0) return end;
    }
  } else if (i < s.tokens.length && matchOne(node, s.tokens[i]!)) {
    const end = matchSeq(nodes, k + 1, s, i + 1, cont);
    if (end >= 0) return end;
  }
  return node.opt ? matchSeq(nodes, k + 1, s, i, cont) : -1;
}

function matchOne(node: Node, token: Token): boolean {
  switch (node.t) {
    case 'word':
      return token.stem === node.stem;
    case 'exact':
      return token.word === node.word;
    case 'any':
      return true;
    case 'num':
      return token.word.charCodeAt(0) >= 48 && token.word.charCodeAt(0) <= 57;
    case 'not':
      return node.node.t === 'alt' ? !node.node.options.some((o) => o.length === 1 && matchOne(o[0]!, token)) : !matchOne(node.node, token);
    default:
      return false;
  }
}

/** The tokens a match can begin with: stems and exact words; null when any token can. */
interface First {
  stems: Set<string>;
  words: Set<string>;
}

const firstCache = new WeakMap<CompiledPattern, First | null>();

/**
 * Which tokens can start a match. Without this every start position ran the whole pattern, and a
 * 5 MB one-line transcript (a single 1M-word sentence) took about a minute (found by the bad-input
 * tests); most starts are now a set lookup.
 */
function firstTokens(pattern: CompiledPattern): First | null {
  let f = firstCache.get(pattern);
  if (f === undefined) {
    const memo = new Map<readonly Node[], Map<number, First | null>>();
    f = firstOf(pattern.nodes, 0, () => ({ stems: new Set(), words: new Set() }), memo);
    firstCache.set(pattern, f);
  }
  return f;
}

/** First tokens of nodes[k..] followed by whatever `after` begins with; memoized by (nodes, k). */
function firstOf(nodes: readonly Node[], k: number, after: () => First | null, memo: Map<readonly Node[], Map<number, First | null>>): First | null {
  let table = memo.get(nodes);
  if (!table) memo.set(nodes, (table = new Map()));
  if (table.has(k)) return table.get(k)!;
  let out: First | null;
  const rest = () => firstOf(nodes, k + 1, after, memo);
  if (k === nodes.length) out = after();
  else {
    const node = nodes[k]!;
    if (node.t === 'word' || node.t === 'exact') {
      out = { stems: new Set(node.t === 'word' ? [node.stem] : []), words: new Set(node.t === 'exact' ? [node.word] : []) };
      if (node.opt) out = union(out, rest());
    } else if (node.t === 'alt') {
      out = { stems: new Set(), words: new Set() };
      for (const option of node.options) out = union(out, firstOf(option, 0, rest, memo));
      if (node.opt) out = union(out, rest());
    } else out = null; // any, not, gap: any token can come first
  }
  table.set(k, out);
  return out;
}

function union(a: First | null, b: First | null): First | null {
  if (!a || !b) return null;
  for (const x of b.stems) a.stems.add(x);
  for (const x of b.words) a.words.add(x);
  return a;
}

/**
 * Words a match cannot do without: every group is a set of stems and exact words, one of which
 * must occur in the sentence (a part that is not optional, or an alternation whose every option
 * needs one of them). The index already picks patterns by one of their words; this checks them all
 * before any matching, and most candidate patterns (a sentence with "we" meets every pattern
 * with "we") end here with a few set lookups.
 */
interface Group {
  stems: Set<string>;
  words: Set<string>;
}

const groupCache = new WeakMap<CompiledPattern, Group[]>();

function requiredGroups(pattern: CompiledPattern): Group[] {
  let g = groupCache.get(pattern);
  if (!g) groupCache.set(pattern, (g = groupsOf(pattern.nodes)));
  return g;
}

function groupsOf(nodes: readonly Node[]): Group[] {
  const out: Group[] = [];
  for (const node of nodes) {
    if (node.opt) continue;
    if (node.t === 'word') out.push({ stems: new Set([node.stem]), words: new Set() });
    else if (node.t === 'exact') out.push({ stems: new Set(), words: new Set([node.word]) });
    else if (node.t === 'alt') {
      // Whichever option matches brings its own first required group: their union is required.
      const union: Group = { stems: new Set(), words: new Set() };
      let every = true;
      for (const option of node.options) {
        const first = groupsOf(option)[0];
        if (!first) {
          every = false;
          break;
        }
        for (const x of first.stems) union.stems.add(x);
        for (const x of first.words) union.words.add(x);
      }
      if (every) out.push(union);
    }
  }
  return out;
}

/** A sentence's stems and words as sets, made once per token list (every pattern reads them). */
const presentCache = new WeakMap<readonly Token[], Group & { n: number }>();

function present(tokens: readonly Token[]): Group {
  let p = presentCache.get(tokens);
  if (!p || p.n !== tokens.length) {
    p = { stems: new Set(), words: new Set(), n: tokens.length };
    for (const t of tokens) {
      p.stems.add(t.stem);
      p.words.add(t.word);
    }
    presentCache.set(tokens, p);
  }
  return p;
}

function hasRequiredWords(pattern: CompiledPattern, tokens: readonly Token[]): boolean {
  const groups = requiredGroups(pattern);
  if (groups.length === 0) return true;
  const have = present(tokens);
  return groups.every((g) => {
    for (const x of g.stems) if (have.stems.has(x)) return true;
    for (const x of g.words) if (have.words.has(x)) return true;
    return false;
  });
}
