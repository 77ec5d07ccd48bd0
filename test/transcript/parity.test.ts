import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { norm, parseFile, repoRoot } from '../support/transcript.js';

const dir = path.join(repoRoot, 'fixtures/formats');
/** The conversation as written (conversation.txt); every rendering must read back to it. */
const reference = readFileSync(path.join(dir, 'conversation.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [speaker, ...rest] = line.split(': ');
    return { speaker: speaker!, text: rest.join(': ') };
  });

/** Layout each rendering must be recognized as, from content alone. */
const LAYOUTS: Record<string, string> = {
  'conversation.txt': 'plain',
  'conversation.timestamped.txt': 'plain',
  'conversation.otter.txt': 'otter',
  'conversation.meet.txt': 'google-meet',
  'conversation.md': 'markdown',
  'conversation.zoom.vtt': 'zoom-vtt',
  'conversation.teams.vtt': 'teams-vtt',
  'conversation.srt': 'srt',
  'conversation.csv': 'csv',
  'conversation.tsv': 'tsv',
  'conversation.whisper.json': 'whisper',
  'conversation.aws.json': 'aws-transcribe',
  'conversation.deepgram.json': 'deepgram',
  'conversation.assemblyai.json': 'assemblyai',
  'conversation.revai.json': 'revai',
  'conversation.gong.json': 'gong',
  'conversation.generic.json': 'generic-json',
  'conversation.nlp': 'rev-nlp',
};

/** Renderings whose tool knows the speakers' names; the others only have ids. */
const NAMED = /\.(txt|md|vtt|srt|csv|tsv)$|generic\.json$/;

describe('one conversation in every format (parser half of parity)', () => {
  const files = readdirSync(dir).filter((f) => f.startsWith('conversation.'));

  it('covers every rendering in fixtures/formats', () => {
    expect(files.sort()).toEqual(Object.keys(LAYOUTS).sort());
  });

  it.each(files)('%s reads back to the same speakers and turn texts', (file) => {
    const t = parseFile(path.join(dir, file));
    expect(t.layout).toBe(LAYOUTS[file]);
    expect(t.turns.map((x) => norm(x.text))).toEqual(reference.map((r) => norm(r.text)));
    // Ids differ by tool ("spk_0", "Speaker A"), so compare who-speaks-when as a one-to-one renaming.
    const rename = new Map<string, string>();
    t.turns.forEach((turn, i) => {
      const want = reference[i]!.speaker;
      if (!rename.has(turn.speaker)) rename.set(turn.speaker, want);
      expect(rename.get(turn.speaker)).toBe(want);
    });
    expect(new Set(rename.values()).size).toBe(rename.size);
    if (NAMED.test(file)) expect(t.turns.map((x) => x.speaker)).toEqual(reference.map((r) => r.speaker));
  });

  it('Google Meet: a bare time line stamps every speaker line under it', () => {
    const t = parseFile(path.join(dir, 'conversation.meet.txt'));
    expect(t.turns.map((x) => x.start)).toEqual([1, 1, 13, 13, 25, 25, 37, 37]);
  });

  it.each(files.filter((f) => !/conversation\.(txt|md|meet\.txt)$/.test(f)))('%s keeps start times (within a second)', (file) => {
    const t = parseFile(path.join(dir, file));
    expect(t.turns[0]!.start).toBeCloseTo(1, 0);
    expect(t.turns[7]!.start).toBeGreaterThan(43);
    expect(t.turns[7]!.start).toBeLessThan(45);
  });

  it('merges cues split mid-turn and keeps a piece per cue', () => {
    const t = parseFile(path.join(dir, 'conversation.zoom.vtt'));
    expect(t.turns[1]!.pieces.map((p) => p.line)).toEqual([9, 13]);
    expect(t.turns[1]!.text.slice(t.turns[1]!.pieces[1]!.at)).toBe("the scanners didn't sync with the new racks.");
  });

  it('Markdown: the directive applies to the next turn line; notes are left out', () => {
    const t = parseFile(path.join(dir, 'conversation.md'));
    const fifth = t.turns[4]!;
    expect(t.suppressions).toEqual([{ line: fifth.line, ruleIds: ['seller-talks-features'] }]);
    expect(t.turns.map((x) => x.text).join(' ')).not.toMatch(/sighs|phone buzzes|Next step/);
  });
});
