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

it('fixtures/calls/demo-call-seller-pitch.txt scores 12 with exactly these findings', () => {
  const file = join(FIXTURES, 'calls', 'demo-call-seller-pitch.txt');
  const r = analyzeTranscript(parseBytes(readFileSync(file), { fileName: file }));
  expect(r.score).toBe(12);
  expect(r.scoreComponents.map((c) => [c.name, c.points])).toEqual([
    ['language balance', 2.4],
    ['seller-centric density', 0],
    ['talk share', 0],
    ['open questions', 0],
    ['monologues', 10],
  ]);
  expect(r.findings.map(line)).toEqual([
    `3:49-3:106 likely-seller-centric "I've got about forty slides, so I'll try to move quickly."`,
    `3:107-3:136 likely-seller-centric "First, a little bit about us."`,
    `3:212-3:230 company-credentials "we were just named"`,
    `5:9-5:29 company-credentials "We also won the Best"`,
    `5:99-5:113 company-credentials "we just raised"`,
    `7:22-7:39 brushes-off-concern "we'll get to that"`,
    `7:41-7:64 likely-seller-centric "So here's the platform."`,
    `7:65-7:103 likely-seller-centric "On the left you've got the navigation."`,
    `7:104-7:109 feature-dump "We've"`,
    `9:9-9:39 likely-seller-centric "Sure, but you'll grow into it."`,
    `9:40-9:70 likely-seller-centric "Let me show you the dashboard."`,
    `9:71-9:175 likely-seller-centric "You can see headcount, turnover, payroll costs, diversity metrics, all in real time, fully customizable."`,
    `9:176-9:227 leading-question "Isn't that a lot cleaner than what you're using now"`,
    `11:69-11:95 company-credentials "our mobile app, it's rated"`,
    `11:131-11:226 likely-seller-centric "Employees can request time off, see their pay stubs, swap shifts, and clock in with geofencing."`,
    `13:9-13:73 likely-seller-centric "Our workflow engine can do pretty much anything you can imagine."`,
    `13:74-13:139 likely-seller-centric "Let me keep going, because the next part is really the highlight."`,
    `13:140-13:167 likely-seller-centric "This is our payroll engine."`,
    `13:168-13:292 likely-seller-centric "It handles multi-state taxes, garnishments, off-cycle runs, and we have a ninety-nine point nine percent accuracy guarantee."`,
    `15:9-15:55 likely-seller-centric "Right, but if you ever expand, you're covered."`,
    `15:56-15:108 leading-question "Wouldn't you agree that's peace of mind worth having"`,
    `17:100-17:121 likely-seller-centric "But here's the thing."`,
    `17:219-17:246 deadline-pressure "order form signed by Friday"`,
    `19:72-19:84 reflects-back "to make sure"`,
    `19:157-19:194 likely-seller-centric "My VP only approved it for this week."`,
    `21:9-21:41 company-credentials "Our implementation team is award"`,
    `21:51-21:96 likely-seller-centric "They follow our proven six-phase methodology:"`,
    `21:97-21:168 likely-seller-centric "kickoff, discovery, configuration, data migration, testing and go-live."`,
    `21:169-21:208 likely-seller-centric "Most customers are live in ninety days."`,
    `23:23-23:31 hype-to-wow "trust me"`,
    `23:33-23:54 hype-to-wow "Our customers love it"`,
    `23:78-23:94 deadline-pressure "order form today"`,
    `23:141-23:197 likely-seller-centric "That way we can get everything wrapped up before Friday."`,
    `25:75-25:168 likely-seller-centric "If that doesn't work, just let me know and we'll move it, but let's try to keep it this week."`,
    `27:16-27:74 likely-seller-centric "I'll also send the case study deck and our analyst report."`,
    `27:75-27:95 hype-to-wow "You're going to love"`,
    `call buyer-short-answers "" The buyer's longest turn was short (20 words is below the minimum of 40 words)`,
    `call few-questions "" The seller asked few questions (4 is below the minimum of 6)`,
    `call seller-talk-share "" The seller talked for most of the call (82% is above the limit of 65%)`,
    `3:212-3:230 presented-before-reasons "we were just named"`,
  ]);
  expect(r.tips.map((t) => [t.ruleId, t.gain, t.count])).toEqual([
    ['deadline-pressure', 1, 2],
    ['brushes-off-concern', 0, 1],
    ['company-credentials', 1, 5],
  ]);
});
