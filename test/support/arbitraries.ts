/**
 * Generators for the fuzz tests: transcripts that are nearly valid in each format, then damaged by
 * random edits, plus the check that an outcome is a report or an InputProblem and nothing else.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputProblem } from '../../src/errors.js';
import type { CallReport, Transcript } from '../../src/types.js';

/** Words that have broken lookup tables before ("constructor") and words the rules look for. */
const WORDS = [
  'we', 'our', 'you', 'your', 'I', 'my', 'us', 'platform', 'solution', 'budget', 'why', 'how', 'what', 'decide',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', "won't", "we're", "it's", "y'all",
  'um', 'uh', 'not', 'never', '$', '%', '#', '100', '3.5', 'café', 'Müller', '李明', '😀', 'e\u0301', '\u200b', 'ﬁ',
];
const NAMES = ['Dana', 'Sam Lee', 'SPEAKER_00', 'Speaker 1', 'spk_0', 'A', 'B', 'Dr. Amato', 'José García', '李明', 'constructor', '__proto__', '0', '', ' ', 'x'.repeat(50)];
/** Fragments that mean something to at least one parser. */
const FRAGMENTS = [
  '\n', '\n', '\n', '\r\n', '\r', '\t', ' ', '  ', ':', ': ', ',', '"', '""', "'", '|', '-->', ' --> ', '<v ', '<v.loud Dana>', '</v>', '>', '<', '<c>', '<00:00:01.000>',
  '**', '__', '*', '_', '# ', '### ', '---', '***', '> ', '- ', '[', ']', '{', '}', '(', ')', '[]', '{}', 'WEBVTT', 'WEBVTT\n\n', 'NOTE ', 'STYLE', 'REGION',
  '00:00:01.000', '00:00:02,500', '1:02', '99:99:99', '0:00', '12:34:56.789', '-1', '1e309', 'NaN', '1', '2', '\n\n',
  '&amp;', '&lt;', '&#x110000;', '&#0;', '&#65;', '&constructor;', '&nbsp;', '<!--', '-->', '<!-- buyerside-disable-next-line -->', '[buyerside-disable-next-line x]',
  'token|speaker|ts|endTs|punctuation|case|tags', 'speaker,text', 'speaker\ttext', 'Speaker,Text,Start,End', 'start_ms',
  '\u0000', '\ufeff', '\u2028', '\u2029', '\u00a0', '\ud800', '\udc00', '\u202e', 'Transcribed by https://otter.ai', 'http://x:y', '?', '.', '!', '…', ';', '--',
  ...WORDS.map((w) => w + ' '),
  ...NAMES.map((n) => n + ': '),
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A string made of parser-relevant fragments: the most likely way to reach odd branches. */
export const soup = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 0, maxLength: 10 }).chain((ws) =>
  fc.constantFrom('.', '?', '!', '', ' --', ',').map((end) => ws.join(' ') + end),
);
const name = fc.constantFrom(...NAMES);
const seconds = fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.double({ noNaN: false }), fc.constantFrom(-1, 0, 1e12, Number.MAX_SAFE_INTEGER));

function clock(s: number, sep: '.' | ','): string {
  const v = Number.isFinite(s) ? Math.abs(s) : 0;
  const h = Math.floor(v / 3600);
  const m = Math.floor((v % 3600) / 60);
  const sec = Math.floor(v % 60);
  const ms = Math.floor((v % 1) * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(sec)}${sep}${p(ms, 3)}`;
}

const timing = (sep: '.' | ',') =>
  fc.oneof(
    { weight: 5, arbitrary: fc.tuple(seconds, seconds).map(([a, b]) => `${clock(a, sep)} --> ${clock(b, sep)}`) },
    { weight: 1, arbitrary: soup.map((s) => `${s} --> ${s}`) },
    { weight: 1, arbitrary: fc.constantFrom('00:00:01.000 -> 00:00:02.000', '1:2 --> 3', 'aa:bb --> cc', '00:00:99.000 --> 00:00:01.000', '-->', '00:00:01.000 --> 00:00:02.000 align:start position:10%') },
  );

const cueLine = fc.oneof(
  sentence,
  fc.tuple(name, sentence).map(([n, s]) => `<v ${n}>${s}</v>`),
  fc.tuple(name, sentence).map(([n, s]) => `${n}: ${s}`),
  fc.tuple(name, sentence).map(([n, s]) => `[${n}]: ${s}`),
  fc.tuple(name, sentence).map(([n, s]) => `- ${n}: ${s}`),
  soup,
);

const vttDoc = fc
  .array(fc.tuple(fc.option(fc.constantFrom('1', 'cue-a', 'NOTE hi', '')), timing('.'), fc.array(cueLine, { maxLength: 3 })), { maxLength: 8 })
  .map((cues) => 'WEBVTT\n\n' + cues.map(([id, t, lines]) => [...(id ? [id] : []), t, ...lines].join('\n')).join('\n\n'));

const srtDoc = fc
  .array(fc.tuple(fc.nat(9999), timing(','), fc.array(cueLine, { maxLength: 3 })), { maxLength: 8 })
  .map((cues) => cues.map(([n, t, lines]) => [String(n), t, ...lines].join('\n')).join('\n\n'));

const HEADER_CELLS = ['speaker', 'text', 'start', 'end', 'Start Time (ms)', 'name', 'utterance', 'who', 'ts', 'timestamp', 'end_ms', 'notes', ''];
const cell = fc.oneof(sentence, name, seconds.map(String), fc.constantFrom('00:01', '1:02:03', 'x', ''), soup);
const tableDoc = (sep: ',' | '\t') =>
  fc
    .tuple(fc.shuffledSubarray(HEADER_CELLS, { minLength: 1, maxLength: 5 }), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 10 }), fc.boolean())
    .map(([head, rows, quote]) => {
      const q = (c: string) => (quote && sep === ',' ? `"${c.replace(/"/g, '""')}"` : c);
      return [head.join(sep), ...rows.map((r) => r.map(q).join(sep))].join('\n');
    });

const nlpDoc = fc
  .tuple(
    fc.constantFrom('token|speaker|ts|endTs|punctuation|case|tags', 'token|speaker', 'speaker|token|ts', 'token|speaker|ts|endTs|punctuation|prepunctuation|case|tags|wer_tags'),
    fc.array(fc.tuple(word, fc.oneof(fc.nat(4).map(String), name), seconds, seconds, fc.constantFrom('', '.', ',', '?'), fc.constantFrom('UC', 'LC', 'CA', 'MC', '', 'zz')), { maxLength: 30 }),
  )
  .map(([head, rows]) => [head, ...rows.map((r) => r.join('|'))].join('\n'));

const markdownDoc = fc
  .array(
    fc.oneof(
      fc.tuple(name, sentence).map(([n, s]) => `**${n}:** ${s}`),
      fc.tuple(name, sentence).map(([n, s]) => `__${n}__: ${s}`),
      fc.tuple(name, sentence).map(([n, s]) => `- **${n}**: ${s}`),
      fc.tuple(name, sentence).map(([n, s]) => `${n}: ${s}`),
      fc.constantFrom('# Call', '## Notes', '---', '*laughs*', '[pause]', '<!-- note', '-->', '**Date:** today', '', '> quoted'),
      sentence,
      soup,
    ),
    { maxLength: 15 },
  )
  .map((lines) => lines.join('\n'));

const plainDoc = fc
  .array(
    fc.oneof(
      fc.tuple(name, sentence).map(([n, s]) => `${n}: ${s}`),
      fc.tuple(seconds, name, sentence).map(([t, n, s]) => `[${clock(t, '.').slice(3, 8)}] ${n}: ${s}`),
      fc.tuple(name, seconds).map(([n, t]) => `${n}  ${clock(t, '.').slice(3, 8)}`),
      fc.tuple(name, seconds, sentence).map(([n, t, s]) => `${n} (${clock(t, '.').slice(0, 8)}): ${s}`),
      seconds.map((t) => clock(t, '.').slice(0, 8)),
      sentence,
      soup,
    ),
    { maxLength: 15 },
  )
  .map((lines) => lines.join('\n'));

/** JSON values shaped like each vendor's layout, with random values where fields should be. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
const jsonScalar = fc.oneof(sentence, name, seconds, fc.constant(null), fc.boolean(), anyJson);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: jsonScalar });
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(maybe(arb), { maxLength: 6 });

const jsonShapes = fc.oneof(
  fc.record({ segments: list(fc.record({ start: maybe(seconds), end: maybe(seconds), text: maybe(sentence), speaker: maybe(name) }, { requiredKeys: [] })) }),
  fc.record({
    results: fc.record({
      transcripts: list(fc.record({ transcript: sentence })),
      items: list(fc.record({ start_time: maybe(seconds.map(String)), type: fc.constantFrom('pronunciation', 'punctuation'), alternatives: list(fc.record({ content: maybe(word) })), speaker_label: maybe(name) }, { requiredKeys: [] })),
      speaker_labels: maybe(fc.record({ segments: list(fc.record({ speaker_label: maybe(name), items: list(fc.record({ start_time: maybe(seconds.map(String)), speaker_label: maybe(name) })) })) })),
      channel_labels: fc.option(fc.record({ channels: list(fc.record({ channel_label: maybe(name), items: list(fc.record({ alternatives: list(fc.record({ content: word })), start_time: seconds.map(String) })) })) }), { nil: undefined }),
    }, { requiredKeys: ['transcripts'] }),
  }),
  fc.record({
    results: fc.record({
      utterances: list(fc.record({ transcript: maybe(sentence), speaker: maybe(fc.nat(3)), start: maybe(seconds), end: maybe(seconds) }, { requiredKeys: [] })),
      channels: list(fc.record({ alternatives: list(fc.record({ words: list(fc.record({ word: maybe(word), punctuated_word: maybe(word), speaker: maybe(fc.nat(3)), start: maybe(seconds) }, { requiredKeys: [] })) })) })),
    }, { requiredKeys: [] }),
  }),
  fc.record({ utterances: list(fc.record({ speaker: maybe(fc.constantFrom('A', 'B', 'C')), text: maybe(sentence), start: maybe(seconds), end: maybe(seconds) }, { requiredKeys: [] })), text: maybe(sentence), words: fc.array(anyJson, { maxLength: 2 }), audio_url: fc.constant('x') }, { requiredKeys: [] }),
  fc.record({ monologues: list(fc.record({ speaker: maybe(fc.nat(3)), speaker_name: maybe(name), elements: list(fc.record({ type: fc.constantFrom('text', 'punct'), value: maybe(fc.oneof(word, fc.constantFrom('.', ' ', '?'))), ts: maybe(seconds), end_ts: maybe(seconds) }, { requiredKeys: [] })) }, { requiredKeys: [] })) }),
  fc.record({ callTranscripts: list(fc.record({ transcript: list(fc.record({ speakerId: maybe(name), sentences: list(fc.record({ start: maybe(seconds), end: maybe(seconds), text: maybe(sentence) }, { requiredKeys: [] })) }, { requiredKeys: [] })) })) }),
  list(fc.record({ speaker: maybe(name), role: maybe(name), text: maybe(sentence), content: maybe(sentence), start: maybe(seconds) }, { requiredKeys: [] })),
  list(fc.tuple(name, sentence)),
  fc.record({ data: fc.record({ dialog: list(fc.record({ author: maybe(name), message: maybe(sentence) })) }) }),
  anyJson,
);
const jsonDoc = fc.tuple(jsonShapes, fc.boolean()).map(([v, pretty]) => (v === undefined ? 'null' : JSON.stringify(v, null, pretty ? 2 : undefined)));

/** One random edit: insert a fragment, delete a range, duplicate or drop a line, truncate. */
type Edit = { op: 'insert' | 'delete' | 'dup' | 'drop' | 'truncate' | 'flip'; at: number; len: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'dup', 'drop', 'truncate', 'flip'),
  at: fc.nat(),
  len: fc.nat(20),
  text: fragment,
});

export function applyEdits(doc: string, edits: readonly Edit[]): string {
  let s = doc;
  for (const e of edits) {
    const at = s.length ? e.at % (s.length + 1) : 0;
    if (e.op === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
    else if (e.op === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
    else if (e.op === 'truncate') s = s.slice(0, at);
    else if (e.op === 'flip') s = s.slice(0, at) + String.fromCharCode((s.charCodeAt(at) || 32) ^ (1 << (e.len % 16))) + s.slice(at + 1);
    else {
      const lines = s.split('\n');
      const i = e.at % Math.max(lines.length, 1);
      if (e.op === 'dup') lines.splice(i, 0, lines[i] ?? '');
      else lines.splice(i, 1);
      s = lines.join('\n');
    }
  }
  return s;
}

/** A well-formed document of the format, damaged by up to three edits (or none). */
const damaged = (doc: fc.Arbitrary<string>) =>
  fc.tuple(doc, fc.array(edit, { maxLength: 3 })).map(([d, edits]) => applyEdits(d, edits));

export const DOCS = {
  text: damaged(plainDoc),
  markdown: damaged(markdownDoc),
  vtt: damaged(vttDoc),
  srt: damaged(srtDoc),
  csv: damaged(tableDoc(',')),
  tsv: damaged(tableDoc('\t')),
  json: damaged(jsonDoc),
  nlp: damaged(nlpDoc),
} as const;

/** Any input at all: every format's documents, fragment soup, and arbitrary unicode. */
export const anyDoc = fc.oneof(...Object.values(DOCS), soup, fc.string({ maxLength: 200, unit: 'binary' }));

/** Bytes: random, encoded documents (UTF-8, UTF-16 with and without BOM, Latin-1) and damaged magic numbers. */
export const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  anyDoc.map((s) => new TextEncoder().encode(s)),
  anyDoc.map((s) => new Uint8Array(Buffer.from('\ufeff' + s, 'utf16le'))),
  anyDoc.map((s) => new Uint8Array(Buffer.from(s, 'utf16le'))),
  anyDoc.map((s) => swap16(new Uint8Array(Buffer.from(s, 'utf16le')))),
  anyDoc.map((s) => new Uint8Array(Buffer.from(s, 'latin1'))),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x89, 0x50, 0x4e, 0x47], [0x1f, 0x8b], [0, 0, 0, 0, 0x66, 0x74, 0x79, 0x70], [0x93], [0x81]), fc.uint8Array({ maxLength: 64 })).map(
    ([head, rest]) => new Uint8Array([...head, ...rest]),
  ),
);

function swap16(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1]!;
    out[i + 1] = b[i]!;
  }
  return out;
}

/** The outcome of one case: a value, or an InputProblem; any other exception fails the test. */
export function outcome<T>(run: () => T): { value: T } | { problem: InputProblem } {
  try {
    return { value: run() };
  } catch (e) {
    if (e instanceof InputProblem) {
      expect(e.message.trim(), 'an InputProblem has a message').not.toBe('');
      expect(e.message, 'an InputProblem is one line').not.toMatch(/[\r\n\u2028\u2029]/);
      if (e.line !== undefined) expect(Number.isInteger(e.line) && e.line >= 1, `line ${e.line} is a 1-based line`).toBe(true);
      return { problem: e };
    }
    throw e;
  }
}

/** Checks a parsed transcript's invariants: turns with speakers, text and lines within the file. */
export function checkTranscript(t: Transcript, text: string): void {
  expect(t.turns.length).toBeGreaterThan(0);
  const lines = text.split(/\r\n|\r|\n/).length + 1;
  for (const turn of t.turns) {
    expect(typeof turn.speaker).toBe('string');
    expect(turn.text.trim()).not.toBe('');
    expect(Number.isInteger(turn.line) && turn.line >= 1 && turn.line <= lines, `turn line ${turn.line} of ${lines}`).toBe(true);
    let prev = -1;
    for (const p of turn.pieces) {
      expect(p.at).toBeGreaterThan(prev);
      prev = p.at;
    }
  }
}

/**
 * Checks a report is plain, JSON-serializable data with a finite score in 0..100 (or, not judged, none), and that every finding
 * about particular words quotes its sentence and points inside `text` (a finding about the whole call has no position).
 */
export function checkReport(r: CallReport, text?: string): void {
  // A call is judged (a score in 0..100) or not (no score, no findings, a reason given).
  if (r.score === null) {
    expect(r.salesCall, 'a null score only for a call that was not judged').toBe(false);
    expect(r.salesCallReasons.length).toBeGreaterThan(0);
    expect(r.findings).toEqual([]);
  } else expect(Number.isFinite(r.score) && r.score >= 0 && r.score <= 100, `score ${r.score}`).toBe(true);
  expect(() => JSON.stringify(r)).not.toThrow();
  const lines = text?.split(/\r\n|\r|\n/);
  for (const f of r.findings) {
    if (f.line === undefined) {
      expect(f.scope, 'only findings about the whole call have no line').toBe('call');
      expect([f.column, f.turn, f.speaker]).toEqual([undefined, undefined, undefined]);
      continue;
    }
    expect(Number.isInteger(f.line) && f.line >= 1, `finding line ${f.line}`).toBe(true);
    expect(f.text.includes(f.match), 'the match stands in the sentence').toBe(true);
    if (lines === undefined) continue;
    expect(f.line, `finding line ${f.line} is in the file`).toBeLessThanOrEqual(lines.length);
    if (f.column === undefined) continue;
    // One position encoding: line and column in the file, 1-based, the end after the start.
    expect(f.endLine! > f.line || (f.endLine === f.line && f.endColumn! > f.column), `range ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`).toBe(true);
    expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length);
    expect(f.endColumn! - 1).toBeLessThanOrEqual(lines[f.endLine! - 1]!.length);
  }
}

/** Runs `fn` and fails when a single case takes longer than `limitMs` (a hang or a blow-up). */
export function timed<T>(fn: () => T, limitMs = 2000, what = 'case'): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(limitMs);
  return out;
}
