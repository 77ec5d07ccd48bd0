/** One hand-built Report that every formatter test renders: two calls, two reps, both finding kinds, hostile text. */
import type { CallMetrics, CallReport, Finding, Report, RuleMeta } from '../../src/types.js';

// Text that would run as a formula, a script or markup if any formatter forgot to escape it.
export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example/x","Click me") is how our team closes',
  script: '<script>window.__pwned=1;alert(1)</script> we offer the best onboarding',
  img: '"><img src=x onerror="window.__pwned=2;alert(2)"> our tool does it all',
  pipes: "+1 for our roadmap | it's `next-gen` stuff, @channel",
} as const;

export const rules: RuleMeta[] = [
  {
    id: 'seller-we-talk',
    kind: 'phrase',
    focus: 'seller-centric',
    category: 'self-focus',
    severity: 'warning',
    description: 'The seller talks about their own company instead of the buyer.',
    suggestion: 'Turn the sentence around to the buyer: what does it change for them?',
    rationale: 'Buyers tune out when the call is about the vendor.',
  },
  {
    id: 'feature-dump',
    kind: 'phrase',
    focus: 'seller-centric',
    category: 'pitching',
    severity: 'error',
    description: 'Features listed before the buyer said what they need.',
    suggestion: 'Ask what the buyer is trying to fix before naming features.',
  },
  {
    id: 'seller-talk-share',
    kind: 'metric',
    focus: 'seller-centric',
    category: 'balance',
    severity: 'warning',
    description: 'The seller talked for most of the call.',
    suggestion: 'Aim to let the buyer talk at least half the time.',
    rationale: 'Calls where buyers talk more convert better.',
  },
  {
    id: 'your-priorities',
    kind: 'phrase',
    focus: 'buyer-ownership',
    category: 'ownership',
    severity: 'info',
    description: "The seller puts the buyer's priorities first.",
    suggestion: 'Keep doing this.',
  },
  {
    id: 'open-question',
    kind: 'question',
    focus: 'buyer-ownership',
    category: 'discovery',
    severity: 'info',
    description: 'An open question that lets the buyer explain in their own words.',
    suggestion: 'Follow up on the answer before moving on.',
  },
  {
    id: 'presented-before-reasons',
    kind: 'sequence',
    focus: 'seller-centric',
    category: 'journey',
    severity: 'warning',
    description: 'The seller presents before the buyer has given a reason of their own.',
    suggestion: 'Ask what is driving the change before showing anything.',
  },
];

/** A finding about words on one line: its columns are where the match stands in the sentence, as if the sentence began the line. */
function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'line' | 'text' | 'match' | 'speaker' | 'turn'>): Finding {
  const rule = rules.find((r) => r.id === partial.ruleId)!;
  const column = partial.text.indexOf(partial.match) + 1;
  return {
    ruleId: partial.ruleId,
    kind: rule.focus,
    category: rule.category,
    severity: rule.severity,
    speaker: partial.speaker,
    line: partial.line,
    column,
    endLine: partial.line,
    endColumn: column + partial.match.length,
    ...(partial.time !== undefined ? { time: partial.time } : {}),
    turn: partial.turn,
    text: partial.text,
    match: partial.match,
    message: partial.message ?? rule.description,
    suggestion: rule.suggestion,
    ...(partial.scope ? { scope: partial.scope } : {}),
    ...(partial.suppressed ? { suppressed: true } : {}),
  };
}

/** A finding about the call as a whole: no speaker, no position. */
function callFinding(ruleId: string, message: string): Finding {
  const rule = rules.find((r) => r.id === ruleId)!;
  return { ruleId, kind: rule.focus, category: rule.category, severity: rule.severity, text: '', match: '', message, suggestion: rule.suggestion, scope: 'call' };
}

function metrics(overrides: Partial<CallMetrics>): CallMetrics {
  return {
    totalWords: 0,
    sellerWords: 0,
    buyerWords: 0,
    sellerTalkShare: 0,
    sellerQuestions: 0,
    sellerOpenQuestions: 0,
    sellerClosedQuestions: 0,
    sellerLeadingQuestions: 0,
    longestSellerMonologueWords: 0,
    buyerLongestTurnWords: 0,
    sellerCentricPer100: 0,
    buyerOwnershipPer100: 0,
    sellerCentricCount: 0,
    buyerOwnershipCount: 0,
    suppressedCount: 0,
    turns: 0,
    ...overrides,
  };
}

/** A WebVTT call with times, one rep who pitches early; fails the score gate. */
export const acmeCall: CallReport = {
  file: 'calls/acme-discovery.vtt',
  format: 'vtt',
  layout: 'zoom',
  callType: 'discovery',
  score: 42,
  scoreComponents: [
    { name: 'language', value: 0.35, weight: 0.4, points: 14, detail: '4 seller-centric vs 1 buyer-ownership finding' },
    { name: 'balance', value: 0.4, weight: 0.3, points: 12, detail: 'seller talked 71% of the time' },
    { name: 'questions', value: 0.5, weight: 0.2, points: 10, detail: '3 questions, 1 open' },
    { name: 'journey', value: 0.6, weight: 0.1, points: 6, detail: 'presented before the buyer gave reasons' },
  ],
  speakers: [
    { name: 'Dana Reyes', role: 'seller', words: 710, talkShare: 0.71, turns: 5, seconds: 300, timeShare: 0.714 },
    { name: 'Sam Patel', role: 'buyer', words: 290, talkShare: 0.29, turns: 5, seconds: 120, timeShare: 0.286 },
  ],
  roles: [
    { name: 'Dana Reyes', role: 'seller', method: 'detected', confidence: 0.9, reasons: ['introduces the company'] },
    { name: 'Sam Patel', role: 'buyer', method: 'detected', confidence: 0.9, reasons: ['asks about price'] },
  ],
  metrics: metrics({
    totalWords: 1000,
    sellerWords: 710,
    buyerWords: 290,
    sellerTalkShare: 0.71,
    sellerQuestions: 3,
    sellerOpenQuestions: 1,
    sellerClosedQuestions: 2,
    longestSellerMonologueWords: 240,
    buyerLongestTurnWords: 90,
    sellerCentricPer100: 0.56,
    buyerOwnershipPer100: 0.14,
    sellerCentricCount: 4,
    buyerOwnershipCount: 1,
    suppressedCount: 1,
    turns: 10,
    durationSeconds: 420,
    sellerTimeShare: 0.714,
    longestSellerMonologueSeconds: 95,
    interactivity: 1.4,
    patienceSeconds: 0.6,
  }),
  findings: [
    callFinding('seller-talk-share', 'The seller talked for most of the call (71% is above the limit of 65%)'),
    finding({ ruleId: 'seller-we-talk', speaker: 'Dana Reyes', line: 5, time: 12.5, turn: 0, text: 'We are the leading platform and our customers love us.', match: 'We are the leading platform' }),
    finding({ ruleId: 'feature-dump', speaker: 'Dana Reyes', line: 9, time: 48, turn: 2, text: HOSTILE.formula, match: 'our team' }),
    finding({ ruleId: 'seller-we-talk', speaker: 'Dana Reyes', line: 13, time: 95.2, turn: 4, text: 'Our founders built this in 2015.', match: 'Our founders' }),
    finding({ ruleId: 'presented-before-reasons', speaker: 'Dana Reyes', line: 9, time: 48, turn: 2, text: HOSTILE.formula, match: 'our team', scope: 'call', message: 'Presented features before the buyer gave reasons.' }),
    finding({ ruleId: 'your-priorities', speaker: 'Dana Reyes', line: 17, time: 201, turn: 6, text: 'What would change for your team if this worked?', match: 'your team' }),
    finding({
      ruleId: 'seller-we-talk',
      speaker: 'Dana Reyes',
      line: 21,
      time: 260,
      turn: 8,
      text: 'We are SOC 2 certified, which you asked about.',
      match: 'We are SOC 2 certified',
      suppressed: true,
    }),
  ],
  journey: {
    steps: [
      { step: 'connect', firstTurn: 0, lastTurn: 1, firstLine: 1, drivenBy: 'seller', turns: 2 },
      { step: 'reasons', firstTurn: 5, lastTurn: 6, firstLine: 15, drivenBy: 'seller', turns: 2 },
      { step: 'explore', firstTurn: 2, lastTurn: 7, firstLine: 9, drivenBy: 'seller', turns: 4 },
      { step: 'decide', firstTurn: 8, lastTurn: 9, firstLine: 21, drivenBy: 'buyer', turns: 2 },
      { step: 'own', turns: 0 },
    ],
    sequence: ['connect', 'connect', 'explore', 'explore', 'explore', 'reasons', 'reasons', 'explore', 'decide', 'decide'],
  },
  tips: [
    {
      ruleId: 'seller-we-talk',
      gain: 8,
      message: 'The seller talks about their own company instead of the buyer.',
      suggestion: 'Turn the sentence around to the buyer: what does it change for them?',
      count: 2,
    },
  ],
  warnings: ['2 cues had no speaker; attributed to the previous speaker'],
  timeline: [
    { role: 'seller', words: 120, start: 0, end: 40 },
    { role: 'buyer', words: 30, start: 40, end: 52 },
    { role: 'seller', words: 240, start: 52, end: 147 },
    { role: 'buyer', words: 40, start: 147, end: 165 },
    { role: 'seller', words: 150, start: 165, end: 225 },
    { role: 'buyer', words: 90, start: 225, end: 265 },
    { role: 'seller', words: 100, start: 265, end: 305 },
    { role: 'buyer', words: 60, start: 305, end: 330 },
    { role: 'seller', words: 100, start: 330, end: 390 },
    { role: 'buyer', words: 70, start: 390, end: 420 },
  ],
};

/** A plain-text call without times, two sellers, hostile quotes; passes every gate. */
export const globexCall: CallReport = {
  file: 'calls/globex demo.txt',
  format: 'text',
  score: 81,
  scoreComponents: [
    { name: 'language', value: 0.8, weight: 0.4, points: 32, detail: '3 seller-centric vs 2 buyer-ownership findings' },
    { name: 'balance', value: 0.9, weight: 0.3, points: 27, detail: 'seller talked 45% of the words' },
    { name: 'questions', value: 0.75, weight: 0.2, points: 15, detail: '6 questions, 4 open' },
    { name: 'journey', value: 0.7, weight: 0.1, points: 7, detail: 'no steps skipped' },
  ],
  speakers: [
    { name: 'Lee Chen', role: 'seller', words: 300, talkShare: 0.3, turns: 4 },
    { name: "Pat O'Brien", role: 'buyer', words: 550, talkShare: 0.55, turns: 5 },
    { name: 'dana reyes', role: 'seller', words: 150, talkShare: 0.15, turns: 2 },
  ],
  roles: [
    { name: 'Lee Chen', role: 'seller', method: 'given', from: '--seller', confidence: 1, reasons: [] },
    { name: "Pat O'Brien", role: 'buyer', method: 'detected', confidence: 0.8, reasons: ['describes their process'] },
    { name: 'dana reyes', role: 'seller', method: 'given', from: '--seller', confidence: 1, reasons: [] },
  ],
  metrics: metrics({
    totalWords: 1000,
    sellerWords: 450,
    buyerWords: 550,
    sellerTalkShare: 0.45,
    sellerQuestions: 6,
    sellerOpenQuestions: 4,
    sellerClosedQuestions: 2,
    longestSellerMonologueWords: 80,
    buyerLongestTurnWords: 160,
    sellerCentricPer100: 0.67,
    buyerOwnershipPer100: 0.44,
    sellerCentricCount: 3,
    buyerOwnershipCount: 2,
    turns: 11,
  }),
  findings: [
    finding({ ruleId: 'open-question', speaker: 'Lee Chen', line: 3, turn: 1, text: 'What made you start looking now?', match: 'What made you' }),
    finding({ ruleId: 'seller-we-talk', speaker: 'Lee Chen', line: 6, turn: 3, text: HOSTILE.script, match: 'we offer' }),
    finding({ ruleId: 'seller-we-talk', speaker: 'dana reyes', line: 8, turn: 5, text: HOSTILE.img, match: 'our tool' }),
    finding({ ruleId: 'your-priorities', speaker: 'Lee Chen', line: 11, turn: 7, text: 'So your goal is to cut onboarding time in half?', match: 'your goal' }),
    finding({ ruleId: 'feature-dump', speaker: 'Lee Chen', line: 14, turn: 9, text: HOSTILE.pipes, match: 'our roadmap' }),
  ],
  journey: {
    steps: [
      { step: 'connect', firstTurn: 0, lastTurn: 0, firstLine: 1, drivenBy: 'seller', turns: 1 },
      { step: 'reasons', firstTurn: 1, lastTurn: 3, firstLine: 3, drivenBy: 'buyer', turns: 3 },
      { step: 'explore', firstTurn: 4, lastTurn: 8, firstLine: 7, drivenBy: 'buyer', turns: 5 },
      { step: 'decide', firstTurn: 9, lastTurn: 9, firstLine: 14, drivenBy: 'buyer', turns: 1 },
      { step: 'own', firstTurn: 10, lastTurn: 10, firstLine: 16, drivenBy: 'buyer', turns: 1 },
    ],
    sequence: ['connect', 'reasons', 'reasons', 'reasons', 'explore', 'explore', 'explore', 'explore', 'explore', 'decide', 'own'],
  },
  tips: [],
  warnings: [],
  timeline: [
    { role: 'seller', words: 60 },
    { role: 'buyer', words: 120 },
    { role: 'seller', words: 40 },
    { role: 'buyer', words: 160 },
    { role: 'seller', words: 80 },
    { role: 'buyer', words: 100 },
    { role: 'seller', words: 70 },
    { role: 'buyer', words: 90 },
    { role: 'seller', words: 120 },
    { role: 'buyer', words: 80 },
    { role: 'seller', words: 80 },
  ],
};

/** The report every golden file is rendered from. */
export const sampleReport: Report = {
  tool: { name: 'buyerside', version: '0.1.0' },
  calls: [acmeCall, globexCall],
  errors: [
    { file: 'calls/broken.srt', line: 7, message: 'cue 3 has no timestamp line', code: 'E_PARSE' },
    { file: 'calls/=cmd|empty.txt', message: 'the file has no text (only white space)', code: 'E_EMPTY' },
  ],
  rules,
  gates: [{ file: 'calls/acme-discovery.vtt', gate: 'min-score', message: 'score 42 is below the minimum of 60' }],
};
