/**
 * Who is selling: given names, or detected from what each speaker says (introduces a company,
 * talks about "our" offering, thanks the other side for their time, runs the agenda, asks the
 * discovery questions). One speaker alone is a script: all seller speech.
 */
import type { Participant, RoleDecision, Turn } from '../types.js';

interface Cue {
  re: RegExp;
  weight: number;
  reason: string;
  /** Counted at most this many times per speaker. */
  cap: number;
}

const SELLER_CUES: Cue[] = [
  { re: /\b(?:this is|i'm|i am|it's|my name is)\s+[\p{L}'-]+(?:\s+[\p{L}'-]+)?\s+(?:with|from|at|over at|calling from|here from)\s+\p{L}/iu, weight: 4, reason: 'introduces themselves with a company', cap: 1 },
  { re: /^(?:hi|hello|hey|good (?:morning|afternoon))?[\s,]*(?:[\p{L}'-]+[\s,]+)?(?:[\p{L}'-]+\s+[\p{L}'-]+\s+)?(?:with|from)\s+\p{Lu}/u, weight: 3, reason: 'introduces themselves with a company', cap: 1 },
  { re: /\b(?:thanks?|thank you)(?: so much| again)? for (?:taking|making|finding) (?:the |some )?time|\bthanks? for your time|\bthank you for having me|\bthanks? for (?:jumping|hopping) on/i, weight: 2, reason: 'thanks the other side for their time', cap: 1 },
  { re: /\b(?:agenda|what i(?:'d| would) like to (?:do|cover) today|(?:let me|i'll|i will|i'm going to|i'm gonna) (?:walk|take|show|share|run) (?:you|my screen|through)|share my screen|quick overview|the demo)\b/i, weight: 2, reason: 'runs the agenda or the presentation', cap: 2 },
  { re: /\b(?:our|we've got|we have|we offer|we do|we're the|we are the)\s+(?:\w+\s+){0,2}(?:product|platform|solution|software|tool|system|app|service|services|pricing|price|plans?|polic(?:y|ies)|package|packages|customers|clients|team|firm|agency|company|panels|installers?|warranty|coverage|module|features?|offer|discount|contract|program|process|carrier|lineup|portfolio|inventory|rates?|trim|models?|fee|fees)\b/i, weight: 1.5, reason: 'talks about "our" offering', cap: 6 },
  { re: /\b(?:sign(?:ed)? (?:today|this week|by)|discount|special (?:price|offer|rate)|lock in|end of (?:the )?(?:month|quarter)|next steps on our side|send (?:you|over) (?:the )?(?:contract|proposal|quote|agreement))\b/i, weight: 1, reason: 'proposes terms or next steps', cap: 3 },
  { re: /\b(?:what made you|what's driving|why now|tell me (?:a bit |a little )?(?:more )?about|walk me through|help me understand|what would (?:you|your)|how (?:do|does|are|is) (?:you|your)|what (?:does|do|is|are) (?:you|your)|what's (?:been|your|got you)|what happens if)\b/i, weight: 1, reason: 'asks the discovery questions', cap: 6 },
  { re: /\b(?:you mentioned|it sounds like|what i'm hearing|if i'm hearing you|did i get that right|so you've got)\b/i, weight: 1, reason: 'reflects back what the other side said', cap: 3 },
  { re: /\bwe(?:'ll| will)? (?:typically|usually|include|offer|guarantee|provide|refund|handle|can (?:do|offer|include|give|waive|extend))\b|\b(?:billed|invoiced) (?:monthly|quarterly|annually)\b|\bthe (?:projections|proposal|quote|numbers) i (?:shared|sent)\b/i, weight: 1.5, reason: 'states what "we" offer or the terms', cap: 4 },
];

const BUYER_CUES: Cue[] = [
  { re: /\b(?:how much (?:does|is|would|will)|what does it cost|what's the price|can it|does it (?:integrate|work|support|handle)|do you (?:integrate|support|offer)|is there a (?:discount|trial)|send me (?:the|a|some)|i'll (?:need to )?(?:talk|check) (?:to|with) my|our current (?:vendor|provider|system|tool|policy|carrier|setup)|we(?:'re| are) (?:looking|evaluating|struggling|trying)|we use|we've been using|my (?:wife|husband|boss|manager|team|cfo|board|partner)\b)/i, weight: 1.5, reason: 'asks about the offering or describes their own situation', cap: 6 },
  { re: /^(?:hello|hi)?[,\s]*this is [\p{L}'-]+\.?\s*$|^(?:\p{L}+ )?speaking\.?$/iu, weight: 1, reason: 'answers the call', cap: 1 },
  { re: /\byour (?:proposal|pricing|price|product|platform|solution|tool|software|contract|quote|offer|company|system|service|demo|projections|roi|numbers|team's (?:pricing|offer))\b/i, weight: 1.5, reason: 'refers to the offering as "your ..."', cap: 6 },
];

/**
 * Titles that mark a seller in a header's participant list. "VP Sales" is not one of them: a
 * sales leader is often the buyer (a sales team buying a sales tool).
 */
const SELLER_TITLE = /\b(?:account executive|ae|sdr|bdr|sales (?:engineer|rep|representative|consultant|associate|executive|development rep(?:resentative)?)|salesperson|solutions? engineer|pre-?sales|account manager|customer success(?: manager)?|business development (?:rep|representative|manager))\b/i;

/** Where given sellers were named, when the caller does not say. */
export const GIVEN_BY_DEFAULT = 'the sellers option';

export interface RoleOptions {
  /** Names given by the user (case-insensitive); everyone else is a buyer. */
  sellers?: readonly string[];
  /** Where those names were given, recorded in each decision (e.g. "--seller" or a file name). */
  sellersFrom?: string;
  /** A header's participant list, where the transcript has one. */
  participants?: readonly Participant[];
  /** Scores how much each speaker talks like a seller (the speech-role model); without it, cue words decide. */
  speech?: (turns: readonly Turn[]) => readonly SpeakerSpeechScore[];
}

export interface SpeakerSpeechScore {
  name: string;
  score: number;
}

/** Decides each speaker's role. Deterministic: ties go to the speaker who talks first. */
export function decideRoles(turns: readonly Turn[], options: RoleOptions = {}): RoleDecision[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const t of turns) if (!seen.has(t.speaker)) {
    seen.add(t.speaker);
    names.push(t.speaker);
  }
  if (options.sellers && options.sellers.length > 0) {
    const given = new Set(options.sellers.map((s) => s.trim().toLowerCase()));
    const from = options.sellersFrom ?? GIVEN_BY_DEFAULT;
    return names.map((name) => ({ name, role: given.has(name.toLowerCase()) ? 'seller' : 'buyer', method: 'given', from, confidence: 1, reasons: [] }));
  }
  if (names.length === 1) {
    return [{ name: names[0]!, role: 'seller', method: 'script', confidence: 1, reasons: ['the only speaker: judged as a script'] }];
  }
  const listed = fromParticipants(names, options.participants ?? []);
  if (listed) return listed;
  // Each speaker's turns, grouped once (a transcript may have many speakers and many turns).
  const bySpeaker = new Map<string, Turn[]>(names.map((n) => [n, []]));
  for (const t of turns) bySpeaker.get(t.speaker)!.push(t);
  const scored = names.map((name) => scoreSpeaker(name, bySpeaker.get(name)!));
  if (options.speech) return fromSpeech(names, options.speech(turns), scored);
  // Array.prototype.sort is stable and `scored` is in order of first appearance, so ties keep it
  // (looking the order up inside the comparator made this quadratic in the number of speakers).
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const top = ranked[0]!;
  const second = ranked[1]!;
  // Others sell too only when they show strong seller cues of their own (an AE and an SE together).
  const sellers = new Set([top.name]);
  for (const s of ranked.slice(1)) if (s.strong >= 2 && s.score >= Math.max(4, top.score * 0.5)) sellers.add(s.name);
  const margin = top.score - Math.max(0, second.score);
  const confidence = Math.round(Math.min(0.99, 0.5 + margin / (2 * (Math.abs(top.score) + Math.abs(second.score) + 2))) * 100) / 100;
  return scored.map((s) => {
    const seller = sellers.has(s.name);
    return {
      name: s.name,
      role: seller ? 'seller' : 'buyer',
      method: 'detected',
      confidence: seller && s.name !== top.name ? Math.min(confidence, 0.6) : confidence,
      reasons: s.reasons.length ? s.reasons : ['no seller cues'],
    };
  });
}

/**
 * A second speaker sells too (an account executive with a solutions engineer) when their speech
 * reads clearly as a seller's on its own, not only better than the buyers': a mean log-odds above
 * this. Chosen on the labelled calls; buyers score below zero.
 */
export const SECOND_SELLER_SPEECH = 2;

/** Roles from the speech-role model: the most seller-like speaker sells, and any other who talks like a seller; someone stays a buyer. */
function fromSpeech(names: readonly string[], speech: readonly SpeakerSpeechScore[], cues: readonly SpeakerScore[]): RoleDecision[] {
  const score = new Map(speech.map((s) => [s.name, s.score]));
  // A stable sort of names in order of first appearance: ties go to who talks first.
  const ranked = [...names].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
  const lowest = ranked[ranked.length - 1]!;
  const sellers = new Set(ranked.filter((n, i) => i === 0 || (n !== lowest && (score.get(n) ?? 0) > SECOND_SELLER_SPEECH)));
  // Loops, not Math.max(...xs): spreading one argument per speaker overflows the stack on many speakers.
  let topBuyer = -Infinity;
  for (const n of ranked) if (!sellers.has(n)) topBuyer = Math.max(topBuyer, score.get(n) ?? 0);
  let lowestSeller = Infinity;
  for (const n of sellers) lowestSeller = Math.min(lowestSeller, score.get(n) ?? 0);
  const cueReasonsOf = new Map(cues.map((c) => [c.name, c.reasons]));
  return names.map((name) => {
    const s = score.get(name) ?? 0;
    const seller = sellers.has(name);
    // How far this speaker is from the other side, as a probability that the role is right.
    const margin = seller ? s - topBuyer : lowestSeller - s;
    const confidence = Math.round(Math.min(0.99, 1 / (1 + Math.exp(-margin / 2))) * 100) / 100;
    const cueReasons = cueReasonsOf.get(name) ?? [];
    const reasons = [seller ? 'talks like a seller' : 'talks like a buyer', ...cueReasons];
    return { name, role: seller ? 'seller' : 'buyer', method: 'detected', confidence, reasons };
  });
}

interface SpeakerScore {
  name: string;
  score: number;
  strong: number;
  reasons: string[];
}

function scoreSpeaker(name: string, own: readonly Turn[]): SpeakerScore {
  const counts = new Map<Cue, number>();
  for (const t of own) {
    for (const cue of [...SELLER_CUES, ...BUYER_CUES]) {
      const n = counts.get(cue) ?? 0;
      if (n < cue.cap && cue.re.test(t.text)) counts.set(cue, n + 1);
    }
  }
  let score = 0;
  let strong = 0;
  const reasons: string[] = [];
  for (const [cue, n] of counts) {
    const seller = SELLER_CUES.includes(cue);
    score += (seller ? 1 : -1) * cue.weight * n;
    if (seller && cue.weight >= 1.5) strong += n;
    const reason = seller ? cue.reason : `${cue.reason} (a buyer cue)`;
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return { name, score, strong, reasons };
}

/**
 * Roles from a header that lists the participants with their titles ("Maria (Account Executive)"):
 * speakers whose title is a sales one sell. Undefined when the header names no seller among the speakers.
 */
function fromParticipants(names: readonly string[], participants: readonly Participant[]): RoleDecision[] | undefined {
  if (participants.length === 0) return undefined;
  const entry = (name: string) => {
    const n = name.toLowerCase();
    return participants.find((p) => {
      const full = p.name.toLowerCase();
      return full === n || full.split(/\s+/)[0] === n || n.split(/\s+/)[0] === full.split(/\s+/)[0];
    });
  };
  // The vendor is named beside a seller's title ("TribeAI Account Executive"): colleagues listed with
  // the same name sell too.
  const vendorWords = new Set(participants.filter((p) => SELLER_TITLE.test(p.description)).flatMap((p) => companyWords(p.description)));
  const sells = (p: Participant) => SELLER_TITLE.test(p.description) || companyWords(p.description).some((w) => vendorWords.has(w));
  const decisions = names.map((name): RoleDecision => {
    const p = entry(name);
    const seller = p !== undefined && sells(p);
    const reason = p ? `listed in the header as "${p.description}"` : 'not in the header\'s participant list';
    return { name, role: seller ? 'seller' : 'buyer', method: 'detected', confidence: p ? 0.95 : 0.8, reasons: [reason] };
  });
  return decisions.some((d) => d.role === 'seller') && decisions.some((d) => d.role === 'buyer') ? decisions : undefined;
}

/** Capitalized words of a participant description that are not part of a title: company names. */
function companyWords(description: string): string[] {
  const stripped = description.replace(SELLER_TITLE, ' ');
  return (stripped.match(/\b\p{Lu}[\p{L}\p{N}&.-]+/gu) ?? []).filter((w) => !TITLE_WORDS.has(w.toLowerCase()));
}

const TITLE_WORDS = new Set(['vp', 'svp', 'evp', 'cro', 'ceo', 'cfo', 'coo', 'cto', 'cio', 'cmo', 'head', 'director', 'manager', 'lead', 'senior', 'junior', 'chief', 'officer', 'president', 'vice', 'sales', 'ops', 'operations', 'finance', 'marketing', 'engineering', 'it', 'hr', 'procurement', 'of', 'the', 'and', 'founder', 'owner', 'partner', 'principal', 'analyst', 'specialist', 'coordinator', 'administrator', 'admin', 'associate', 'assistant', 'executive', 'account', 'rep', 'revenue', 'growth', 'customer', 'success', 'solutions', 'engineer', 'consultant', 'advisor', 'buyer', 'champion']);
