/** Builds one synthetic sales call (or a one-speaker monologue) as `Name: text` lines from the template grammar. */
import { createRandom } from './prng.mjs';
import { COMMON, DOMAINS, SELLER_NAMES, BUYER_NAMES } from './domains.mjs';
import { PIECES, SELLER, BUYER, FILLERS } from './grammar.mjs';

const SLOT = /\{(\w+)\}/g;

/** Fills every {slot} in a template, recursively; a slot used twice in one sentence gets different fillers. */
function expand(rng, template, vocab, used = new Map(), depth = 0) {
  return template.replace(SLOT, (whole, name) => {
    const options = vocab[name];
    if (!options || depth > 4) return whole;
    const seen = used.get(name) ?? new Set();
    used.set(name, seen);
    const fresh = options.filter((o) => !seen.has(o));
    const choice = rng.pick(fresh.length ? fresh : options);
    seen.add(choice);
    return expand(rng, choice, vocab, used, depth + 1);
  });
}

/** Adds an occasional opener or hedge in front of a template so repeats read less alike. */
function decorate(rng, template, vocab) {
  const keepCase = template.startsWith('{') || /^I\b/.test(template);
  const rest = keepCase ? template : template[0].toLowerCase() + template.slice(1);
  if (rng.chance(0.18)) return `${rng.pick(vocab.opener)}, ${rest}`;
  if (rng.chance(0.08) && !template.endsWith('?')) {
    const hedge = rng.pick(vocab.hedge);
    return `${hedge[0].toUpperCase()}${hedge.slice(1)}, ${rest}`;
  }
  return template;
}

/** Rewrites a turn the way speech-to-text prints it: lower case, no punctuation but apostrophes, fillers. */
function asrStyle(rng, text) {
  const words = text.toLowerCase().replace(/[-–—/]/g, ' ').replace(/[^\p{L}\p{N}'\s]/gu, '').split(/\s+/).filter(Boolean);
  const out = [];
  for (const word of words) {
    if (rng.chance(0.06)) out.push(rng.pick(FILLERS));
    out.push(word);
    if (rng.chance(0.01)) out.push(word);
  }
  return out.join(' ');
}

const countWords = (text) => (text.match(/\S+/g) || []).length;

/** Seller move weights for three kinds of seller; each call draws one and then jitters it. */
const SELLER_STYLES = {
  consultative: { smalltalk: 1, discovery: 6, reflection: 4, tied: 3, pitch: 1, features: 1, pressure: 0.3, nextsteps: 1.5 },
  pushy: { smalltalk: 1, discovery: 1, reflection: 0.5, tied: 0.5, pitch: 5, features: 4, pressure: 3, nextsteps: 1 },
  mixed: { smalltalk: 1, discovery: 3, reflection: 2, tied: 2, pitch: 3, features: 2, pressure: 1.5, nextsteps: 1 },
};

/** Makes the per-call vocabulary: common slots, the industry's slots, names and connectives. */
function vocabulary(rng) {
  const domain = rng.pick(DOMAINS);
  const seller = rng.pick(SELLER_NAMES);
  const buyer = rng.pick(BUYER_NAMES);
  return { seller, buyer, domain: domain.name, vocab: { ...COMMON, ...PIECES, ...domain, company: [rng.pick(domain.company)], buyer: [buyer], seller: [seller] } };
}

function sentences(rng, lists, count, vocab) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(expand(rng, decorate(rng, rng.pick(rng.pick(lists)), vocab), vocab));
  return out.join(' ');
}

/** One seller turn; the move depends on how far into the call we are. */
function sellerTurn(rng, weights, progress, vocab) {
  if (rng.chance(0.035)) {
    const lists = [SELLER.pitch, SELLER.features, SELLER.features, SELLER.tied, SELLER.reflection, SELLER.discovery];
    return sentences(rng, lists, rng.int(20, 110), vocab);
  }
  const w = { ...weights };
  if (progress < 0.03) w.smalltalk *= 40;
  else w.smalltalk *= 0.1;
  if (progress < 0.3) { w.pressure *= 0.1; w.nextsteps *= 0.1; }
  if (progress > 0.8) { w.pressure *= 3; w.nextsteps *= 4; }
  const move = rng.weighted(w);
  return sentences(rng, [SELLER[move]], rng.int(1, move === 'features' || move === 'pitch' ? 5 : 3), vocab);
}

/** One buyer turn: a short reply, an answer, an objection, or a story of a few to a hundred sentences. */
function buyerTurn(rng, vocab) {
  const kind = rng.weighted({ short: 30, medium: 33, objection: 5, story: 26, saga: 6 });
  if (kind === 'short') return expand(rng, rng.pick(rng.chance(0.4) ? PIECES.ack : BUYER.short), vocab);
  if (kind === 'medium') return sentences(rng, [BUYER.medium], rng.int(1, 3), vocab);
  if (kind === 'objection') return sentences(rng, [BUYER.objection], 1, vocab);
  const body = sentences(rng, [BUYER.story], kind === 'saga' ? rng.int(25, 100) : rng.int(3, 18), vocab);
  return `${rng.pick(BUYER.storyOpen)} ${body} ${rng.pick(BUYER.storyClose)}`;
}

/**
 * Generates one call of about `words` words.
 * @param {{ seed: number, words: number, asr?: boolean }} options asr: force speech-to-text style on or off
 * @returns {{ text: string, words: number, asr: boolean, seller: string, buyer: string, domain: string }}
 */
export function generateCall({ seed, words, asr }) {
  const rng = createRandom(seed);
  const { seller, buyer, domain, vocab } = vocabulary(rng);
  const isAsr = asr ?? rng.chance(0.3);
  const style = SELLER_STYLES[rng.pick(Object.keys(SELLER_STYLES))];
  const weights = Object.fromEntries(Object.entries(style).map(([k, v]) => [k, v * (0.5 + rng.next())]));
  const lines = [];
  let total = 0;
  let sellerNext = rng.chance(0.8);
  while (total < words) {
    let text = sellerNext ? sellerTurn(rng, weights, total / words, vocab) : buyerTurn(rng, vocab);
    if (isAsr) text = asrStyle(rng, text);
    total += countWords(text);
    lines.push(`${sellerNext ? seller : buyer}: ${text}`);
    sellerNext = !sellerNext;
  }
  return { text: lines.join('\n') + '\n', words: total, asr: isAsr, seller, buyer, domain };
}

/**
 * Generates one speaker talking for about `words` words, in paragraphs that each start with the name.
 * @param {{ seed: number, words: number }} options
 */
export function generateMonologue({ seed, words }) {
  const rng = createRandom(seed);
  const { seller, vocab } = vocabulary(rng);
  const lists = [SELLER.pitch, SELLER.features, SELLER.tied, SELLER.reflection, SELLER.discovery, SELLER.pressure, BUYER.story];
  const lines = [];
  let total = 0;
  while (total < words) {
    const text = sentences(rng, lists, rng.int(8, 30), vocab);
    total += countWords(text);
    lines.push(`${seller}: ${text}`);
  }
  return { text: lines.join('\n') + '\n', words: total, speaker: seller };
}
