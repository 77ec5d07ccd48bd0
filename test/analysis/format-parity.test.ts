// Parity: one conversation in every format gives the same findings and (time aside) the same score.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeTranscript } from '../../src/analyze.js';
import { parseBytes } from '../../src/transcript/index.js';
import type { CallReport } from '../../src/types.js';

const root = resolve(__dirname, '../..');
const rendered = resolve(root, '../shared/corpus/rendered');
const dev = resolve(root, '../shared/eval/dev/calls');

function signature(r: CallReport) {
  const findings = r.findings.filter((f) => f.scope !== 'call').map((f) => `${f.kind}|${f.ruleId}|${f.match.toLowerCase()}`);
  const language = r.scoreComponents.filter((c) => c.name === 'language balance' || c.name === 'seller-centric density');
  return { findings, language };
}

function analyzeFile(path: string, sellers?: string[]) {
  const transcript = parseBytes(readFileSync(path), { fileName: path });
  return analyzeTranscript(transcript, sellers ? { sellers } : {});
}

describe('our own conversation in every format', () => {
  const dir = join(root, 'fixtures/formats');
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
  const base = analyzeFile(join(dir, files.find((f) => f.endsWith('.txt'))!));
  it.each(files)('%s gives the same findings as the plain text', (file) => {
    const r = analyzeFile(join(dir, file));
    expect(r.findings.filter((f) => f.scope !== 'call').map((f) => `${f.kind}|${f.ruleId}`)).toEqual(
      base.findings.filter((f) => f.scope !== 'call').map((f) => `${f.kind}|${f.ruleId}`),
    );
  });
});

describe.skipIf(!existsSync(rendered) || !existsSync(dev))('the shared rendered calls', () => {
  for (const call of ['c01-solar-discovery', 'c02-crm-demo-pitch']) {
    const original = analyzeFile(join(dev, `${call}.txt`));
    const sellers = original.speakers.filter((s) => s.role === 'seller').map((s) => s.name);
    const files = existsSync(rendered) ? readdirSync(rendered).filter((f) => f.startsWith(call)) : [];
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
