import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/transcript/index.js';
import { detectFormat } from '../../src/transcript/detect.js';

const texts = (t: ReturnType<typeof parseText>) => t.turns.map((x) => `${x.speaker}: ${x.text}`);

describe('WebVTT', () => {
  it('skips NOTE and STYLE blocks, decodes entities, reads MM:SS.mmm and voice classes', () => {
    const vtt = [
      'WEBVTT - exported', 'Kind: captions', '',
      'STYLE', '::cue { color: yellow }', '',
      'NOTE a note', 'over two lines', '',
      '00:01.000 --> 00:04.500 align:start', '<v.loud Dana Q>Fish &amp; chips &lt;3</v>', '',
      '00:05.000 --> 00:06.000', '<v Lee>Sure&nbsp;thing.</v>', '',
    ].join('\n');
    const t = parseText(vtt);
    expect(t.layout).toBe('teams-vtt');
    expect(texts(t)).toEqual(['Dana Q: Fish & chips <3', 'Lee: Sure thing.']);
    expect(t.turns.map((x) => [x.line, x.start, x.end])).toEqual([[11, 1, 4.5], [14, 5, 6]]);
  });

  it('cues without a speaker continue the previous speaker, or belong to one "Speaker"', () => {
    const t = parseText('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: One.\n\n00:00:02.000 --> 00:00:03.000\nand two.\n\n00:00:03.000 --> 00:00:04.000\n- Lee: Three.\n');
    expect(texts(t)).toEqual(['Dana: One. and two.', 'Lee: Three.']);
    const none = parseText('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there.\n\n00:00:02.500 --> 00:00:03.000\n[Music]\n');
    expect([none.layout, texts(none)]).toEqual(['vtt', ['Speaker: Hello there. [Music]']]);
    expect(none.warnings[0]).toMatch(/one speaker/);
  });

  it('orders overlapping cues by start time', () => {
    const t = parseText('WEBVTT\n\n0:0:2.0 --> 0:0:3.0\n<v B>second</v>\n\n0:0:1.0 --> 0:0:2.5\n<v A>first</v>\n');
    expect(texts(t)).toEqual(['A: first', 'B: second']);
  });
});

describe('SRT', () => {
  it('reads [Name] and Name: prefixes and cues with no speaker', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n[Dana] Hello.\n\n2\n00:00:02,000 --> 00:00:03,000\nLee: Hi.\n\n3\n00:00:03,000 --> 00:00:04,000\nStill Lee here.\n';
    expect(texts(parseText(srt))).toEqual(['Dana: Hello.', 'Lee: Hi. Still Lee here.']);
  });
});

describe('CSV and TSV', () => {
  it('finds columns by common header names and reads HH:MM:SS', () => {
    const t = parseText('Speaker Label,Begin,End,Utterance\nDana,00:00:01,00:00:03,"Hello, Lee."\nLee,00:01:02.5,00:01:04,Hi.\n');
    expect(t.format).toBe('csv');
    expect(t.turns.map((x) => [x.speaker, x.text, x.start])).toEqual([['Dana', 'Hello, Lee.', 1], ['Lee', 'Hi.', 62.5]]);
  });

  it('uses a column mapping when the headers are unusual', () => {
    const t = parseText('Person,Said,T\nDana,Hello.,1\nLee,Hi.,2\n', { format: 'csv', columns: { speaker: 'Person', text: 'Said', start: 'T' } });
    expect(t.turns.map((x) => [x.speaker, x.text, x.start])).toEqual([['Dana', 'Hello.', 1], ['Lee', 'Hi.', 2]]);
  });

  it('tells milliseconds from seconds, and reads a table with no speaker as one speaker', () => {
    const ms = parseText('start\tend\ttext\n0\t2000\tOne.\n2000\t4500\tTwo.\n');
    expect([ms.format, ms.layout, ms.turns[0]!.end, ms.turns[0]!.speaker]).toEqual(['tsv', 'whisper-tsv', 4.5, 'Speaker']);
    const s = parseText('speaker,start,end,text\nA,0,2,One.\nB,2,5,Two.\n');
    expect(s.turns[1]!.end).toBe(5);
    const named = parseText('speaker,start_ms,text\nA,1500,One.\n');
    expect(named.turns[0]!.start).toBe(1.5);
  });

  it('keeps the line of each row, even after a quoted field over several lines', () => {
    const t = parseText('speaker,text\nA,"one\ntwo"\n\nB,three\n');
    expect(t.turns.map((x) => x.line)).toEqual([2, 5]);
  });
});

describe('JSON', () => {
  it('does not crash on 10,000 levels of nesting', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    expect(() => parseText(deep)).toThrow(/holds no transcript/);
    const wrapped = `{"turns": [{"speaker": "A", "text": "hi"}], "junk": ${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}`;
    expect(texts(parseText(wrapped))).toEqual(['A: hi']);
  });

  it('finds [speaker, text] pairs and numbered speakers anywhere, breadth-first', () => {
    const t = parseText('{"meta": {"id": 1}, "data": {"dialog": [["Agent", "Hello."], ["action", "Looked up account"], ["Customer", "Hi."]]}}');
    expect([t.layout, texts(t)]).toEqual(['generic-json', ['Agent: Hello.', 'Customer: Hi.']]);
    const n = parseText('[{"speaker_id": 0, "utterance": "One."}, {"speaker_id": 1, "utterance": "Two."}, {"speaker_id": "SPEAKER_01", "utterance": "Three."}]');
    expect(n.turns.map((x) => x.speaker)).toEqual(['Speaker 0', 'Speaker 1', 'SPEAKER_01']);
  });

  it('reads AWS audio_segments and channel-labelled calls', () => {
    const audio = parseText(JSON.stringify({ results: { transcripts: [{ transcript: 'x' }], audio_segments: [
      { id: 0, transcript: 'Hello.', start_time: '0.5', end_time: '1.0', speaker_label: 'spk_0' },
      { id: 1, transcript: 'Hi.', start_time: '1.2', end_time: '1.5', speaker_label: 'spk_1' },
    ] } }));
    expect([audio.layout, texts(audio)]).toEqual(['aws-transcribe', ['spk_0: Hello.', 'spk_1: Hi.']]);
    const item = (w: string, s: number) => ({ start_time: String(s), end_time: String(s + 0.2), alternatives: [{ content: w }], type: 'pronunciation' });
    const dot = { alternatives: [{ content: '.' }], type: 'punctuation' };
    const stereo = parseText(JSON.stringify({ results: { transcripts: [{ transcript: 'x' }], items: [], channel_labels: { number_of_channels: 2, channels: [
      { channel_label: 'ch_0', items: [item('Hello', 0), dot, item('Bye', 3), dot] },
      { channel_label: 'ch_1', items: [item('Hi', 1), item('there', 1.3), dot] },
    ] } } }));
    expect(texts(stereo)).toEqual(['ch_0: Hello.', 'ch_1: Hi there.', 'ch_0: Bye.']);
  });

  it('reads Deepgram words with speakers when there are no utterances', () => {
    const w = (word: string, start: number, speaker: number) => ({ word: word.toLowerCase(), punctuated_word: word, start, end: start + 0.3, speaker });
    const t = parseText(JSON.stringify({ results: { channels: [{ alternatives: [{ transcript: 'x', words: [w('Hello', 0, 0), w('there.', 0.4, 0), w('Hi.', 1, 1)] }] }] } }));
    expect([t.layout, texts(t)]).toEqual(['deepgram', ['Speaker 0: Hello there.', 'Speaker 1: Hi.']]);
  });
});

describe('plain text', () => {
  it('reads the timestamp shapes and keeps times', () => {
    const t = parseText('[00:00:05] Dana: One.\n00:01:02 Lee: Two.\nDana (00:02:03): Three.\n');
    expect(t.turns.map((x) => [x.speaker, x.start])).toEqual([['Dana', 5], ['Lee', 62], ['Dana', 123]]);
  });

  it('reads a title in brackets after the name as part of the label, and lists it for the roles', () => {
    const t = parseText('Dana (Account Executive): Thanks for the time.\nLee: Sure.\nDana (Account Executive): What prompted the call?\nSam (Acme, Ops): Backlogs.\n');
    expect(texts(t)).toEqual(['Dana (Account Executive): Thanks for the time.', 'Lee: Sure.', 'Dana (Account Executive): What prompted the call?', 'Sam (Acme, Ops): Backlogs.']);
    expect(t.participants).toEqual([{ name: 'Dana (Account Executive)', description: 'Account Executive' }, { name: 'Sam (Acme, Ops)', description: 'Acme, Ops' }]);
    // A bracketed time is still a time, not a title; prose with brackets before a colon is not a speaker.
    const timed = parseText('Dana (00:02:03): Three.\nLee: Four.\n');
    expect(timed.turns.map((x) => [x.speaker, x.start])).toEqual([['Dana', 123], ['Lee', undefined]]);
    expect(timed.participants).toBeUndefined();
  });

  it('reads a name alone on its line, or after a time, as the speaker of the lines under it', () => {
    const alone = parseText('Dana:\nThanks for the time.\n\nLee:\nSure.\nIt has been a week.\n');
    expect(texts(alone)).toEqual(['Dana: Thanks for the time.', 'Lee: Sure. It has been a week.']);
    expect(alone.layout).toBe('plain');
    const timed = parseText('00:00:01 Dana Smith\nThanks for the time.\n[0:04] Lee\nSure.\n');
    expect(timed.turns.map((x) => [x.speaker, x.start, x.text])).toEqual([['Dana Smith', 1, 'Thanks for the time.'], ['Lee', 4, 'Sure.']]);
    // Metadata labels and lower-case prose ending in a colon stay out of the speakers.
    const notes = parseText('Dana: One.\nNotes:\nLee: Two, and here is the thing:\nDana: Three.\n');
    expect(notes.turns.map((x) => x.speaker)).toEqual(['Dana', 'Lee', 'Dana']);
  });

  it('turns directive lines into suppressions for the next turn line', () => {
    const t = parseText('Dana: One.\n\n[buyerside-disable-next-line pitch-first, talk-ratio]\n\nLee: Two.\n<!-- buyerside-disable-next-line -->\nDana: Three.\n');
    expect(texts(t)).toEqual(['Dana: One.', 'Lee: Two.', 'Dana: Three.']);
    expect(t.suppressions).toEqual([{ line: 5, ruleIds: ['pitch-first', 'talk-ratio'] }, { line: 7, ruleIds: [] }]);
  });
});

describe('Markdown', () => {
  it('reads **Name**: turns, skips headings and directions, stops at a notes heading', () => {
    const md = '# Call\n\n**Date:** today\n\n## Part one\n\n**Dana**: Hello, **Lee**.\n\n*pauses*\n\n**Lee**: Hi. _[laughs]_ Good to see you.\n\nA second paragraph from Lee.\n\n---\n\n**Dana**: Shall we start?\n\n## Notes\n\n**Dana**: not a turn\n';
    const t = parseText(md);
    expect(t.format).toBe('markdown');
    expect(texts(t)).toEqual(['Dana: Hello, Lee.', 'Lee: Hi. Good to see you. A second paragraph from Lee.', 'Dana: Shall we start?']);
    expect(t.turns[1]!.pieces.map((p) => p.line)).toEqual([11, 13]);
  });

  it('reads role-play scripts with Rep: speakers and bracketed directives', () => {
    const md = '# Role-play: discovery\n\nRep: Thanks for the time.\n[buyerside-disable-next-line opener]\nBuyer: Sure.\n**Rep:** What matters most to you?\n';
    const t = parseText(md, { format: 'markdown' });
    expect(texts(t)).toEqual(['Rep: Thanks for the time.', 'Buyer: Sure.', 'Rep: What matters most to you?']);
    expect(t.suppressions).toEqual([{ line: 5, ruleIds: ['opener'] }]);
  });
});

describe('detection', () => {
  it('goes by content; the extension only breaks ties', () => {
    expect(detectFormat('WEBVTT\n\n00:01.000 --> 00:02.000\nA: hi\n', 'call.txt')).toBe('vtt');
    expect(detectFormat('[SPEAKER_00]: hi\n[SPEAKER_01]: yo\n', 'call.json')).toBe('json');
    expect(detectFormat('[SPEAKER_00]: hi\n[SPEAKER_01]: yo\n')).toBe('text');
    expect(detectFormat('[{"speaker": "A", "text": "hi"}]')).toBe('json');
    expect(detectFormat('1\n00:00:01,000 --> 00:00:02,000\nhi\n')).toBe('srt');
    expect(detectFormat('token|speaker|ts|endTs|punctuation|case|tags\nHi|0||||UC|[]\n')).toBe('nlp');
    expect(detectFormat('speaker\ttext\nA\thi\n')).toBe('tsv');
    expect(detectFormat('name,content\nA,hi\n')).toBe('csv');
    expect(detectFormat('a,b\n1,2\n', 'x.csv')).toBe('csv');
    expect(detectFormat('**A:** hi\n\n**B:** yo\n')).toBe('markdown');
    expect(detectFormat('A: hi\nB: yo\n', 'notes.md')).toBe('markdown');
    expect(detectFormat('A: hi, b, c\nB: yo\n')).toBe('text');
  });

  it('a forced format wins over detection', () => {
    expect(parseText('A: hi\n', { format: 'markdown' }).format).toBe('markdown');
    expect(parseText('A: hi\n', { format: 'auto' }).format).toBe('text');
  });
});
