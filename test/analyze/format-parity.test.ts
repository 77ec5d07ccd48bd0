// Parity: one conversation in every format gives the same findings and (time aside) the same score.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeTranscript } from '../../src/analyze.js';
import { parseBytes } from '../../src/transcript/index.js';

const root = resolve(__dirname, '../..');

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
