// Roles in the real sales-call transcripts of ../shared/corpus, whose headers list the participants.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { CORPUS } from '../support/shared.js';

const corpus = join(CORPUS, 'sales-calls');
describe('the real sales-call transcripts in ../shared/corpus', () => {
  it('detects every listed seller and no one else', () => {
    for (const file of readdirSync(corpus).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(corpus, file), 'utf8');
      const listed = [...text.matchAll(/^- (\S+)[^\n]*\(TribeAI [^)]*\)/gm)].map((m) => m[1]);
      const sellers = analyze(text).roles.filter((r) => r.role === 'seller').map((r) => r.name);
      expect(sellers.sort(), file).toEqual(listed.sort());
    }
  });
});
