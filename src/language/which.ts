/**
 * Which language a transcript is in, from its most common short words: English rules can only judge
 * English. Each profile lists function words that are frequent in that language and rare in the
 * others; scripts other than Latin are told by their letters. Short texts are taken as English,
 * since there is too little to tell (a one-line script, a lone utterance).
 */

/** Fewer words than this: too little to tell, judged as English. */
const MIN_WORDS = 25;
/** English when at least this share of the words are common English function words. */
const ENGLISH_SHARE = 0.18;

const ENGLISH = new Set('the a an and or but to of in on at for with is are was were be been it that this you i we they he she my your our their not no yes what how why when where who do does did have has had will would can could should so if just about from as there here me us them all very like know think'.split(' '));

/** ISO 639-1 code and function words for the languages the corpus and users are likeliest to bring. */
const PROFILES: Array<[string, string]> = [
  ['es', 'el la los las de del que y en un una es por para con no se lo su al pero como más muy está son hay también gracias bueno'],
  ['ca', 'el la els les de del que i en un una és per amb no es ho seu al però com més molt està són hi també gràcies bé doncs'],
  ['fr', 'le la les de des du que et en un une est pour avec ne pas se ce sur au mais comme plus très sont il elle nous vous oui merci'],
  ['de', 'der die das und ist nicht ein eine zu den mit von auf für ich sie es wir ihr aber auch noch sehr ja danke gut'],
  ['it', 'il lo la gli le di che e è un una per con non si del della ma come più molto sono anche grazie bene'],
  ['pt', 'o a os as de do da que e é um uma para com não se no na mas como mais muito são também obrigado você'],
  ['nl', 'de het een en is niet van dat in op te voor met zijn maar ook ik je wij jullie ja dank goed'],
  ['sv', 'och att det som en ett är på för med inte jag du vi de men också mycket tack bra'],
  ['pl', 'i w na z że nie to jest się do jak ale tak dla co jestem dziękuję bardzo'],
  ['tr', 've bir bu da de için ile ne çok ama gibi evet teşekkür'],
];
const SCRIPTS: Array<[string, RegExp]> = [
  ['ru', /\p{Script=Cyrillic}/u], ['el', /\p{Script=Greek}/u], ['ar', /\p{Script=Arabic}/u], ['he', /\p{Script=Hebrew}/u],
  ['hi', /\p{Script=Devanagari}/u], ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u], ['zh', /\p{Script=Han}/u], ['ko', /\p{Script=Hangul}/u], ['th', /\p{Script=Thai}/u],
];
const profiles = PROFILES.map(([code, words]) => [code, new Set(words.split(' '))] as const);

export interface LanguageGuess {
  /** ISO 639-1 code, "en" for English. */
  code: string;
  /** Share of the words that are English function words. */
  englishShare: number;
}

/** Guesses the language of a text. Never throws. */
export function whichLanguage(text: string): LanguageGuess {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const english = words.filter((w) => ENGLISH.has(w)).length;
  const englishShare = words.length ? english / words.length : 1;
  if (words.length < MIN_WORDS || englishShare >= ENGLISH_SHARE) return { code: 'en', englishShare };
  let letters = 0;
  const byScript = new Map<string, number>();
  for (const w of words) for (const ch of w) {
    letters++;
    for (const [code, re] of SCRIPTS) if (re.test(ch)) byScript.set(code, (byScript.get(code) ?? 0) + 1);
  }
  const script = [...byScript].sort((a, b) => b[1] - a[1])[0];
  if (script && script[1] > letters / 3) return { code: script[0], englishShare };
  let best = 'und', bestShare = 0;
  for (const [code, set] of profiles) {
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > bestShare) [best, bestShare] = [code, share];
  }
  // Below a tenth of the words, no profile really fits: say so rather than guess.
  return { code: bestShare >= 0.1 ? best : 'und', englishShare };
}

/** English names of the codes, for messages. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', es: 'Spanish', ca: 'Catalan', fr: 'French', de: 'German', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', sv: 'Swedish', pl: 'Polish', tr: 'Turkish',
  ru: 'a Cyrillic-script language', el: 'Greek', ar: 'Arabic', he: 'Hebrew', hi: 'Hindi', ja: 'Japanese', zh: 'Chinese', ko: 'Korean', th: 'Thai', und: 'a language other than English',
};
