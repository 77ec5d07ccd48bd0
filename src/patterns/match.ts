/** Running compiled token patterns over a sentence's tokens; bounded work, never throws. */
import type { Token } from '../text/tokens.js';
import type { CompiledPattern, Node } from './compile.js';

export interface Span {
  /** Token index range [from, to). */
  from: number;
  to: number;
}

/** The first match of a pattern in the tokens starting at or after `start`, or null. */
export function findMatch(pattern: CompiledPattern, tokens: readonly Token[], start = 0): Span | null {
  const last = pattern.anchorStart ? 0 : tokens.length - 1;
  for (let from = start; from <= Math.max(last, 0); from++) {
    const end = matchSeq(pattern.nodes, 0, tokens, from, pattern.anchorEnd);
    if (end >= 0 && end > from) return { from, to: end };
  }
  return null;
}

/** Matches nodes[k..] at token position i; returns the end position or -1. */
function matchSeq(nodes: readonly Node[], k: number, tokens: readonly Token[], i: number, anchorEnd: boolean): number {
  if (k === nodes.length) return !anchorEnd || i === tokens.length ? i : -1;
  const node = nodes[k]!;
  if (node.t === 'gap') {
    for (let skip = 0; skip <= node.max && i + skip <= tokens.length; skip++) {
      const end = matchSeq(nodes, k + 1, tokens, i + skip, anchorEnd);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (node.t === 'alt') {
    for (const option of node.options) {
      const mid = matchSeq(option, 0, tokens, i, false);
      if (mid >= 0) {
        const end = matchSeq(nodes, k + 1, tokens, mid, anchorEnd);
        if (end >= 0) return end;
      }
    }
  } else if (i < tokens.length && matchOne(node, tokens[i]!)) {
    const end = matchSeq(nodes, k + 1, tokens, i + 1, anchorEnd);
    if (end >= 0) return end;
  }
  return node.opt ? matchSeq(nodes, k + 1, tokens, i, anchorEnd) : -1;
}

function matchOne(node: Node, token: Token): boolean {
  switch (node.t) {
    case 'word':
      return token.stem === node.stem;
    case 'exact':
      return token.word === node.word;
    case 'any':
      return true;
    case 'not':
      return node.node.t === 'alt' ? !node.node.options.some((o) => o.length === 1 && matchOne(o[0]!, token)) : !matchOne(node.node, token);
    default:
      return false;
  }
}
