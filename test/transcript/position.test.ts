// Findings point at their words in the input file: line and column, 1-based, of the first character and of
// the one after the last, found again in the file's text whatever the format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../../src/analyze.js';
import { parseBytes, parseText } from '../../src/transcript/index.js';
import { SourceMap } from '../../src/transcript/position.js';
import type { Finding, Transcript } from '../../src/types.js';
import { FIXTURES } from '../support/cli.js';

/** The file's text between a finding's start and end. */
function quoted(source: string, f: Finding): string {
  const lines = source.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const offset = (line: number, column: number) => lines.slice(0, line - 1).join('').length + column - 1;
  return source.slice(offset(f.line!, f.column!), offset(f.endLine!, f.endColumn!));
}

const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());

function findingsOf(t: Transcript): Finding[] {
  return analyzeTranscript(t).findings.filter((f) => f.line !== undefined);
}

describe('every format of the sample conversation', () => {
  const dir = join(FIXTURES, 'formats');
  it.each(readdirSync(dir))('%s: each finding quotes its match from the file', (file) => {
    const t = parseBytes(readFileSync(join(dir, file)), { fileName: file });
    const found = findingsOf(t);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.column, `${f.ruleId} "${f.match}" has a column`).toBeDefined();
      const text = quoted(t.source!, f);
      if (t.format === 'json' || t.format === 'nlp') {
        // Words in JSON fields or one a line: the range runs from the first word to the last, with syntax between.
        expect(words(text)[0]).toBe(words(f.match)[0]);
        expect(words(text).at(-1)).toBe(words(f.match).at(-1));
        const at = words(text);
        let i = 0;
        for (const w of words(f.match)) i = at.indexOf(w, i) + 1;
        expect(i, `the match's words stand in order in ${JSON.stringify(text)}`).toBeGreaterThan(0);
      } else {
        expect(text.replace(/\s+/g, ' ')).toBe(f.match);
      }
    }
  });
});

describe('the sample calls', () => {
  it.each(readdirSync(join(FIXTURES, 'calls')).filter((f) => !f.includes('.expected.')))('%s: the file holds each match at its position', (file) => {
    const t = parseBytes(readFileSync(join(FIXTURES, 'calls', file)), { fileName: file });
    for (const f of findingsOf(t)) expect(quoted(t.source!, f)).toBe(f.match);
  });
});

describe('SourceMap', () => {
  const locate = (source: string, format?: 'json' | 'nlp' | 'text') => {
    const t = parseText(source, format ? { format } : {});
    const map = new SourceMap(t.source);
    return (turn: number, words: string) => {
      const text = t.turns[turn]!.text;
      return map.locate(t.turns[turn]!, text.indexOf(words), words);
    };
  };

  it('gives 1-based columns, the end just after the last character, on the line of the words', () => {
    const at = locate('Ana: Hello there.\nBen: We offer the best price today.\n');
    expect(at(1, 'best price')).toEqual({ line: 2, column: 19, endLine: 2, endColumn: 29 });
  });

  it('takes in signs that stand right beside the words', () => {
    const at = locate('Ana: It is $500 off, or 20% less.\n');
    expect(at(0, '$500 off')).toEqual({ line: 1, column: 12, endLine: 1, endColumn: 20 });
    expect(at(0, '20%')).toEqual({ line: 1, column: 25, endLine: 1, endColumn: 28 });
  });

  it('finds words in minified JSON, past escapes, by each segment\'s own place in the file', () => {
    const json = JSON.stringify([
      { speaker: 'Ana', text: 'We offer the best price. I\u2019m sure.' },
      { speaker: 'Ben', text: 'Caf\u00e9 owners like the best price too.' },
    ]).replace(/\u2019/g, '\\u2019').replace(/\u00e9/g, '\\u00e9');
    const at = locate(json, 'json');
    const second = at(1, 'best price');
    // The second segment's "best price", not the first's, though both are on line 1.
    expect(second!.line).toBe(1);
    expect(json.slice(second!.column - 1, second!.endColumn - 1)).toBe('best price');
    expect(second!.column).toBeGreaterThan(json.indexOf('Caf'));
    const escaped = at(1, 'Café owners');
    expect(json.slice(escaped!.column - 1, escaped!.endColumn - 1)).toBe('Caf\\u00e9 owners');
  });

  it('spans the lines of a word-per-line format', () => {
    const nlp = ['token|speaker|ts|endTs|punctuation|case|tags', 'we|1|0|1||LC|[]', 'offer|1|1|2||LC|[]', 'the|1|2|3||LC|[]', 'best|1|3|4||LC|[]', 'price|1|4|5|.|LC|[]'].join('\n');
    expect(locate(nlp, 'nlp')(0, 'best price')).toEqual({ line: 5, column: 1, endLine: 6, endColumn: 6 });
  });

  it('gives no position where the file\'s text is unknown or the words are not in it', () => {
    const t = parseText('Ana: We offer the best price.\n');
    expect(new SourceMap(undefined).locate(t.turns[0]!, 0, 'We offer')).toBeUndefined();
    expect(new SourceMap('Ana: nothing like it').locate(t.turns[0]!, 0, 'We offer')).toBeUndefined();
  });
});

describe('a turn merged from cues out of time order', () => {
  // Sorted by time, the later cue in the file comes first; a match across both would end before it
  // starts (found by the VTT fuzz suite). The range then covers the first word, in file order.
  it('gets a range that runs forwards', () => {
    const doc = [
      'WEBVTT', '',
      '00:00:05.000 --> 00:00:06.000', '<v Dana>we are the leading platform and our awards</v>', '',
      '00:00:01.000 --> 00:00:02.000', '<v Dana>honestly our</v>', '',
      '00:00:07.000 --> 00:00:08.000', '<v Sam>ok.</v>',
    ].join('\n');
    const t = parseText(doc, { fileName: 'call.vtt' });
    const map = new SourceMap(t.source);
    const turn = t.turns[0]!;
    expect(turn.text.startsWith('honestly our we are')).toBe(true);
    const range = map.locate(turn, turn.text.indexOf('our'), 'our we are')!;
    expect(range.line).toBe(7);
    expect(range.endLine > range.line || (range.endLine === range.line && range.endColumn > range.column)).toBe(true);
    expect(doc.split('\n')[6]!.slice(range.column - 1, range.endColumn - 1)).toBe('our');
  });
});
