/**
 * A call's report condensed into what a rep reads first, shared by the single-call views (terminal,
 * Markdown, HTML): the header, the top changes with their points and one quote each, the habits and
 * the strengths grouped by rule (worst first), the conversation's shape and the journey in words.
 * Pure data in, plain data out; each view only lays it out.
 */
import { JOURNEY_STEPS, type CallReport, type Finding, type Focus, type JourneyStepName, type Role, type RuleMeta, type Severity } from '../types.js';
import { countFindings, harmOf, harmsTheBuyer, isJourneyJump } from '../report/finding.js';
import { formatTime, percent } from './escape.js';

/** How many quotes each habit shows by default (the maxFindings option changes it). */
export const DEFAULT_QUOTES = 3;
/** How many strengths' quotes by default: strengths are shorter than habits. */
export const DEFAULT_STRENGTH_QUOTES = 1;

/** One quoted sentence: where it stands (line, and the cue time where the format has times) and the words that triggered it. */
export interface Quote {
  line?: number;
  /** Seconds from the start, where the format has times. */
  time?: number;
  /** The time as m:ss or h:mm:ss, '' when the format has none. */
  at: string;
  speaker?: string;
  text: string;
  match: string;
}

/** A thing to change first: a coaching tip with the points it would add and one quote that shows it. */
export interface Change {
  ruleId: string;
  /** How the change is headed: its points, or, for pressure or a brushed-off concern worth less than a point, that it harms the buyer. */
  worth: string;
  /** Score points the call would gain without the habit. */
  points: number;
  harm: number;
  /** Findings of the rule in the call. */
  count: number;
  /** What is wrong (for a finding about the call's shape, its message with the measured value). */
  message: string;
  /** What to do instead. */
  suggestion: string;
  quote?: Quote;
}

/** The findings of one rule: its message once, up to N quotes, its suggestion. */
export interface FindingGroup {
  ruleId: string;
  focus: Focus;
  category: string;
  severity: Severity;
  harm: number;
  /** Findings of the rule that count (directive-accepted ones are left out). */
  count: number;
  message: string;
  suggestion: string;
  /** In the order they were said. */
  quotes: Quote[];
  /** Findings not quoted (count minus quotes). */
  more: number;
  /** The 1-based number of the change it is, when it is one of the top changes (so a view need not repeat the suggestion). */
  change?: number;
}

/** One line of the conversation's shape: a measure, and the habit it shows when a rule flagged it. */
export interface ShapeLine {
  label: string;
  value: string;
  /** The seller-centric finding about this measure, when there is one. */
  flag?: { ruleId: string; severity: Severity; message: string; suggestion: string };
}

/** One step of the buyer's journey, in words. */
export interface JourneyStepWords {
  step: JourneyStepName;
  reached: boolean;
  drivenBy?: Role;
  firstLine?: number;
  firstTime?: number;
  /** Turns spent on the step. */
  turns: number;
}

/** Where the seller jumped ahead of the buyer (a journey finding). */
export interface JourneyJump {
  ruleId: string;
  severity: Severity;
  line?: number;
  time?: number;
  at: string;
  message: string;
  suggestion: string;
}

export interface JourneyWords {
  steps: JourneyStepWords[];
  jumps: JourneyJump[];
  /** The steps in order, who drove each, and the ones never reached, in one sentence. */
  sentence: string;
}

export interface RoleLine {
  name: string;
  role: Role;
  /** How the role was decided, in words ("detected, 92% sure", "named with" where the sellers were named). */
  how: string;
}

/** The one count of the call's findings (see countFindings): every view shows these numbers. */
export interface DigestCounts {
  sellerCentric: number;
  buyerOwnership: number;
  /** Findings an inline directive accepted: shown, not counted. */
  suppressed: number;
}

export interface CallDigest {
  file: string;
  /** Null when the call was not judged; `verdict` then says why. */
  score: number | null;
  verdict: string;
  roles: RoleLine[];
  counts: DigestCounts;
  changes: Change[];
  habits: FindingGroup[];
  strengths: FindingGroup[];
  shape: ShapeLine[];
  journey: JourneyWords;
  warnings: string[];
}

export interface DigestOptions {
  /** Quotes per habit; Infinity for all. Default DEFAULT_QUOTES. */
  maxQuotes?: number;
  /** Quotes per strength; default DEFAULT_STRENGTH_QUOTES (or maxQuotes when that is larger than the default). */
  maxStrengthQuotes?: number;
  /** How many changes; default 3 (the report's tips). */
  changes?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const STEP_WORDS: Record<JourneyStepName, string> = {
  connect: 'connect',
  reasons: "the buyer's reasons",
  explore: 'explore',
  decide: 'decide',
  own: 'life after buying',
};

/** The words for a journey step ("the buyer's reasons"), for views that name them. */
export function stepWords(step: JourneyStepName): string {
  return STEP_WORDS[step];
}

/** A one-line verdict for a score. */
export function verdictFor(score: number): string {
  if (score >= 70) return 'mostly about the buyer';
  if (score >= 45) return 'mixed: about the buyer in places, the seller in others';
  return 'mostly about the seller';
}

function quoteOf(f: Finding): Quote {
  return {
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.time !== undefined ? { time: f.time } : {}),
    at: formatTime(f.time),
    ...(f.speaker !== undefined ? { speaker: f.speaker } : {}),
    text: f.text,
    match: f.match,
  };
}

function roleHow(r: CallReport['roles'][number]): string {
  if (r.method === 'detected') return `detected, ${Math.round(r.confidence * 100)}% sure`;
  if (r.method === 'given') return `${r.role === 'seller' ? 'named' : 'not named'} with ${r.from ?? 'the caller'}`;
  return r.reasons[0] ?? 'the only speaker';
}

/** Findings about particular words (not the call's shape, not the journey), that count. */
function wordFindings(call: CallReport, focus: Focus): Finding[] {
  return call.findings.filter((f) => f.kind === focus && !f.suppressed && f.scope !== 'call');
}

function groups(findings: readonly Finding[], meta: ReadonlyMap<string, RuleMeta>, maxQuotes: number): FindingGroup[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const out: FindingGroup[] = [];
  for (const [ruleId, list] of byRule) {
    const first = list[0]!;
    const rule = meta.get(ruleId);
    const ordered = [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const quotes = ordered.slice(0, Math.max(0, maxQuotes)).map(quoteOf);
    out.push({
      ruleId,
      focus: first.kind,
      category: first.category,
      severity: first.severity,
      harm: rule ? harmOf(rule) : 2,
      count: list.length,
      message: first.message,
      // Suggestions that quote the buyer differ by finding; the first one said speaks for the group.
      suggestion: ordered[0]!.suggestion,
      quotes,
      more: list.length - quotes.length,
    });
  }
  // Worst first: severity, then harm to the buyer, then how often; ties by rule id, so output is stable.
  return out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.harm - a.harm || b.count - a.count || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

function changes(call: CallReport, limit: number): Change[] {
  return call.tips.slice(0, limit).map((t) => {
    const found = call.findings.filter((f) => f.ruleId === t.ruleId && !f.suppressed);
    const quoted = found.filter((f) => f.text).sort((a, b) => (a.line ?? 0) - (b.line ?? 0))[0];
    const shape = found.find((f) => f.scope === 'call' && !f.text);
    return {
      ruleId: t.ruleId,
      points: t.gain,
      worth: t.gain > 0 || !harmsTheBuyer(t.harm) ? `+${t.gain} point${t.gain === 1 ? '' : 's'}` : 'harms the buyer',
      harm: t.harm,
      count: t.count,
      message: shape?.message ?? t.message,
      suggestion: t.suggestion,
      ...(quoted ? { quote: quoteOf(quoted) } : {}),
    };
  });
}

/** The rules whose findings are about a measure of the shape, by the measure they flag. */
const SHAPE_RULES: Record<string, string[]> = {
  talk: ['seller-talk-share'],
  questions: ['few-questions'],
  monologue: ['long-monologue', 'long-monologue-seconds'],
  buyer: ['buyer-short-answers'],
};

function shape(call: CallReport): ShapeLine[] {
  const m = call.metrics;
  const flags = call.findings.filter((f) => f.scope === 'call' && !isJourneyJump(f) && !f.suppressed && f.kind === 'seller-centric');
  const used = new Set<Finding>();
  const flagFor = (measure: string): ShapeLine['flag'] | undefined => {
    const f = flags.find((x) => SHAPE_RULES[measure]!.includes(x.ruleId));
    if (!f) return undefined;
    used.add(f);
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, suggestion: f.suggestion };
  };
  const line = (label: string, value: string, measure?: string): ShapeLine => {
    const flag = measure ? flagFor(measure) : undefined;
    return { label, value, ...(flag ? { flag } : {}) };
  };
  const lines: ShapeLine[] = [
    line('seller talk', `${percent(m.sellerTalkShare)} of ${m.totalWords} words` + (m.sellerTimeShare !== undefined ? `, ${percent(m.sellerTimeShare)} of the time` : '') + (m.durationSeconds !== undefined ? ` (${formatTime(m.durationSeconds)} long)` : ''), 'talk'),
    line('seller questions', `${m.sellerQuestions}: ${m.sellerOpenQuestions} open, ${m.sellerClosedQuestions} closed, ${m.sellerLeadingQuestions} leading`, 'questions'),
    line('longest seller turn', `${m.longestSellerMonologueWords} words` + (m.longestSellerMonologueSeconds !== undefined ? `, ${m.longestSellerMonologueSeconds} s` : ''), 'monologue'),
    line("buyer's longest turn", `${m.buyerLongestTurnWords} words`, 'buyer'),
  ];
  if (m.interactivity !== undefined) lines.push(line('back and forth', `${m.interactivity} speaker switches a minute` + (m.patienceSeconds !== undefined ? `; the seller waits ${m.patienceSeconds} s after the buyer` : '')));
  // A shape rule of a user's pack that none of the measures above names still gets its line.
  for (const f of flags) if (!used.has(f)) lines.push({ label: 'conversation', value: f.message, flag: { ruleId: f.ruleId, severity: f.severity, message: f.message, suggestion: f.suggestion } });
  return lines;
}

function journey(call: CallReport): JourneyWords {
  const byStep = new Map(call.journey.steps.map((s) => [s.step, s]));
  const steps: JourneyStepWords[] = JOURNEY_STEPS.map((step) => {
    const s = byStep.get(step);
    const reached = s !== undefined && s.firstTurn !== undefined;
    const firstTime = reached ? call.timeline[s!.firstTurn!]?.start : undefined;
    return {
      step,
      reached,
      ...(reached && s!.drivenBy ? { drivenBy: s!.drivenBy } : {}),
      ...(reached && s!.firstLine !== undefined ? { firstLine: s!.firstLine } : {}),
      ...(firstTime !== undefined ? { firstTime } : {}),
      turns: s?.turns ?? 0,
    };
  });
  const jumps: JourneyJump[] = call.findings
    .filter((f) => isJourneyJump(f) && !f.suppressed)
    .map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      ...(f.line !== undefined ? { line: f.line } : {}),
      ...(f.time !== undefined ? { time: f.time } : {}),
      at: formatTime(f.time),
      message: f.message,
      suggestion: f.suggestion,
    }));
  // Steps in the order they were first reached, each with who opened it.
  const reached = steps.filter((s) => s.reached).sort((a, b) => (a.firstLine ?? 0) - (b.firstLine ?? 0));
  const never = steps.filter((s) => !s.reached).map((s) => STEP_WORDS[s.step]);
  const parts = reached.map((s) => `${STEP_WORDS[s.step]} (${s.drivenBy === 'buyer' ? 'buyer led' : s.drivenBy === 'seller' ? 'seller led' : 'no one led'})`);
  const sentence =
    (parts.length ? parts.join(', then ') : 'no step of the journey was reached') + (never.length ? `; never reached: ${never.join(', ')}` : '') + '.';
  return { steps, jumps, sentence: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}

/** Condenses one call. `rules` is the report's rule metadata (for harm); findings of rules it lacks rank as harm 2. */
export function digestCall(call: CallReport, rules: readonly RuleMeta[], options: DigestOptions = {}): CallDigest {
  const maxQuotes = options.maxQuotes ?? DEFAULT_QUOTES;
  const maxStrength = options.maxStrengthQuotes ?? (maxQuotes > DEFAULT_QUOTES ? maxQuotes : DEFAULT_STRENGTH_QUOTES);
  const meta = new Map(rules.map((r) => [r.id, r]));
  const counts = countFindings(call.findings);
  const roles = call.roles.map((r) => ({ name: r.name, role: r.role, how: roleHow(r) }));
  if (call.score === null) {
    return {
      file: call.file,
      score: null,
      verdict: `not judged: ${call.salesCallReasons[0] ?? 'not a sales call'}`,
      roles,
      counts,
      changes: [],
      habits: [],
      strengths: [],
      shape: [],
      journey: { steps: [], jumps: [], sentence: '' },
      warnings: [...call.warnings],
    };
  }
  const top = changes(call, options.changes ?? 3);
  const habits = groups(wordFindings(call, 'seller-centric'), meta, maxQuotes);
  for (const h of habits) {
    const i = top.findIndex((c) => c.ruleId === h.ruleId);
    if (i >= 0) h.change = i + 1;
  }
  return {
    file: call.file,
    score: call.score,
    verdict: verdictFor(call.score),
    roles,
    counts,
    changes: top,
    habits,
    strengths: groups(wordFindings(call, 'buyer-ownership'), meta, maxStrength),
    shape: shape(call),
    journey: journey(call),
    warnings: [...call.warnings],
  };
}
