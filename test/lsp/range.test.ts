/** Where the server puts a finding: at its match in the editor's text, found from the finding's line, sentence and match. */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../src/analyze.js';
import type { Finding } from '../../src/types.js';
import { lineRange, matchRange, sentenceRange } from '../../src/lsp/range.js';

const doc = (text: string, lang = 'markdown') => TextDocument.create('file:///s.md', lang, 1, text);

/** The analysis's findings for `text` with the text they are placed on. */
function placed(text: string, file = 's.md') {
  const d = doc(text);
  return analyze(text, { file }).findings.filter((f) => f.scope !== 'call').map((f) => ({ f, range: matchRange(d, f), at: d.getText(matchRange(d, f)) }));
}

describe('matchRange', () => {
  it('puts a finding at the words that matched, not at the line start', () => {
    const text = '**Rep:** Trust me, you are going to love this one.\n\n**Buyer:** Okay.\n';
    const hype = placed(text).find((p) => p.f.ruleId === 'hype-to-wow')!;
    expect(hype.range).toEqual({ start: { line: 0, character: 19 }, end: { line: 0, character: 40 } });
    expect(hype.at).toBe('you are going to love');
  });

  it('finds the match through Markdown emphasis and links the parser removed', () => {
    const text = '**Rep:** Honestly, **this dashboard** is going to *blow your mind*.\n\n**Rep:** Let me walk you through [our deck](https://example.com/deck) today.\n';
    const found = placed(text);
    expect(found.find((p) => p.f.ruleId === 'hype-to-wow')!.at).toBe('this dashboard** is going to *blow your mind');
    expect(found.find((p) => p.f.ruleId === 'walkthrough-first')!.at).toBe('Let me walk you through [our deck');
  });

  it('follows a match that wraps onto the next line of the same turn', () => {
    const text = 'Rep: We have been around for a long time and honestly, this is going to\nblow your mind when you see it.\n';
    const hype = placed(text, 's.txt').find((p) => p.f.ruleId === 'hype-to-wow')!;
    expect(hype.range.start.line).toBe(0);
    expect(hype.range.end.line).toBe(1);
    expect(hype.at).toBe('this is going to\nblow your mind');
  });

  it('puts repeated words on one line where the report says they are', () => {
    const text = 'Rep: I hope this helps. The price is only good until Friday, so the price is only good until Friday.\n';
    const d = doc(text, 'plaintext');
    const f = (column: number): Finding => ({
      ruleId: 'deadline-pressure', kind: 'seller-centric', category: 'pressure', severity: 'error', speaker: 'Rep', turn: 0,
      text: 'The price is only good until Friday, so the price is only good until Friday.', match: 'only good until Friday',
      line: 1, column, endLine: 1, endColumn: column + 'only good until Friday'.length, message: '', suggestion: '',
    });
    const second = text.lastIndexOf('only good until Friday');
    const first = text.indexOf('only good until Friday');
    expect(matchRange(d, f(second + 1)).start.character).toBe(second);
    expect(matchRange(d, f(first + 1)).start.character).toBe(first);
  });

  it('does not match inside a longer word', () => {
    const d = doc('Rep: decks and a deck\n', 'plaintext');
    const f = { line: 1, text: 'decks and a deck', match: 'deck', column: 12 } as Finding;
    expect(matchRange(d, f).start.character).toBe(17);
  });

  it('uses the report\'s own positions once findings carry them (issue #11)', () => {
    const d = doc('Rep: one two three\n');
    const f = { line: 1, column: 10, endLine: 1, endColumn: 13, text: 'one two three', match: 'two', scope: undefined } as unknown as Finding;
    expect(matchRange(d, f)).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 12 } });
  });

  it('puts call-level findings on the first line of text, and an unfound match on its line', () => {
    const d = doc('\n# Script\n\nRep: hello there\n');
    expect(matchRange(d, { line: 4, scope: 'call', text: '', match: '', column: 0 } as Finding)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    expect(matchRange(d, { line: 4, text: 'hello there', match: 'nowhere', column: 0 } as Finding)).toEqual(lineRange(d, 3));
  });
});

describe('sentenceRange', () => {
  it('covers the whole sentence around the match, and nothing when the sentence is not in the text', () => {
    const text = '**Rep:** Thanks. Let me walk you through our deck so you can see all the features. Sound good?\n';
    const d = doc(text);
    const f = analyze(text, { file: 's.md' }).findings.find((x) => x.ruleId === 'walkthrough-first')!;
    const r = sentenceRange(d, f, matchRange(d, f))!;
    expect(d.getText(r)).toBe('Let me walk you through our deck so you can see all the features.');
    expect(sentenceRange(d, { ...f, text: 'Something else entirely.' }, matchRange(d, f))).toBeUndefined();
  });
});
