/**
 * The analysis of one call: transcript and rules in, a CallReport out; no printing, no I/O. The
 * roles are decided, each seller turn is segmented into sentences (by the boundary model where
 * speech-to-text left no punctuation), and each sentence is judged in the context of the
 * conversation: the sentence rules vote, and the sentence judge (src/judge/) settles on at most one
 * kind a sentence. Then the call rules (metrics, journey jumps) judge the whole call, and the score
 * and tips are computed from the findings.
 */
import type { CallReport, Finding, InputFormat, Role, RoleDecision, Transcript, Turn } from './types.js';
import type { JourneyTurn } from './kinds/types.js';
import { parseText, type ParseOptions } from './transcript/index.js';
import { lineAt, SourceMap } from './transcript/position.js';
import { decideRoles, GIVEN_BY_DEFAULT } from './roles/detect.js';
import { InputProblem, TEXTS } from './errors.js';
import { tokenize, countWords } from './language/tokens.js';
import { classifyQuestion } from './language/questions.js';
import { callMetrics, speakerStats, type QuestionCounts } from './metrics/talk.js';
import { scoreFindings } from './metrics/score.js';
import { cueSteps, journeySequence, mapJourney, strongCueSteps } from './metrics/journey.js';
import { compileRules, judgeCall, type Engine } from './rules/engine.js';
import { loadRules } from './rules/load.js';
import { countFindings, createFinding, isSuppressed } from './report/finding.js';
import type { Sentence } from './language/sentences.js';
import type { Token } from './language/tokens.js';
import { models } from './model/bundle.js';
import type { Model } from './model/logistic.js';
import { speakerSpeech } from './roles/speech.js';
import { cueLists } from './judge/cues.js';
import type { CueLists } from './judge/context.js';
import { walkCall, walkSellerTurns, type TurnSituation } from './judge/walk.js';
import { turnSentencesOf } from './judge/segment.js';
import { ruleVotes, type RuleHit } from './judge/votes.js';
import { sentenceFeatures } from './judge/features.js';
import { judgeSentences, type Judgement } from './judge/decide.js';
import { declinesInFirstPerson } from './judge/declines.js';
import { buyerWordsBefore } from './judge/buyer-words.js';
import { decideSalesCall } from './judge/sales-call.js';
import { whichLanguage, LANGUAGE_NAMES } from './language/which.js';

export interface AnalyzeOptions {
  /** The file name to report (also a hint for format detection). */
  file?: string;
  /** Seller names; without them the sellers are detected. */
  sellers?: readonly string[];
  /** Where the seller names were given, shown with the roles (the command line says "--seller", or a file's name). */
  sellersFrom?: string;
  /** Judge the transcript as a sales call whatever it reads like (and whatever its language). */
  sales?: boolean;
  /**
   * false: judge with the rules alone, as before the learned models (each sentence takes its
   * strongest rule's finding, roles come from cue words, every English call is judged). For measuring
   * what the models add; the default, true, uses them.
   */
  model?: boolean;
  /** Force an input format. */
  format?: InputFormat | 'auto';
  columns?: Record<string, string>;
  /** "discovery", "demo", ...: picks per-call-type thresholds of conversation-shape rules. */
  callType?: string;
  /** Ask compromise for the subject when the opening words do not settle it (costs ~0.6 s to load). */
  deepParse?: boolean;
  /**
   * Judge each seller sentence in its conversation (the buyer's last turn, what the buyer said so
   * far); false judges every sentence alone, as a script's. For measuring what context costs and adds.
   */
  context?: boolean;
  /** Compiled rules; defaults to the built-in pack. */
  engine?: Engine;
}

let defaultEngine: Engine | undefined;

/** The built-in rules, compiled once per process. */
export function builtinEngine(): Engine {
  defaultEngine ??= compileRules(loadRules());
  return defaultEngine;
}

/** Parses and analyzes a transcript. Throws InputProblem when the text is not a readable transcript. */
export function analyze(text: string, options: AnalyzeOptions = {}): CallReport {
  const parseOptions: ParseOptions = { fileName: options.file };
  if (options.format) parseOptions.format = options.format;
  if (options.columns) parseOptions.columns = options.columns;
  return analyzeTranscript(parseText(text, parseOptions), options);
}

/** Analyzes a parsed transcript. Never throws on odd content; throws InputProblem (E_NO_SELLER) when sellers are named and none of them speaks. */
export function analyzeTranscript(transcript: Transcript, options: AnalyzeOptions = {}): CallReport {
  const engine = options.engine ?? builtinEngine();
  const { turns } = transcript;
  const bundle = models();
  const roleDecisions = decideRoles(turns, {
    ...(options.model === false ? {} : { speech: (t: readonly Turn[]) => speakerSpeech(t, bundle.speech) }),
    ...(options.sellers ? { sellers: options.sellers } : {}),
    ...(options.sellersFrom ? { sellersFrom: options.sellersFrom } : {}),
    ...(transcript.participants ? { participants: transcript.participants } : {}),
  });
  const roleByName = new Map(roleDecisions.map((r) => [r.name, r.role]));
  const roleOf = (name: string): Role => roleByName.get(name) ?? 'buyer';
  const roles = turns.map((t) => roleOf(t.speaker));
  // One speaker is a script, however the role was decided: there is no conversation shape to judge.
  const script = roleDecisions.length === 1;
  const warnings = [...transcript.warnings];
  // Named sellers of whom none speaks: a stale list or a typo. Judging the call without a seller would
  // score the buyer's words as the seller's absence and pass every gate, so the call is an input error.
  if (options.sellers?.length && !roles.includes('seller')) {
    throw new InputProblem('E_NO_SELLER', TEXTS.noSellerSpeaks(options.sellersFrom ?? GIVEN_BY_DEFAULT, options.sellers, roleDecisions.map((r) => r.name)));
  }

  const source = new SourceMap(transcript.source);
  const conversation = { turns, roles };
  const wordsPerTurn = turns.map((t) => countWords(t.text));
  const findings: Finding[] = [];
  const questions: QuestionCounts = { total: 0, open: 0, closed: 0, leading: 0 };
  const tokensByTurn = turns.map((t) => tokenize(t.text));
  // The buyer's last turn before each turn, for the rules that read it.
  const previousBuyer: number[] = [];
  turns.forEach((_, i) => previousBuyer.push(i === 0 ? -1 : roles[i - 1] !== 'seller' ? i - 1 : previousBuyer[i - 1]!));
  const objection = cuesOf(engine).objection;
  const journeyTurns: JourneyTurn[] = turns.map((turn, i) => {
    const tokens = tokensByTurn[i]!;
    const cues = cueSteps(tokens, engine.journeyCues);
    const seller = roles[i] === 'seller';
    return { role: seller ? 'seller' : 'buyer', line: turn.line, cues, strong: strongCueSteps(tokens, engine.journeyCues), ...(seller ? {} : { objection: objection.matches(tokens.map((t) => t.word)) }) };
  });

  const verdict = salesVerdict(transcript, roleDecisions, script, options, bundle);
  const sentences: SellerSentence[] = [];
  const alone = script || options.context === false;
  const isSeller = (_: Turn, i: number) => roles[i] === 'seller';
  const onSeller = (turn: Turn, turnIndex: number, base: TurnSituation | undefined) => {
    let indexInTurn = 0;
    for (const sentence of turnSentencesOf(turn, bundle.boundary)) {
      const tokens = sentence.tokens ?? tokenize(sentence.text);
      if (tokens.length === 0) continue;
      const question = classifyQuestion(tokens, sentence.questionMark, sentence.text, engine.questions);
      if (question.isQuestion) {
        questions.total++;
        questions[question.type!]++;
      }
      const judged = { text: sentence.text, start: sentence.start, tokens, question };
      const { hits, votes } = ruleVotes(engine, { sentence: judged, turn: turnIndex, conversation, previousBuyerTurn: previousBuyer[turnIndex]!, deepParse: options.deepParse ?? false });
      const features = sentenceFeatures(sentence.text, tokens, question, votes, alone ? undefined : { ...base!, indexInTurn: indexInTurn++ });
      sentences.push({ turn: turnIndex, sentence, tokens, hits, features });
    }
  };
  if (verdict.salesCall) {
    if (alone) walkSellerTurns(turns, isSeller, onSeller);
    else walkCall(turns, isSeller, cuesOf(engine), onSeller, (_, i) => tokensByTurn[i]!);
  }
  const judgements = options.model === false ? sentences.map(rulesAlone) : judgeSentences(bundle.sentence, sentences, alone);
  const buyerWords = buyerWordsBefore(turns, roles, reasonStems(engine));
  sentences.forEach((s, i) => {
    const finding = sentenceFinding(s, judgements[i]!, { engine, known: bundle.sentence.first, source, transcript, buyerWords: buyerWords[s.turn] });
    if (finding) findings.push(finding);
  });

  const metrics = callMetrics(turns, roles, wordsPerTurn, questions, findings);
  const sequence = journeySequence(journeyTurns, findings, (id) => engine.byId.get(id)?.journeyStep);
  const callHits = !verdict.salesCall ? [] : judgeCall(engine, { metrics, ...(options.callType ? { callType: options.callType } : {}), script, journey: { turns: journeyTurns, sequence }, findings });
  for (const { rule, message, at } of callHits) {
    // A jump in the journey happened at one place: it points at the words that made it.
    const words = at?.turn !== undefined ? buyerWords[at.turn] : undefined;
    findings.push(createFinding({ rule, message, scope: 'call', ...(words ? { buyerWords: words } : {}), ...(at ? { at, suppressed: isSuppressed(transcript.suppressions, rule.id, at.line) } : {}) }));
  }

  // The one count every view shows: all findings that count, the call's shape and journey included.
  const counts = countFindings(findings);
  Object.assign(metrics, { sellerCentricCount: counts.sellerCentric, buyerOwnershipCount: counts.buyerOwnership, suppressedCount: counts.suppressed });

  const judged = verdict.salesCall ? scoreFindings({ findings, metrics, script, rules: engine.byId }) : { score: null, components: [], tips: [] };
  const { score, components, tips } = judged;
  return {
    file: options.file ?? '<text>',
    format: transcript.format,
    ...(transcript.layout ? { layout: transcript.layout } : {}),
    ...(options.callType ? { callType: options.callType } : {}),
    salesCall: verdict.salesCall,
    salesCallReasons: verdict.reasons,
    language: verdict.language,
    score,
    scoreComponents: components,
    speakers: speakerStats(turns, roleOf, wordsPerTurn),
    roles: roleDecisions,
    metrics,
    findings,
    journey: mapJourney(turns, journeyTurns, sequence),
    tips,
    warnings,
    timeline: turns.map((t, i) => ({
      role: roles[i]!,
      words: wordsPerTurn[i]!,
      ...(t.start !== undefined ? { start: t.start } : {}),
      ...(t.end !== undefined ? { end: t.end } : {}),
    })),
  };
}

interface SellerSentence {
  turn: number;
  sentence: Sentence;
  tokens: readonly Token[];
  hits: RuleHit[];
  features: string[];
}

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Without the models: the most severe rule that matched decides the sentence's kind. */
function rulesAlone(s: SellerSentence): Judgement {
  const top = [...s.hits].sort((a, b) => SEVERITY_RANK[a.rule.severity]! - SEVERITY_RANK[b.rule.severity]!)[0];
  const label = top ? top.rule.focus : 'neutral';
  return { label, p: [label === 'seller-centric' ? 1 : 0, label === 'buyer-ownership' ? 1 : 0, label === 'neutral' ? 1 : 0] };
}
/** Below this probability of its choice, the sentence judge yields to a rule that matched. */
const RULE_BEATS_BELOW = 0.6;

const reasonCache = new WeakMap<Engine, Set<string>>();
/** The stems that cue the buyer's reasons (the lexicon's journey-reasons words), once per engine. */
function reasonStems(engine: Engine): Set<string> {
  let r = reasonCache.get(engine);
  if (!r) reasonCache.set(engine, (r = new Set([...engine.journeyCues].filter(([, steps]) => steps.includes('reasons')).map(([stem]) => stem))));
  return r;
}

const cueCache = new WeakMap<Engine, CueLists>();
/** The lexicon's buyer-* cue lists, compiled once per engine. */
function cuesOf(engine: Engine): CueLists {
  let c = cueCache.get(engine);
  if (!c) cueCache.set(engine, (c = cueLists(engine.lexicon)));
  return c;
}

/**
 * At most one finding a sentence, of the kind the sentence judge settled on: the strongest rule of
 * that kind that matched (the others listed), else the model's own rule for that kind. A rule the
 * model was never trained with (a user's pack) speaks for itself: its kind wins.
 */
function sentenceFinding(
  s: SellerSentence,
  judgement: Judgement,
  ctx: { engine: Engine; known: Pick<Model, 'row'>; source: SourceMap; transcript: Transcript; buyerWords: string | undefined },
): Finding | undefined {
  const own = s.hits.filter((h) => ctx.known.row(`r:${h.rule.id}`) < 0);
  let label: Judgement['label'] = own.length ? own[0]!.rule.focus : judgement.label;
  // A hesitant judge (under 60% sure) yields to a rule that matched: the rules' wordings are reviewed
  // one by one, and a near tie says the context did not settle it.
  const ruled = s.hits.find((h) => h.rule.focus !== label);
  if (ruled && Math.max(...judgement.p) < RULE_BEATS_BELOW) label = ruled.rule.focus;
  if (label === 'seller-centric' && !s.hits.some((h) => h.rule.focus === 'seller-centric') && declinesInFirstPerson(s.tokens)) {
    label = s.hits.some((h) => h.rule.focus === 'buyer-ownership') ? 'buyer-ownership' : 'neutral';
  }
  if (label === 'neutral') return undefined;
  const sameKind = s.hits.filter((h) => h.rule.focus === label);
  // A user's own rule speaks for the sentence before the built-in ones (they wrote it for this);
  // then the most severe; among equals, the one that matched the most words.
  const isOwn = (h: RuleHit) => (own.includes(h) ? 0 : 1);
  sameKind.sort((a, b) => isOwn(a) - isOwn(b) || SEVERITY_RANK[a.rule.severity]! - SEVERITY_RANK[b.rule.severity]! || b.to - b.from - (a.to - a.from));
  const chosen = sameKind[0];
  const rule = chosen?.rule ?? ctx.engine.byId.get(label === 'seller-centric' ? 'likely-seller-centric' : 'likely-buyer-ownership');
  if (!rule) return undefined;
  const turn = ctx.transcript.turns[s.turn]!;
  const startOffset = chosen ? s.tokens[chosen.from]!.start : 0;
  const match = chosen ? s.sentence.text.slice(startOffset, s.tokens[Math.max(chosen.from, chosen.to - 1)]!.end) : s.sentence.text;
  const offset = s.sentence.start + startOffset;
  const { line, time } = lineAt(turn, offset);
  const range = ctx.source.locate(turn, offset, match);
  return createFinding({
    rule,
    place: { speaker: turn.speaker, turn: s.turn, text: s.sentence.text, match, line, ...(range ? { range } : {}), ...(time !== undefined ? { time } : {}) },
    suppressed: isSuppressed(ctx.transcript.suppressions, rule.id, range?.line ?? line),
    ...(sameKind.length > 1 ? { alsoMatched: sameKind.slice(1).map((h) => h.rule.id) } : {}),
    confidence: judgement.p[label === 'seller-centric' ? 0 : 1]!,
    ...(ctx.buyerWords ? { buyerWords: ctx.buyerWords } : {}),
  });
}

/**
 * Whether to judge the transcript as a sales call, and why. Forced with `sales`; a one-speaker
 * script is one, and so is a call whose named sellers speak (whoever names a seller says there is a
 * sale); a transcript not in English is not (the rules are English); else the sales-call model reads it.
 */
function salesVerdict(
  transcript: Transcript,
  roles: readonly RoleDecision[],
  script: boolean,
  options: AnalyzeOptions,
  bundle: ReturnType<typeof models>,
): { salesCall: boolean; reasons: string[]; language: string } {
  const { code } = whichLanguage(transcript.turns.map((t) => t.text).join('\n'));
  if (options.sales) return { salesCall: true, reasons: ['judged as a sales call on request'], language: code };
  if (code !== 'en') return { salesCall: false, reasons: [`the transcript is in ${LANGUAGE_NAMES[code] ?? code}, not English: the rules judge English`], language: code };
  if (script) return { salesCall: true, reasons: ['one speaker: judged as a sales script'], language: code };
  if (roles.some((r) => r.role === 'seller' && r.method === 'given')) return { salesCall: true, reasons: ['a seller was named and speaks'], language: code };
  if (options.model === false) return { salesCall: true, reasons: ['judged with the rules alone'], language: code };
  const d = decideSalesCall(transcript.turns, bundle);
  // A header that lists a speaker by a sales title ("Maria (Acme Account Executive)") says there is a
  // sale, unless the call reads as nothing like one (an interview panel of account executives).
  const titled = !d.salesCall && d.probability >= HEADER_SALES_FLOOR ? salesTitled(transcript) : undefined;
  if (titled) return { salesCall: true, reasons: [`the header lists ${titled.name} as "${titled.description}"`, `the talk alone reads ${Math.round(d.probability * 100)}% like a sales call`], language: code };
  return { salesCall: d.salesCall, reasons: d.reasons, language: code };
}

/** A sales title in a participant list: the people whose job is selling. */
const SALES_TITLE = /\b(?:account executive|ae|sdr|bdr|sales (?:engineer|rep|representative|consultant|executive|associate|development rep(?:resentative)?)|salesperson|solutions? engineer|pre-?sales|business development (?:rep|representative|manager))\b/i;
/** Below this probability of a sale, even a sales title in the header does not make the call one. */
const HEADER_SALES_FLOOR = 0.02;

/** The first speaker the header lists with a sales title. */
function salesTitled(transcript: Transcript): { name: string; description: string } | undefined {
  const speakers = new Set(transcript.turns.map((t) => t.speaker.toLowerCase()));
  const first = (n: string) => n.toLowerCase().split(/\s+/)[0]!;
  const firsts = new Set([...speakers].map(first));
  return (transcript.participants ?? []).find((p) => SALES_TITLE.test(p.description) && (speakers.has(p.name.toLowerCase()) || firsts.has(first(p.name))));
}
