/**
 * The buyer's own words to build a suggestion on: before each turn, the latest sentence in which a
 * buyer said why they are looking (a pain, a goal, a worry: the lexicon's journey-reasons words) or
 * told of their own situation ("our reps spend half the day on admin"), of a length that reads as a quote. "You said deal cycles are stretching" helps a rep; a canned
 * example about night shifts, in a call about payroll, does not.
 */
import type { Role, Turn } from '../types.js';
import { tokenizedSentences } from '../language/turn-sentences.js';

/** A quote shorter than this says too little; longer, it is not a quote any more. */
const MIN_WORDS = 4;
const MAX_WORDS = 20;
/** A sentence about the buyer's own situation needs a few more words to be worth quoting. */
const OWN_MIN_WORDS = 6;
const FIRST_PERSON = new Set(['i', 'we', 'our', 'my', 'us']);

/** For each turn, the buyer's latest reason sentence said before it (undefined before there is one). */
export function buyerWordsBefore(turns: readonly Turn[], roles: readonly Role[], reasonStems: ReadonlySet<string>): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  let latest: string | undefined;
  turns.forEach((turn, i) => {
    out.push(latest);
    if (roles[i] === 'seller') return;
    for (const s of tokenizedSentences(turn)) {
      const { tokens } = s;
      if (tokens.length < MIN_WORDS || tokens.length > MAX_WORDS) continue;
      const reason = tokens.some((t) => reasonStems.has(t.stem));
      const ownSituation = tokens.length >= OWN_MIN_WORDS && tokens.some((t) => FIRST_PERSON.has(t.word)) && !s.questionMark;
      if (reason || ownSituation) latest = s.text.replace(/[.!?]+$/, '');
    }
  });
  return out;
}
