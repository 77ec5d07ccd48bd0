/**
 * Question detection that works without punctuation: wh-words, auxiliary inversion, "tell me
 * about"-style requests and tag questions; and the question's type (open, closed, leading).
 */
import type { QuestionType } from '../types.js';
import { tokenize, type Token } from './tokens.js';

export interface QuestionInfo {
  isQuestion: boolean;
  type?: QuestionType;
}

const WH = new Set(['what', 'how', 'why', 'when', 'where', 'who', 'whom', 'whose', 'which']);
const MID_WH = new Set(['what', 'how', 'why', 'where', 'who']);
const AUX = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would', 'will', 'should', 'have', 'has', 'had', 'may', 'might', 'shall', 'am']);
const SUBJECT = new Set(['you', 'we', 'i', 'they', 'it', 'that', 'this', 'there', 'your', 'he', 'she', 'anyone', 'anything', 'someone', 'everyone', 'everything', 'these', 'those', 'y']);
const LEAD_IN = new Set(['so', 'and', 'okay', 'ok', 'well', 'now', 'like', 'but', 'then', 'oh', 'alright', 'just', 'yeah', 'yes', 'great', 'cool', 'sure', 'hey', 'look', 'also', 'actually', 'anyway', 'right', 'perfect', 'gotcha', 'honestly', 'first', 'second', 'finally', 'and', 'or']);
const NOT_BEFORE_MID_WH = new Set(['know', 'see', 'is', 'are', 'was', 'that', 'exactly', 'about', 'of', 'for', 'from', 'in', 'to', 'with', 'matter', 'care', 'no', 'show', 'tell', 'understand', 'hear', 'hearing', 'sure', 'wonder', 'ask', 'asking', 'figure', 'decide', 'explain', 'on', 'like', 'love', 'exactly', 'just', 'where', 'how', 'what']);
const REQUESTS: string[][] = [
  ['tell', 'me'], ['walk', 'me', 'through'], ['talk', 'me', 'through'], ['take', 'me', 'through'], ['help', 'me', 'understand'],
  ['help', 'me', 'see'], ['help', 'me', 'picture'], ['describe'], ['explain'], ['paint', 'me'], ['give', 'me', 'a', 'sense'], ['fill', 'me', 'in'],
  ['share', 'with', 'me'], ['i', 'am', 'curious'], ['i', 'would', 'love', 'to', 'hear'], ['i', 'would', 'love', 'to', 'know'], ['i', 'am', 'wondering'], ['curious'],
];
/** Negative auxiliaries that open a leading question; "didn't you say" is a reflection, so not did. */
const NEG_AUX = new Set(['would', 'is', 'are', 'do', 'does', 'could', 'should', 'was', 'will', 'can']);
const TAGS: string[][] = [
  ['right'], ['yeah'], ['correct'], ['is', 'that', 'fair'], ['is', 'that', 'right'], ['did', 'i', 'get', 'that', 'right'], ['does', 'that', 'make', 'sense'],
  ['do', 'not', 'you', 'think'], ['is', 'not', 'it'], ['do', 'you'], ['is', 'it'], ['am', 'i', 'right'], ['does', 'that', 'sound', 'right'], ['have', 'i', 'got', 'that', 'right'],
];

const TAGS_LONGEST_FIRST = [...TAGS].sort((a, b) => b.length - a.length);

function startsWith(words: readonly string[], at: number, seq: readonly string[]): boolean {
  for (let i = 0; i < seq.length; i++) if (words[at + i] !== seq[i]) return false;
  return true;
}

/** Index of the first word after lead-ins such as "so", "okay", "you know", "i mean". */
function skipLeadIn(words: readonly string[]): number {
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (LEAD_IN.has(w)) i++;
    else if ((w === 'you' && words[i + 1] === 'know') || (w === 'i' && words[i + 1] === 'mean') || (w === 'let' && words[i + 1] === 'me' && words[i + 2] === 'ask')) {
      i += w === 'let' ? 3 : 2;
      if (words[i] === 'you') i++;
      if (words[i] === 'this') i++;
    } else break;
  }
  return i;
}

/** Classifies a sentence. `questionMark` is whether the text ended in "?"; `cues` come from the rules' lexicon. */
export function classifyQuestion(tokens: readonly Token[], questionMark: boolean, text: string, cues: QuestionCues): QuestionInfo {
  const words = tokens.map((t) => t.word);
  if (words.length === 0) return { isQuestion: false };
  const s = skipLeadIn(words);
  const first = words[s];
  const second = words[s + 1];

  // Leading: negative auxiliary openings ("wouldn't you agree", "isn't it obvious").
  const negAuxStart = first !== undefined && NEG_AUX.has(first) && words[s + 1] === 'not' && SUBJECT.has(words[s + 2] ?? '');
  if (negAuxStart) return { isQuestion: true, type: 'leading' };
  if (isLeading(words, cues)) return { isQuestion: true, type: 'leading' };

  let open = false;
  let question = questionMark;
  if (first && WH.has(first)) {
    // "what i'm going to do is ..." and "what we'll do is ..." are statements, not questions.
    const pseudoCleft = !questionMark && (second === 'i' || second === 'we') && words.includes('is');
    // "When something goes wrong, you know" opens a clause; "when do you" asks.
    const subordinate = (first === 'when' || first === 'where' || first === 'if') && !questionMark && !AUX.has(second ?? '');
    if (!pseudoCleft && !subordinate) {
      question = true;
      open = first !== 'which' || second === 'one' || second === 'ones' || second === 'part' || second === 'of';
    }
  }
  if (!question || !open) {
    for (const req of REQUESTS) {
      if (startsWith(words, s, req)) {
        question = true;
        open = true;
        break;
      }
    }
  }
  if (!question && first && AUX.has(first) && SUBJECT.has(second ?? '')) question = true;
  // Written text that ends in a full stop says it is a statement; the looser cues below are for
  // speech-to-text, which has no punctuation ("It'll tell you what the risk is." is not a question).
  const statement = !questionMark && /[.!]["')\]]*$/.test(text);
  if ((!question || !open) && !statement) {
    // A wh-word or an inverted auxiliary later in the sentence ("so before i start what's got you
    // thinking about solar", "if i can get the price down would you sign today").
    for (let i = s + 1; i < words.length - 1; i++) {
      const w = words[i]!;
      const prev = words[i - 1]!;
      if (MID_WH.has(w) && !NOT_BEFORE_MID_WH.has(prev) && words[i + 1] !== 'i' && words[i + 1] !== 'we' && words[i + 1] !== 'to') {
        question = true;
        open = true;
        break;
      }
      if (!question && AUX.has(w) && (words[i + 1] === 'you' || words[i + 1] === 'we') && !SUBJECT.has(prev) && !['if', 'that', 'what', 'how', 'when', 'where', 'why', 'who', 'which', 'as', 'than', 'and', 'to', 'thing', 'things', 'whatever'].includes(prev)) {
        question = true;
      }
    }
  }
  if (!question) {
    for (const tag of TAGS_LONGEST_FIRST) {
      if (words.length > tag.length + 2 && startsWith(words, words.length - tag.length, tag)) {
        // Tags only count after a clause ("..., right"): a single "right" in passing does not.
        question = questionMark || tag.length > 1;
        break;
      }
    }
  }
  if (!question) return { isQuestion: false };
  return { isQuestion: true, type: open ? 'open' : 'closed' };
}

/** The lexicon class of leading-question phrases: a question holding one carries its own answer. */
export const LEADING_CLASS = 'leading-question';

/** The word lists that decide what a question is, from rule data. */
export interface QuestionCues {
  /** Leading-question phrases as word sequences, in the form `tokenize` gives ("isn't" is "is not"). */
  leading: readonly (readonly string[])[];
}

/** Reads the cues from the lexicon: each entry of the leading-question class, tokenized. */
export function questionCues(lexicon: ReadonlyMap<string, readonly string[]>): QuestionCues {
  return { leading: (lexicon.get(LEADING_CLASS) ?? []).map((entry) => tokenize(entry).map((t) => t.word)).filter((w) => w.length > 0) };
}

/** The leading-question phrases by their first word, once per cue list: a sentence's words each look up the few phrases they can begin. */
const leadingIndex = new WeakMap<QuestionCues, { byFirst: Map<string, Array<readonly string[]>>; empty: boolean }>();

function isLeading(words: readonly string[], cues: QuestionCues): boolean {
  let ix = leadingIndex.get(cues);
  if (!ix) {
    // An empty phrase (a caller's own cue list may hold one) begins at every word.
    ix = { byFirst: new Map(), empty: false };
    for (const seq of cues.leading) {
      if (seq.length === 0) ix.empty = true;
      else {
        const list = ix.byFirst.get(seq[0]!);
        if (list) list.push(seq);
        else ix.byFirst.set(seq[0]!, [seq]);
      }
    }
    leadingIndex.set(cues, ix);
  }
  if (ix.empty && words.length > 0) return true;
  for (let i = 0; i < words.length; i++) {
    const seqs = ix.byFirst.get(words[i]!);
    if (seqs) for (const seq of seqs) if (startsWith(words, i, seq)) return true;
  }
  return false;
}
