import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { withRemedy } from '../../src/cli/texts.js';
import { describe, expect, it } from 'vitest';
import { InputProblem } from '../../src/errors.js';
import { parseBytes, parseText, SUPPORTED_FORMATS } from '../../src/transcript/index.js';
import { parseFile, repoRoot } from '../support/transcript.js';

const bad = (f: string) => path.join(repoRoot, 'fixtures/bad', f);

function problem(fn: () => unknown): InputProblem {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputProblem);
    return err as InputProblem;
  }
  throw new Error('expected an InputProblem');
}

describe('input problems name the line or JSON path', () => {
  it.each([
    ['bad-timestamp.vtt', 'E_PARSE', 8, /bad cue timing "00:00:05\.000 --> 00:00:0x\.500"/],
    ['ragged-row.csv', 'E_PARSE', 3, /6 fields where the header has 4/],
    ['unclosed-quote.csv', 'E_PARSE', 3, /quoted field is never closed/],
    ['aws-missing-content.json', 'E_PARSE', 9, /^at \$\.results\.items\[3\]: expected a "content" string/],
    ['truncated.json', 'E_PARSE', 6, /^invalid JSON/],
    ['short-row.nlp', 'E_PARSE', 3, /"\|"-separated fields/],
    ['not-a-transcript.json', 'E_FORMAT', undefined, /holds no transcript: expected Whisper "segments".*\[speaker, text\] pairs/],
    ['no-speakers.txt', 'E_NO_TURNS', undefined, /no speaker lines found/],
  ])('%s -> %s at line %s', (file, code, line, message) => {
    const p = problem(() => parseFile(bad(file)));
    expect(p.code).toBe(code);
    expect(p.line).toBe(line);
    expect(p.message).toMatch(message);
  });

  it('an unknown forced format lists the supported ones', () => {
    const p = problem(() => parseText('Dana: hi', { format: 'docx' as never }));
    expect(p.code).toBe('E_FORMAT');
    for (const f of SUPPORTED_FORMATS) expect(p.message).toContain(f);
  });

  it('a cue block without a timing line, and a VTT without its header', () => {
    const p = problem(() => parseText('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nA: hi\n\n2\nB: no timing here\n'));
    expect([p.code, p.line]).toEqual(['E_PARSE', 7]);
    const q = problem(() => parseText('1\n00:00:01.000 --> 00:00:02.000\nA: hi\n', { format: 'vtt' }));
    expect([p.code, q.line]).toEqual(['E_PARSE', 1]);
    expect(q.message).toMatch(/WEBVTT/);
  });

  it('an SRT timing with a broken arrow or a bad time', () => {
    const p = problem(() => parseText('1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\n2\n00:00:03,000 --> 00:61:04,000\nB: yo\n'));
    expect([p.code, p.line]).toEqual(['E_PARSE', 6]);
    const q = problem(() => parseText('1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\n2\n00:00:03,000 -> 00:00:04,000\nB: yo\n', { format: 'srt' }));
    expect([q.code, q.line]).toEqual(['E_PARSE', 6]);
  });

  it('JSON paths for vendor layouts and generic arrays', () => {
    const whisper = '{\n "segments": [\n  {"start": 0, "end": 1, "text": "hi"},\n  {"start": 1, "end": 2, "text": 7}\n ]\n}';
    const p = problem(() => parseText(whisper));
    expect(p.message).toBe('at $.segments[1]: expected a segment object with a "text" string');
    expect(p.line).toBe(4);
    const generic = '{"log": {"turns": [\n{"speaker": "A", "text": "hi"},\n{"speaker": "B", "text": "yo"},\n{"speaker": "A", "text": null}\n]}}';
    const g = problem(() => parseText(generic));
    expect(g.message).toBe('at $.log.turns[2]: expected a "text" string');
    expect(g.line).toBe(4);
  });

  it('a CSV without a text column asks for a column mapping (which the command line words with its flag)', () => {
    const p = problem(() => parseText('Who,When,Said\nA,1,hi\n', { format: 'csv' }));
    expect([p.code, p.line, p.remedy]).toEqual(['E_PARSE', 1, 'columns']);
    expect(p.message).toMatch(/^no text column in the CSV header \(Who, When, Said\)/);
    expect(p.message).not.toContain('--');
    expect(withRemedy(p.message, p.remedy)).toMatch(/no text column.*, or map the columns with --columns speaker=Who,text=Utterance$/);
    const q = problem(() => parseText('Who,When,Said\nA,1,hi\n', { format: 'csv', columns: { text: 'Utterance' } }));
    expect(q.message).toMatch(/"Utterance" given for text is not in the header/);
  });

  it('a bad time in a table names the row and column', () => {
    const p = problem(() => parseText('speaker,start,text\nA,0,hi\nB,soon,yo\n'));
    expect([p.code, p.line]).toEqual(['E_PARSE', 3]);
    expect(p.message).toMatch(/"soon" in column "start" is not a time/);
  });

  it('empty input, and segments that are all empty', () => {
    expect(problem(() => parseText('  \n\n')).code).toBe('E_EMPTY');
    expect(problem(() => parseBytes(new Uint8Array())).code).toBe('E_EMPTY');
    expect(problem(() => parseText('{"segments": [{"start": 0, "end": 1, "text": "  "}]}')).code).toBe('E_NO_TURNS');
  });
});

describe('decoding bytes', () => {
  const text = 'Dana: Hello there.\nLee: Hi, Dana.\n';
  const speakers = (b: Uint8Array) => parseBytes(b).turns.map((t) => t.speaker);

  it('refuses known binary types by name', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(problem(() => parseBytes(png)).message).toMatch(/PNG image/);
    const gz = problem(() => parseBytes(gzipSync(Buffer.from(text))));
    expect([gz.code, /gzip/.test(gz.message)]).toEqual(['E_BINARY', true]);
    expect(problem(() => parseBytes(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).message).toMatch(/PDF/);
  });

  it('reads UTF-8 with BOM, UTF-16 with and without BOM', () => {
    expect(speakers(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(['Dana', 'Lee']);
    const le = Buffer.from(text, 'utf16le');
    expect(speakers(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual(['Dana', 'Lee']);
    const bomless = parseBytes(le);
    expect(bomless.turns.map((t) => t.text)).toEqual(['Hello there.', 'Hi, Dana.']);
    expect(bomless.warnings[0]).toMatch(/UTF-16 LE/);
    const be = Buffer.from(le).swap16();
    expect(parseBytes(be).turns[1]!.text).toBe('Hi, Dana.');
  });

  it('falls back to Windows-1252 with a warning', () => {
    const t = parseBytes(Buffer.from([...Buffer.from('Dana: caf'), 0xe9, ...Buffer.from(' au lait\n')]));
    expect(t.turns[0]!.text).toBe('café au lait');
    expect(t.warnings[0]).toMatch(/Windows-1252/);
  });

  it('keeps the bad fixtures small and committed', () => {
    expect(readFileSync(bad('ragged-row.csv'), 'utf8').split('\n').length).toBeLessThan(10);
  });
});
