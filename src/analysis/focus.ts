/**
 * Whom a sentence is about, from compromise's parse: the grammatical subject (with its
 * possessive) decides between the seller's side ("we", "our platform", "I") and the buyer's
 * ("you", "your team"). compromise is loaded on first use only, since its import is costly.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Nlp = (text: string) => { sentences(): { json(): Array<{ sentence?: { subject?: string; verb?: string } }> } };
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

/** The grammatical subject's side and the main verb of the first sentence in `text`. */
export function sentenceFocus(text: string): SentenceFocus {
  nlp ??= require('compromise') as Nlp;
  const parsed = nlp(text).sentences().json()[0]?.sentence;
  const subjectText = (parsed?.subject ?? '').trim();
  const subject: Side = SELLER_SUBJECT.test(subjectText) ? 'seller' : SELLER_PERSON.test(subjectText) ? 'seller-person' : BUYER_SUBJECT.test(subjectText) ? 'buyer' : 'other';
  return { subject, subjectText, verb: (parsed?.verb ?? '').trim().toLowerCase() };
}
