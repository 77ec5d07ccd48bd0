import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, speakersOf } from '../support/transcript.js';
import { CORPUS as corpusDir } from '../support/shared.js';

interface Expect {
  file: string;
  format: string;
  layout: string;
  turns: number;
  speakers: string[];
  first: string;
  last: string;
}

/** Real exports in ../shared/corpus: what each must read as. Texts are prefixes of the turn. */
const CASES: Expect[] = [
  { file: 'formats/vtt/teams-legacy-unpadded-timestamps-2spk.vtt', format: 'vtt', layout: 'teams-vtt', turns: 2, speakers: ['Yuri Bakulin', 'Adrian Petrescu'], first: 'There you go.', last: 'Why hello there, Yuri.' },
  { file: 'formats/vtt/whisper-ctranslate2-diarized-2spk-ca.vtt', format: 'vtt', layout: 'diarized-vtt', turns: 11, speakers: ['SPEAKER_01', 'SPEAKER_00'], first: 'Hola, bon dia, com et dius?', last: "D'acord, moltes gràcies." },
  { file: 'formats/srt/whisper-ctranslate2-diarized-2spk-ca.srt', format: 'srt', layout: 'diarized-srt', turns: 11, speakers: ['SPEAKER_01', 'SPEAKER_00'], first: 'Hola, bon dia, com et dius?', last: "D'acord, moltes gràcies." },
  { file: 'formats/txt/whisper-ctranslate2-diarized-2spk-ca.txt', format: 'text', layout: 'plain', turns: 11, speakers: ['SPEAKER_01', 'SPEAKER_00'], first: 'Hola, bon dia, com et dius?', last: "D'acord, moltes gràcies." },
  { file: 'formats/csv/whisper-ctranslate2-2spk-ca.tsv', format: 'tsv', layout: 'whisper-tsv', turns: 1, speakers: ['Speaker'], first: 'Hola, bon dia, com et dius? Hola, bon dia, em dic Carme.', last: 'Hola, bon dia' },
  { file: 'formats/txt/google-meet-style-simple-3spk.txt', format: 'text', layout: 'google-meet', turns: 9, speakers: ['Alice', 'Bob', 'Charlie'], first: "Hello everyone, thanks for joining today's meeting.", last: 'Works for me.' },
  { file: 'formats/txt/google-meet-style-multiline-3spk.txt', format: 'text', layout: 'google-meet', turns: 4, speakers: ['Alice', 'Bob', 'Charlie'], first: 'This is a long utterance that spans multiple lines and continues here.', last: 'I understand what you mean. We should definitely consider all the implications before making a final decision.' },
  { file: 'formats/txt/google-meet-style-unicode-4spk.txt', format: 'text', layout: 'google-meet', turns: 6, speakers: ['José García', "Mary O'Brien", 'François Müller', '李明'], first: 'Hello everyone!', last: 'Agreed, très important.' },
  { file: 'formats/json-whisper/whisper-ctranslate2-diarized-2spk-ca.json', format: 'json', layout: 'whisper', turns: 11, speakers: ['SPEAKER_01', 'SPEAKER_00'], first: 'Hola, bon dia, com et dius?', last: "D'acord, moltes gràcies." },
  { file: 'formats/json-whisper/whisper-ctranslate2-word-timestamps-1spk-ca.json', format: 'json', layout: 'whisper', turns: 1, speakers: ['Speaker'], first: 'Igual que la majoria de mamíferes', last: 'Igual que' },
  { file: 'formats/json-whisper/whisper-timestamped-words.json', format: 'json', layout: 'whisper', turns: 1, speakers: ['Speaker'], first: "Yeah, as much as it's worth celebrating", last: 'Yeah' },
  { file: 'formats/json-deepgram/deepgram-nova2-diarized-3spk.json', format: 'json', layout: 'deepgram', turns: 8, speakers: ['Speaker 0', 'Speaker 1', 'Speaker 2'], first: 'And, Jessica, Christina, we are so proud of you.', last: 'Andrew Morgan there wishing the crew luck.' },
  { file: 'formats/json-deepgram/deepgram-nova2-utterances-nospeaker.json', format: 'json', layout: 'deepgram', turns: 1, speakers: ['Speaker'], first: 'Yeah. As as much as,', last: 'Yeah.' },
  { file: 'formats/json-assemblyai/assemblyai-utterances-1spk.json', format: 'json', layout: 'assemblyai', turns: 1, speakers: ['Speaker A'], first: "Yeah. As much as it's worth celebrating", last: 'Yeah.' },
  { file: 'formats/json-aws/aws-transcribe-speaker-labels-3spk.json', format: 'json', layout: 'aws-transcribe', turns: 7, speakers: ['spk_0', 'spk_1', 'spk_2'], first: 'She was gone out into the village on some errand when,', last: "a good neighbor of the Bronte's," },
  { file: 'formats/json-aws/aws-transcribe-channel-labels-2ch.json', format: 'json', layout: 'aws-transcribe', turns: 7, speakers: ['ch_1', 'ch_0'], first: 'She was gone out into the village on some errand when,', last: "A good neighbor of the Bronte's," },
  { file: 'formats/json-other/revai-monologues-1spk.json', format: 'json', layout: 'revai', turns: 1, speakers: ['Speaker 0'], first: "Hi, my name's Jack resinger.", last: 'Hi,' },
  { file: 'business-calls/earnings21-4386541-rev-nlp.nlp', format: 'nlp', layout: 'rev-nlp', turns: 17, speakers: ['Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3', 'Speaker 4'], first: 'Welcome to the Cumulus Media quarterly earnings conference call. I will now turn the call over to Collin Jones,', last: "Ladies and gentlemen, this concludes today's conference call." },
  { file: 'business-calls/earnings22-4474955-aligned-rev-nlp.nlp', format: 'nlp', layout: 'rev-nlp', turns: 11, speakers: ['Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3', 'Speaker 4'], first: "Hello, ladies and gentlemen. Thank you for standing by for Qudian's Third Quarter", last: 'Thank you. This concludes the conference call.' },
  { file: 'business-calls/ami-es2002a-kickoff-meeting-qmsum.json', format: 'json', layout: 'generic-json', turns: 287, speakers: ['Project Manager', 'Marketing', 'Industrial Designer', 'User Interface'], first: 'Okay Right {vocalsound} Um well this is the kick-off meeting', last: '{vocalsound}' },
  { file: 'business-calls/ami-es2002d-design-meeting-qmsum.json', format: 'json', layout: 'generic-json', turns: 950, speakers: ['Project Manager', 'Industrial Designer', 'User Interface', 'Marketing'], first: 'Okay we all all set ? Right .', last: '{vocalsound}' },
  { file: 'business-calls/abcd-customer-service-chats-sample.json', format: 'json', layout: 'generic-json', turns: 18, speakers: ['agent', 'customer'], first: 'Hi! How can I help you?', last: "That's it. Take care." },
  { file: 'business-calls/taskmaster1-restaurant-booking-2spk.json', format: 'json', layout: 'generic-json', turns: 20, speakers: ['USER', 'ASSISTANT'], first: "Hi, I'm looking to book a table for Korean food.", last: 'Great. You will get a confirmation to your phone soon.' },
  { file: 'sales-calls/tribeai-closing-call-01.md', format: 'markdown', layout: 'markdown', turns: 32, speakers: ['Maria', 'James', 'Susan'], first: 'James, Susan—thanks for getting on the call together.', last: 'Looking forward to it.' },
  { file: 'sales-calls/tribeai-cold-call-success-01.md', format: 'markdown', layout: 'markdown', turns: 20, speakers: ['Sarah', 'Michael'], first: 'Hi Michael, this is Sarah from TribeAI.', last: 'Sounds good.' },
  { file: 'sales-calls/tribeai-cold-call-unsuccessful-01.md', format: 'markdown', layout: 'markdown', turns: 11, speakers: ['Brian', 'Patricia'], first: 'Hi, is this Patricia Moore?', last: 'But if I could just show you what we—' },
  { file: 'sales-calls/tribeai-demo-call-success-01.md', format: 'markdown', layout: 'markdown', turns: 52, speakers: ['Lisa', 'Robert', 'Amy', 'Alex', 'Tom'], first: 'Hi everyone, thanks for joining.', last: 'Will do. Thanks everyone—this is going to be great.' },
  { file: 'sales-calls/tribeai-discovery-call-01.md', format: 'markdown', layout: 'markdown', turns: 46, speakers: ['Marcus', 'Jennifer', 'David'], first: 'Hey Jennifer, David—thanks for making time today.', last: 'Great. See you Tuesday.' },
  { file: 'sales-calls/tribeai-follow-up-success-01.md', format: 'markdown', layout: 'markdown', turns: 27, speakers: ['Rachel', 'Chris'], first: 'Hey Chris, how are you?', last: "Perfect. I'll send the contract in the next hour." },
  { file: 'sales-calls/tribeai-objection-pricing-01.md', format: 'markdown', layout: 'markdown', turns: 24, speakers: ['Kevin', 'Nicole'], first: 'Nicole, thanks for the follow-up.', last: "Will do. I'll get that over to you today." },
];

/** The rendered calls: every shape must give the turn count and texts of the CSV rendering. */
const RENDERED = [
  { call: 'c01-solar-discovery', turns: 54, first: "Hi Denise, it's Marcus from Brightline Solar. Is now still a good time?", last: "Thank you, Marcus. I'll send the bills tonight. Talk soon." },
  { call: 'c02-crm-demo-pitch', turns: 42, first: 'Anita, hi, Bradley Cole with PipelineIQ. Can you hear me all right?', last: 'Thanks. Bye.' },
];
const SHAPES: Array<[string, string]> = [
  ['csv', 'csv'], ['srt', 'srt'], ['zoom.vtt', 'zoom-vtt'], ['teams.vtt', 'teams-vtt'],
  ['whisper.json', 'whisper'], ['aws.json', 'aws-transcribe'], ['deepgram.json', 'deepgram'], ['assemblyai.json', 'assemblyai'],
];

describe('the shared corpus', () => {
  it.each(CASES)('$file reads as $layout', (c) => {
    const t = parseFile(path.join(corpusDir, c.file));
    expect(t.format).toBe(c.format);
    expect(t.layout).toBe(c.layout);
    expect(t.turns).toHaveLength(c.turns);
    expect(speakersOf(t)).toEqual(c.speakers);
    expect(t.turns[0]!.text.startsWith(c.first)).toBe(true);
    expect(t.turns.at(-1)!.text.startsWith(c.last)).toBe(true);
    for (const turn of t.turns) {
      expect(turn.line).toBeGreaterThanOrEqual(1);
      expect(turn.pieces[0]!.line).toBe(turn.line);
    }
  });

  it('ABCD: skips action events and says only the first conversation was read', () => {
    const t = parseFile(path.join(corpusDir, 'business-calls/abcd-customer-service-chats-sample.json'));
    expect(t.turns.some((x) => x.speaker === 'action')).toBe(false);
    expect(t.turns.map((x) => x.text).join(' ')).not.toContain('Account has been pulled up');
    expect(t.warnings.join(' ')).toMatch(/3 conversations/);
  });

  it('markdown: metadata, stage directions and call notes are not turns', () => {
    const t = parseFile(path.join(corpusDir, 'sales-calls/tribeai-cold-call-success-01.md'));
    const all = t.turns.map((x) => x.text).join(' ');
    expect(all).not.toMatch(/CC-2024-001|Call Notes|Strong opener|laughs/);
    expect(t.turns.find((x) => x.line === 22)!.text).toMatch(/^Yeah, unfortunately\./);
    const unsuccessful = parseFile(path.join(corpusDir, 'sales-calls/tribeai-cold-call-unsuccessful-01.md'));
    expect(unsuccessful.turns.map((x) => x.text).join(' ')).not.toContain('hangs up');
  });

  it('lines point at the segment in the original file', () => {
    const aws = parseFile(path.join(corpusDir, 'rendered/c01-solar-discovery.aws.json'));
    expect(aws.turns[0]!.line).toBe(9709);
    const zoom = parseFile(path.join(corpusDir, 'rendered/c01-solar-discovery.zoom.vtt'));
    // Turn 6 spans cues 6-9; each piece keeps its cue's text line and time.
    expect(zoom.turns[5]!.pieces.map((p) => p.line)).toEqual([25, 29, 33, 37]);
    expect(zoom.turns[5]!.pieces[1]!.time).toBeCloseTo(52.461);
    const teams = parseFile(path.join(corpusDir, 'formats/vtt/teams-legacy-unpadded-timestamps-2spk.vtt'));
    expect(teams.turns.map((x) => [x.start, x.end])).toEqual([[0, 0.57], [0.21, 1.13]]);
  });

  it('Rev .nlp: text is rebuilt from tokens, punctuation and case, with times where aligned', () => {
    const t = parseFile(path.join(corpusDir, 'business-calls/earnings21-4386541-rev-nlp.nlp'));
    expect(t.turns[1]!.text).toContain('non-GAAP');
    const aligned = parseFile(path.join(corpusDir, 'business-calls/earnings22-4474955-aligned-rev-nlp.nlp'));
    expect(aligned.turns[0]!.start).toBeCloseTo(2.9);
  });

  for (const r of RENDERED) {
    it.each(SHAPES)(`${r.call}.%s has the same turns as the other renderings`, (suffix, layout) => {
      const t = parseFile(path.join(corpusDir, 'rendered', `${r.call}.${suffix}`));
      expect(t.layout).toBe(layout);
      expect(t.turns).toHaveLength(r.turns);
      expect(speakersOf(t)).toHaveLength(2);
      expect(t.turns[0]!.text).toBe(r.first);
      expect(t.turns.at(-1)!.text).toBe(r.last);
      expect(t.turns[0]!.start).toBeCloseTo(0.5);
    });
  }
});
