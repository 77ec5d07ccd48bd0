/**
 * Token patterns: a small language over stemmed tokens, compiled once per rule and matched in
 * bounded time (patterns/match.ts has a step budget; there are no user regular expressions, so no
 * pattern can hang the process).
 *
 *   word        a word; compared by stem, so "walk" matches "walking"
 *   =word       a word compared exactly (no stemming)
 *   @name       any entry of the lexicon class `name` (entries may be several words)
 *   (a b|c)     alternatives, each a sequence
 *   x?          x is optional
 *   !x          one token that is not x (x a word, =word or @name)
 *   .           any one token
 *   #num        a number written in digits ("4,000" is two tokens, 4 and 000)
 *   *  / *N     up to 4 (or N, at most 8) tokens of anything
 *   ^ / $       at the start / end of the sentence (only first / last in a pattern)
 */
import { stem } from '../language/stem.js';
import { tokenize } from '../language/tokens.js';

export type Node =
  | { t: 'word'; stem: string; opt: boolean }
  | { t: 'exact'; word: string; opt: boolean }
  | { t: 'any'; opt: boolean }
  | { t: 'num'; opt: boolean }
  | { t: 'gap'; max: number; opt: false }
  | { t: 'alt'; options: Node[][]; opt: boolean }
  | { t: 'not'; node: Node; opt: false };

export interface CompiledPattern {
  source: string;
  /** Position among its rule's patterns: the first listed that matches is the one reported. */
  order: number;
  nodes: Node[];
  anchorStart: boolean;
  anchorEnd: boolean;
  /** Stems of which at least one must occur in a sentence for the pattern to match (for the index). */
  required: string[] | null;
}

export type Lexicon = ReadonlyMap<string, string[]>;

/** A pattern that cannot be compiled; `reason` says what is wrong and where. */
export class PatternError extends Error {}

const MAX_GAP = 8;
const MAX_NODES = 120;

/** Compiles one pattern against a lexicon. Throws PatternError on bad syntax or unknown classes. */
export function compilePattern(source: string, lexicon: Lexicon, order = 0): CompiledPattern {
  let text = source.trim();
  if (!text) throw new PatternError('the pattern is empty');
  const anchorStart = text.startsWith('^');
  if (anchorStart) text = text.slice(1);
  const anchorEnd = text.endsWith('$');
  if (anchorEnd) text = text.slice(0, -1);
  const lexed = lex(text);
  const parser = { toks: lexed, i: 0, lexicon, depth: 0, count: 0 };
  const nodes = parseSequence(parser);
  if (parser.i < lexed.length) throw new PatternError(`unexpected "${lexed[parser.i]}"`);
  if (nodes.length === 0) throw new PatternError('the pattern has no words');
  if (parser.count > MAX_NODES) throw new PatternError(`the pattern is too long (more than ${MAX_NODES} parts)`);
  if (canBeEmpty(nodes)) throw new PatternError('every part of the pattern is optional');
  return { source, order, nodes, anchorStart, anchorEnd, required: requiredStems(nodes) };
}

function lex(text: string): string[] {
  const out: string[] = [];
  const re = /\s*([()|]|[^\s()|]+)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1]!.length) out.push(m[1]!);
    if (re.lastIndex >= text.length) break;
  }
  return out;
}

interface Parser {
  toks: string[];
  i: number;
  lexicon: Lexicon;
  depth: number;
  count: number;
}

function parseSequence(p: Parser): Node[] {
  const nodes: Node[] = [];
  while (p.i < p.toks.length) {
    const tok = p.toks[p.i]!;
    if (tok === ')' || tok === '|') break;
    nodes.push(...parseElement(p));
  }
  return nodes;
}

function parseElement(p: Parser): Node[] {
  let tok = p.toks[p.i++]!;
  p.count++;
  if (tok === '(') {
    if (++p.depth > 4) throw new PatternError('groups are nested too deeply');
    const options: Node[][] = [parseSequence(p)];
    while (p.toks[p.i] === '|') {
      p.i++;
      options.push(parseSequence(p));
    }
    if (p.toks[p.i] !== ')') throw new PatternError('a "(" is not closed');
    p.i++;
    p.depth--;
    let opt = false;
    if (p.toks[p.i] === '?') {
      p.i++;
      opt = true;
    }
    if (options.some((o) => o.length === 0)) throw new PatternError('a group has an empty alternative');
    return [{ t: 'alt', options, opt }];
  }
  if (tok === ')' || tok === '|') throw new PatternError(`unexpected "${tok}"`);
  if (tok === '?') throw new PatternError('"?" must follow a word or group');
  let opt = false;
  if (tok.length > 1 && tok.endsWith('?')) {
    opt = true;
    tok = tok.slice(0, -1);
  }
  if (tok === '.') return [{ t: 'any', opt }];
  if (tok === '#num') return [{ t: 'num', opt }];
  if (/^\*\d*$/.test(tok)) {
    const max = tok.length > 1 ? Number(tok.slice(1)) : 4;
    if (max < 1 || max > MAX_GAP) throw new PatternError(`a gap "${tok}" must be *1 to *${MAX_GAP}`);
    return [{ t: 'gap', max, opt: false }];
  }
  if (tok.startsWith('!')) {
    const inner = atom(tok.slice(1), p.lexicon, false);
    return [{ t: 'not', node: inner, opt: false }];
  }
  return [atom(tok, p.lexicon, opt)];
}

function atom(tok: string, lexicon: Lexicon, opt: boolean): Node {
  if (tok.startsWith('@')) {
    const entries = lexicon.get(tok.slice(1));
    if (!entries) throw new PatternError(`unknown lexicon class "${tok}"`);
    const options = entries.map((entry) => tokenize(entry).map((t): Node => ({ t: 'word', stem: t.stem, opt: false })));
    return { t: 'alt', options: options.filter((o) => o.length > 0), opt };
  }
  if (tok.startsWith('=')) {
    const word = tok.slice(1).toLowerCase();
    if (!/^[\p{L}\p{N}'$%#]+$/u.test(word)) throw new PatternError(`"${tok}" is not a word`);
    return { t: 'exact', word, opt };
  }
  const toks = tokenize(tok);
  if (toks.length === 0) throw new PatternError(`"${tok}" is not a word`);
  if (toks.length === 1) return { t: 'word', stem: toks[0]!.stem, opt };
  // A contraction such as "we're" expands to several words.
  return { t: 'alt', options: [toks.map((t): Node => ({ t: 'word', stem: t.stem, opt: false }))], opt };
}

const COMMON = new Set(['you', 'your', 'we', 'our', 'i', 'me', 'my', 'the', 'a', 'to', 'is', 'are', 'it', 'that', 'thi', 'and', 'of', 'do', 'be', 'what', 'us', 'not', 'will', 'would', 'can']);

/** Picks the non-optional part with the rarest-looking words as the pattern's index key. */
/** Whether a sequence can match no word at all (an alternation counts when one of its options can): such a pattern would flag every sentence. */
function canBeEmpty(nodes: readonly Node[]): boolean {
  return nodes.every((n) => n.opt || n.t === 'gap' || (n.t === 'alt' && n.options.some((o) => canBeEmpty(o))));
}

function requiredStems(nodes: Node[]): string[] | null {
  let best: string[] | null = null;
  let bestCost = Infinity;
  for (const node of nodes) {
    if (node.opt) continue;
    const stems = firstStems(node);
    if (!stems) continue;
    const cost = stems.reduce((c, s) => c + (COMMON.has(s) ? 50 : 1), 0);
    if (cost < bestCost) {
      best = stems;
      bestCost = cost;
    }
  }
  return best;
}

function firstStems(node: Node): string[] | null {
  if (node.t === 'word') return [node.stem];
  if (node.t === 'exact') return [stem(node.word)];
  if (node.t === 'alt') {
    const all: string[] = [];
    for (const seq of node.options) {
      const first = seq.find((n) => !n.opt);
      if (!first || first !== seq[0]) return null;
      const s = firstStems(first);
      if (!s) return null;
      all.push(...s);
    }
    return [...new Set(all)];
  }
  return null;
}
