// One sample call pinned exactly: its score, its score's parts, every finding with its place in the file, and its tips.
// A change that moves any of these shows here first; update the lists only on purpose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyzeTranscript } from '../../src/analyze.js';
import { parseBytes } from '../../src/transcript/index.js';
import type { Finding } from '../../src/types.js';
import { FIXTURES } from '../support/cli.js';

/** A finding in one line: where ("call" for the whole call), the rule, the words, and the message of a call finding. */
const line = (f: Finding) =>
  `${f.line === undefined ? 'call' : `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`} ${f.ruleId} ${JSON.stringify(f.match)}${f.line === undefined ? ` ${f.message}` : ''}`;

it('fixtures/calls/demo-call-seller-pitch.txt scores 14 with exactly these findings', () => {
  const file = join(FIXTURES, 'calls', 'demo-call-seller-pitch.txt');
  const r = analyzeTranscript(parseBytes(readFileSync(file), { fileName: file }));
  expect(r.score).toBe(14);
  expect(r.scoreComponents.map((c) => [c.name, c.points])).toEqual([
    ['language balance', 3.9],
    ['seller-centric density', 0],
    ['talk share', 0],
    ['open questions', 0],
    ['monologues', 10],
  ]);
  expect(r.findings.map(line)).toEqual([
    `3:49-3:105 likely-seller-centric "I've got about forty slides, so I'll try to move quickly"`,
    `3:212-3:230 company-credentials "we were just named"`,
    `5:9-5:29 company-credentials "We also won the Best"`,
    `5:9-5:29 self-praise "We also won the Best"`,
    `5:99-5:113 company-credentials "we just raised"`,
    `7:22-7:39 brushes-off-concern "we'll get to that"`,
    `7:104-7:109 feature-dump "We've"`,
    `9:40-9:69 likely-seller-centric "Let me show you the dashboard"`,
    `9:176-9:227 leading-question "Isn't that a lot cleaner than what you're using now"`,
    `11:69-11:95 company-credentials "our mobile app, it's rated"`,
    `13:9-13:72 likely-seller-centric "Our workflow engine can do pretty much anything you can imagine"`,
    `13:140-13:166 likely-seller-centric "This is our payroll engine"`,
    `13:168-13:291 likely-seller-centric "It handles multi-state taxes, garnishments, off-cycle runs, and we have a ninety-nine point nine percent accuracy guarantee"`,
    `15:56-15:108 leading-question "Wouldn't you agree that's peace of mind worth having"`,
    `17:50-17:55 seller-as-subject "suite"`,
    `17:219-17:246 deadline-pressure "order form signed by Friday"`,
    `17:138-17:149 seller-own-needs "our quarter"`,
    `19:72-19:84 reflects-back "to make sure"`,
    `19:157-19:193 likely-seller-centric "My VP only approved it for this week"`,
    `21:9-21:41 company-credentials "Our implementation team is award"`,
    `21:196-21:207 ownership-experience "ninety days"`,
    `23:23-23:31 hype-to-wow "trust me"`,
    `23:33-23:54 hype-to-wow "Our customers love it"`,
    `23:37-23:51 company-credentials "customers love"`,
    `23:37-23:54 self-praise "customers love it"`,
    `23:78-23:94 deadline-pressure "order form today"`,
    `23:141-23:196 likely-seller-centric "That way we can get everything wrapped up before Friday"`,
    `27:16-27:73 likely-seller-centric "I'll also send the case study deck and our analyst report"`,
    `27:75-27:95 hype-to-wow "You're going to love"`,
    `call buyer-short-answers "" The buyer's longest turn was short (20 words is below the minimum of 40 words)`,
    `call few-questions "" The seller asked few questions (4 is below the minimum of 6)`,
    `call seller-talk-share "" The seller talked for most of the call (82% is above the limit of 65%)`,
    `3:212-3:230 presented-before-reasons "we were just named"`,
  ]);
  expect(r.tips.map((t) => [t.ruleId, t.gain, t.count])).toEqual([
    ['seller-talk-share', 20, 1],
    ['few-questions', 10, 1],
    ['company-credentials', 1, 6],
  ]);
});
