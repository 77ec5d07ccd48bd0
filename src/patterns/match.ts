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
  const first = firstTokens(pattern);
  // No token of the sentence can begin a match: every start below would be skipped.
  if (first && tokens.length > 0 && !meetsGroup(first, present(tokens))) return null;
  const last = pattern.anchorStart ? 0 : tokens.length - 1;
  const done: Cont = (i) => (!pattern.anchorEnd || i === tokens.length ? i : -1);
  const total = { left: Math.max(TOTAL_MIN, STEPS_PER_TOKEN * tokens.length) };
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
    if (node.options.length >= INDEXED_OPTIONS) {
      const end = matchAlt(node, nodes, k, s, i, cont);
      if (end >= 0) return end;
    } else {
      const rest: Cont = (j) => matchSeq(nodes, k + 1, s, j, cont);
      for (const option of node.options) {
        const end = matchSeq(option, 0, s, i, rest);
        if (end >= 0) return end;
      }
    }
  } else if (i < s.tokens.length && matchOne(node, s.tokens[i]!)) {
    const end = matchSeq(nodes, k + 1, s, i + 1, cont);
    if (end >= 0) return end;
  }
  return node.opt ? matchSeq(nodes, k + 1, s, i, cont) : -1;
}

/**
 * An alternation's options by the token they must begin with: a lexicon class has up to a hundred
 * options, and trying each at every position was most of matching. Options whose first part is a
 * word or an exact word are tried only where the token is that word; the rest (optional or
 * wildcard first parts) everywhere. In option order, so the first option that matches still wins.
 */
/** Fewer options than this are simply tried in turn: looking the token up costs more than it saves. */
const INDEXED_OPTIONS = 6;

interface AltIndex {
  byStem: Map<string, number[]>;
  byWord: Map<string, number[]>;
  wild: number[];
}

const altCache = new WeakMap<Node, AltIndex>();
const NONE: readonly number[] = [];
/** Past every option index (a small integer, so that indexes stay integers). */
const END = 0x3fffffff;

function altIndex(node: Extract<Node, { t: 'alt' }>): AltIndex {
  let ix = altCache.get(node);
  if (!ix) {
    ix = { byStem: new Map(), byWord: new Map(), wild: [] };
    node.options.forEach((option, o) => {
      const head = option[0];
      const [map, key] = head && !head.opt && head.t === 'word' ? [ix!.byStem, head.stem] : head && !head.opt && head.t === 'exact' ? [ix!.byWord, head.word] : [undefined, ''];
      if (!map) ix!.wild.push(o);
      else {
        const list = map.get(key);
        if (list) list.push(o);
        else map.set(key, [o]);
      }
    });
    altCache.set(node, ix);
  }
  return ix;
}

/**
 * An option skipped by the index would have failed in one step of matchSeq; the skipped steps still
 * count against the budgets, so that where a search stops does not change.
 */
function skipSteps(s: State, n: number): void {
  if (n <= 0) return;
  const room = STEP_BUDGET - s.steps;
  s.steps += n;
  if (room > 0) s.total.left -= Math.min(n, room);
}

/** Matches an alternation at nodes[k], then nodes[k+1..] and the continuation; the end or -1. */
function matchAlt(node: Extract<Node, { t: 'alt' }>, nodes: readonly Node[], k: number, s: State, i: number, cont: Cont): number {
  const ix = altIndex(node);
  const tok = s.tokens[i];
  const a = tok ? (ix.byStem.get(tok.stem) ?? NONE) : NONE;
  const b = tok ? (ix.byWord.get(tok.word) ?? NONE) : NONE;
  const c = ix.wild;
  let rest: Cont | undefined;
  let pa = 0, pb = 0, pc = 0, next = 0;
  for (;;) {
    // The next option in order among the three lists (each option is in one of them).
    const oa = pa < a.length ? a[pa]! : END, ob = pb < b.length ? b[pb]! : END, oc = pc < c.length ? c[pc]! : END;
    let o: number;
    if (oa < ob && oa < oc) {
      o = oa;
      pa++;
    } else if (ob < oc) {
      o = ob;
      pb++;
    } else if (oc !== END) {
      o = oc;
      pc++;
    } else break;
    skipSteps(s, o - next);
    next = o + 1;
    rest ??= (j) => matchSeq(nodes, k + 1, s, j, cont);
    const end = matchSeq(node.options[o]!, 0, s, i, rest);
    if (end >= 0) return end;
  }
  skipSteps(s, node.options.length - next);
  return -1;
}

/** The single-token options of an alternation as sets, for `!@class` (one lookup, not one test per option). */
interface OneOf {
  stems: Set<string>;
  words: Set<string>;
  others: Node[];
}

const oneOfCache = new WeakMap<Node, OneOf>();

function oneOf(node: Extract<Node, { t: 'alt' }>, token: Token): boolean {
  let set = oneOfCache.get(node);
  if (!set) {
    set = { stems: new Set(), words: new Set(), others: [] };
    for (const o of node.options) {
      if (o.length !== 1) continue;
      const only = o[0]!;
      if (only.t === 'word') set.stems.add(only.stem);
      else if (only.t === 'exact') set.words.add(only.word);
      else set.others.push(only);
    }
    oneOfCache.set(node, set);
  }
  return set.stems.has(token.stem) || set.words.has(token.word) || set.others.some((n) => matchOne(n, token));
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
      return node.node.t === 'alt' ? !oneOf(node.node, token) : !matchOne(node.node, token);
    default:
      return false;
  }
}

/** The tokens a match can begin with: stems and exact words; null when any token can. */
interface First {
  stems: Set<string>;
  words: Set<string>;
}

const firstCache = new WeakMap<CompiledPattern, ListedGroup | null>();

/**
 * Which tokens can start a match. Without this every start position ran the whole pattern, and a
 * 5 MB one-line transcript (a single 1M-word sentence) took about a minute (found by the bad-input
 * tests); most starts are now a set lookup.
 */
function firstTokens(pattern: CompiledPattern): ListedGroup | null {
  let f = firstCache.get(pattern);
  if (f === undefined) {
    const memo = new Map<readonly Node[], Map<number, First | null>>();
    const found = firstOf(pattern.nodes, 0, () => ({ stems: new Set(), words: new Set() }), memo);
    f = found && listed(found);
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

/** A group with its members also as lists, for walking whichever side of a check is smaller. */
interface ListedGroup extends Group {
  stemList: string[];
  wordList: string[];
}

const groupCache = new WeakMap<CompiledPattern, ListedGroup[]>();

function requiredGroups(pattern: CompiledPattern): ListedGroup[] {
  let g = groupCache.get(pattern);
  if (!g) groupCache.set(pattern, (g = groupsOf(pattern.nodes).map(listed)));
  return g;
}

const listed = (g: Group): ListedGroup => ({ ...g, stemList: [...g.stems], wordList: [...g.words] });

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

/** A sentence's distinct stems and words, as sets and lists, made once per token list (every pattern reads them). */
type Present = ListedGroup;

const presentCache = new WeakMap<readonly Token[], Present & { n: number }>();

function present(tokens: readonly Token[]): Present {
  let p = presentCache.get(tokens);
  if (!p || p.n !== tokens.length) {
    p = { stems: new Set(), words: new Set(), stemList: [], wordList: [], n: tokens.length };
    for (const t of tokens) {
      if (!p.stems.has(t.stem)) {
        p.stems.add(t.stem);
        p.stemList.push(t.stem);
      }
      if (!p.words.has(t.word)) {
        p.words.add(t.word);
        p.wordList.push(t.word);
      }
    }
    presentCache.set(tokens, p);
  }
  return p;
}

/** Whether one of `list` is in `set`: the lookups go over the shorter side (a lexicon class can hold a hundred stems, a sentence a dozen). */
function meets(list: readonly string[], set: ReadonlySet<string>, otherList: readonly string[], otherSet: ReadonlySet<string>): boolean {
  if (list.length <= otherList.length) {
    for (let i = 0; i < list.length; i++) if (otherSet.has(list[i]!)) return true;
  } else {
    for (let i = 0; i < otherList.length; i++) if (set.has(otherList[i]!)) return true;
  }
  return false;
}

/** Whether the sentence holds one of the group's stems or words. */
function meetsGroup(g: ListedGroup, have: Present): boolean {
  return meets(g.stemList, g.stems, have.stemList, have.stems) || meets(g.wordList, g.words, have.wordList, have.words);
}

function hasRequiredWords(pattern: CompiledPattern, tokens: readonly Token[]): boolean {
  const groups = requiredGroups(pattern);
  if (groups.length === 0) return true;
  const have = present(tokens);
  for (let i = 0; i < groups.length; i++) if (!meetsGroup(groups[i]!, have)) return false;
  return true;
}
