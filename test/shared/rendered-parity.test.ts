// Parity on ../shared: each shared call rendered in every format gives the plain text's findings and language score.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTranscript } from '../../src/analyze.js';
import { parseBytes } from '../../src/transcript/index.js';
import type { CallReport } from '../../src/types.js';
import { CORPUS, SHARED } from '../support/shared.js';

const rendered = join(CORPUS, 'rendered');
const dev = join(SHARED, 'eval/dev/calls');

function signature(r: CallReport) {
  const findings = r.findings.filter((f) => f.scope !== 'call').map((f) => `${f.kind}|${f.ruleId}|${f.match.toLowerCase()}`);
  const language = r.scoreComponents.filter((c) => c.name === 'language balance' || c.name === 'seller-centric density');
  return { findings, language };
}

function analyzeFile(path: string, sellers?: string[]) {
  const transcript = parseBytes(readFileSync(path), { fileName: path });
  return analyzeTranscript(transcript, sellers ? { sellers } : {});
}

describe('the shared rendered calls', () => {
  for (const call of ['c01-solar-discovery', 'c02-crm-demo-pitch']) {
    const original = analyzeFile(join(dev, `${call}.txt`));
    const sellers = original.speakers.filter((s) => s.role === 'seller').map((s) => s.name);
    const files = readdirSync(rendered).filter((f) => f.startsWith(call));
    it.each(files)(`${call}: %s matches the plain text`, (file) => {
      const r = analyzeFile(join(rendered, file));
      const want = signature(analyzeFile(join(dev, `${call}.txt`), sellers));
      // Speaker labels differ between formats (names vs SPEAKER_00), so pick the seller by detection.
      const got = signature(r);
      expect(got.findings).toEqual(want.findings);
      expect(got.language).toEqual(want.language);
    });
  }
});
