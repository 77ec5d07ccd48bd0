/**
 * Whom a sentence is about, from compromise's parse: the grammatical subject (with its
 * possessive) decides between the seller's side ("we", "our platform", "I") and the buyer's
 * ("you", "your team"). compromise is loaded on first use only, since its import is costly.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Nlp = (text: string) => { sentences(): { json(opts?: object): Array<{ sentence?: { subject?: string; verb?: string } }> } };
let nlp: Nlp | undefined;

/** "we"/"our": the seller's company; "i"/"my": the seller in person, often offering to help. */
export type Side = 'seller' | 'seller-person' | 'buyer' | 'other';

export interface SentenceFocus {
  subject: Side;
  subjectText: string;
  verb: string;
}

const SELLER_SUBJECT = /^(?:we|us|our|ours|we've|we're)\b/i;
const SELLER_PERSON = /^(?:i|my|i've|i'm|me)\b/i;
const BUYER_SUBJECT = /^(?:you|your|yours|you've|you're|y'all)\b/i;

const LEAD_INS = new Set(['so', 'and', 'but', 'well', 'okay', 'ok', 'honestly', 'now', 'yeah', 'yes', 'look', 'also', 'plus', 'actually', 'basically', 'frankly', 'again', 'then', 'oh', 'right', 'sure', 'great', 'like']);

/**
 * The side of the sentence's subject. A sentence that opens (after lead-ins) with a pronoun or
 * possessive needs no parse, nor one whose introductory phrase ends in a comma ("For the backup,
 * we offer ..."). Otherwise ("The platform we built handles ...") compromise's parse decides when
 * `deep` is set; without it the subject counts as neither side. Measured on 31 calls, the parse
 * changed no score by more than a point, and its import costs about 0.6 s per process, so it is
 * opt-in (--deep-parse).
 */
export function subjectSide(text: string, words: readonly string[], deep: boolean): Side {
  return openingSide(words) ?? afterIntroduction(text) ?? (deep ? sentenceFocus(text).subject : 'other');
}

/** The side named right after a short introductory phrase that ends in a comma. */
function afterIntroduction(text: string): Side | undefined {
  const m = /^([^,]{1,60}),\s*([\p{L}']+)/u.exec(text);
  if (!m || m[1]!.split(/\s+/).length > 8) return undefined;
  return openingSide([m[2]!.toLowerCase()]);
}

/** The side named by the sentence's first word after lead-ins, or undefined when it names none. */
export function openingSide(words: readonly string[]): Side | undefined {
  let i = 0;
  while (i < words.length - 1 && LEAD_INS.has(words[i]!)) i++;
  const first = words[i] ?? '';
  if (SELLER_SUBJECT.test(first)) return 'seller';
  if (SELLER_PERSON.test(first)) return 'seller-person';
  if (BUYER_SUBJECT.test(first)) return 'buyer';
  return undefined;
}

/** The grammatical subject's side and the main verb of the first sentence in `text`, from compromise. */
export function sentenceFocus(text: string): SentenceFocus {
  nlp ??= require('compromise') as Nlp;
  // Only the sentence parse is needed; leaving out the per-term JSON halves the cost.
  const parsed = nlp(text).sentences().json({ terms: false, text: false, normal: false, offset: false })[0]?.sentence;
  const subjectText = (parsed?.subject ?? '').trim();
  const subject: Side = SELLER_SUBJECT.test(subjectText) ? 'seller' : SELLER_PERSON.test(subjectText) ? 'seller-person' : BUYER_SUBJECT.test(subjectText) ? 'buyer' : 'other';
  return { subject, subjectText, verb: (parsed?.verb ?? '').trim().toLowerCase() };
}
