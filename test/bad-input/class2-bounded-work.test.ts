/**
 * Class 2 of issue #13: small inputs that took minutes. Each case must finish well inside its
 * timeout (set far below what the unfixed code took, far above what linear work takes on a slow,
 * shared machine); the speed targets themselves live in `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/language/stem.js';
import { decideRoles } from '../../src/roles/detect.js';
import type { Turn } from '../../src/types.js';
import { cli, expectCall, report, tempDir } from '../support/cli.js';

const CONSONANTS = 'bcdfghjklmnpqrstvwxz';

describe('stemming stays linear', () => {
  it('leaves a 200 KB word without vowels as it is (it took minutes)', { timeout: 20_000 }, () => {
    const word = CONSONANTS.repeat(10_000);
    expect(stem(word)).toBe(word);
  });

  it('still stems ordinary words', () => {
    expect(stem('running')).toBe('run');
    expect(stem('pneumonoultramicroscopicsilicovolcanoconiosis')).not.toBe('');
  });

  it('analyzes a transcript holding an 80 KB vowel-less word (10-17 s before)', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'long-word.txt');
    writeFileSync(file, `Dana: Hello ${CONSONANTS.repeat(4_000)} there.\nLee: What does it cost?\n`);
    const call = expectCall(report(await cli(['analyze', file, '-f', 'json'])), file);
    expect(call.timeline).toHaveLength(2);
  });
});

describe('role detection stays linear in the number of speakers', () => {
  const turns = (n: number): Turn[] =>
    Array.from({ length: n }, (_, i) => ({ speaker: `Speaker${i}`, text: 'Hello there, friend.', line: i + 1, pieces: [] }));

  it('decides 100,000 distinct speakers (over 60 s before), ties in order of first appearance', { timeout: 30_000 }, () => {
    const decisions = decideRoles(turns(100_000));
    expect(decisions).toHaveLength(100_000);
    expect(decisions[0]!.name).toBe('Speaker0');
    expect(decisions.filter((d) => d.role === 'seller').map((d) => d.name)).toEqual(['Speaker0']);
  });

  it('decides 100,000 speakers through the speech model path too', { timeout: 30_000 }, () => {
    const t = turns(100_000);
    const decisions = decideRoles(t, { speech: (ts) => ts.map((x, i) => ({ name: x.speaker, score: i === 5 ? 3 : -1 })) });
    expect(decisions.filter((d) => d.role === 'seller').map((d) => d.name)).toEqual(['Speaker5']);
    expect(decisions[0]!.confidence).toBeGreaterThan(0.5);
  });
});
