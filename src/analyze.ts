/**
 * The analysis of one call: transcript and rules in, a CallReport out; no printing, no I/O. The
 * roles are decided, each seller turn is segmented into sentences and each sentence judged by the
 * sentence rules in the context of the conversation; then the call rules (metrics, journey jumps)
 * judge the whole call, and the score and tips are computed from the findings.
 */
import type { CallReport, Finding, InputFormat, JourneyStepName, Role, Transcript } from './types.js';
import type { JourneyTurn } from './kinds/types.js';
import { parseText, type ParseOptions } from './transcript/index.js';
import { lineAt, SourceMap } from './transcript/position.js';
import { decideRoles, GIVEN_BY_DEFAULT } from './roles/detect.js';
import { segmentTurn } from './language/sentences.js';
import { tokenize, countWords } from './language/tokens.js';
import { classifyQuestion } from './language/questions.js';
import { callMetrics, speakerStats, type QuestionCounts } from './metrics/talk.js';
import { scoreFindings } from './metrics/score.js';
import { cueSteps, journeySequence, mapJourney } from './metrics/journey.js';
import { compileRules, judgeCall, judgeSentence, type Engine } from './rules/engine.js';
import { loadRules } from './rules/load.js';
import { createFinding, isSuppressed } from './report/finding.js';

export interface AnalyzeOptions {
  /** The file name to report (also a hint for format detection). */
  file?: string;
  /** Seller names; without them the sellers are detected. */
  sellers?: readonly string[];
  /** Where the seller names were given, shown with the roles (the command line says "--seller", or a file's name). */
  sellersFrom?: string;
  /** Force an input format. */
  format?: InputFormat | 'auto';
  columns?: Record<string, string>;
  /** "discovery", "demo", ...: picks per-call-type thresholds of conversation-shape rules. */
  callType?: string;
  /** Ask compromise for the subject when the opening words do not settle it (costs ~0.6 s to load). */
  deepParse?: boolean;
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

/** Analyzes a parsed transcript. Never throws on odd content. */
export function analyzeTranscript(transcript: Transcript, options: AnalyzeOptions = {}): CallReport {
  const engine = options.engine ?? builtinEngine();
  const { turns } = transcript;
  const roleDecisions = decideRoles(turns, {
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
  if (options.sellers?.length && !roles.includes('seller')) {
    warnings.push(`no speaker matches ${options.sellersFrom ?? GIVEN_BY_DEFAULT} ${options.sellers.join(', ')} (speakers: ${roleDecisions.map((r) => r.name).join(', ')})`);
  }

  const source = new SourceMap(transcript.source);
  const conversation = { turns, roles };
  const wordsPerTurn = turns.map((t) => countWords(t.text));
  const findings: Finding[] = [];
  const questions: QuestionCounts = { total: 0, open: 0, closed: 0, leading: 0 };
  const journeyTurns: JourneyTurn[] = [];
  let previousBuyerTurn = -1;

  turns.forEach((turn, turnIndex) => {
    const cues = new Set<JourneyStepName>();
    if (roles[turnIndex] !== 'seller') {
      cueSteps(tokenize(turn.text), engine.journeyCues, cues);
      journeyTurns.push({ role: 'buyer', line: turn.line, cues });
      previousBuyerTurn = turnIndex;
      return;
    }
    for (const sentence of segmentTurn(turn)) {
      const tokens = tokenize(sentence.text);
      if (tokens.length === 0) continue;
      cueSteps(tokens, engine.journeyCues, cues);
      const question = classifyQuestion(tokens, sentence.questionMark, sentence.text, engine.questions);
      if (question.isQuestion) {
        questions.total++;
        questions[question.type!]++;
      }
      const judged = { text: sentence.text, start: sentence.start, tokens, question };
      const hits = judgeSentence(engine, { sentence: judged, turn: turnIndex, conversation, previousBuyerTurn, deepParse: options.deepParse ?? false });
      for (const { rule, from, to } of hits) {
        const startOffset = tokens[from]!.start;
        const match = sentence.text.slice(startOffset, tokens[Math.max(from, to - 1)]!.end);
        const offset = sentence.start + startOffset;
        const { line, time } = lineAt(turn, offset);
        const range = source.locate(turn, offset, match);
        findings.push(
          createFinding({
            rule,
            place: { speaker: turn.speaker, turn: turnIndex, text: sentence.text, match, line, ...(range ? { range } : {}), ...(time !== undefined ? { time } : {}) },
            suppressed: isSuppressed(transcript.suppressions, rule.id, range?.line ?? line),
          }),
        );
      }
    }
    journeyTurns.push({ role: 'seller', line: turn.line, cues });
  });

  const metrics = callMetrics(turns, roles, wordsPerTurn, questions, findings);
  const sequence = journeySequence(journeyTurns, findings, (id) => engine.byId.get(id)?.journeyStep);
  const callHits = judgeCall(engine, { metrics, ...(options.callType ? { callType: options.callType } : {}), script, journey: { turns: journeyTurns, sequence }, findings });
  for (const { rule, message, at } of callHits) {
    // A jump in the journey happened at one place: it points at the words that made it.
    findings.push(createFinding({ rule, message, scope: 'call', ...(at ? { at, suppressed: isSuppressed(transcript.suppressions, rule.id, at.line) } : {}) }));
  }

  const { score, components, tips } = scoreFindings({ findings, metrics, script, rules: engine.byId });
  return {
    file: options.file ?? '<text>',
    format: transcript.format,
    ...(transcript.layout ? { layout: transcript.layout } : {}),
    ...(options.callType ? { callType: options.callType } : {}),
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
