/** GitHub annotations: one line per counted finding, input error and failed gate, escaped so text cannot break out. */
import { describe, expect, it } from 'vitest';
import { formatGithub, workflowCommand } from '../../src/format/github.js';
import { escapeGithubData, escapeGithubProperty } from '../../src/format/escape.js';
import type { Report } from '../../src/types.js';
import { acmeCall, sampleReport } from './sample-report.js';

describe('formatGithub', () => {
  // Strengths included, so every unsuppressed finding is a line (without it they are left out: see below).
  const lines = formatGithub(sampleReport, { color: false, includeStrengths: true }).trimEnd().split('\n');

  it('leaves buyer-ownership strengths out unless asked, and with a baseline annotates only new findings', () => {
    const plain = formatGithub(sampleReport, { color: false });
    const strengths = sampleReport.calls.flatMap((c) => c.findings).filter((f) => !f.suppressed && f.kind === 'buyer-ownership').length;
    expect(strengths).toBeGreaterThan(0);
    expect(plain.trimEnd().split('\n')).toHaveLength(lines.length - strengths);
    expect(plain).not.toContain('your-priorities');
    const marked = structuredClone(sampleReport);
    marked.calls[0]!.findings[1]!.new = true;
    const onlyNew = formatGithub({ ...marked, errors: [], gates: [] }, { color: false, onlyNew: true }).trimEnd().split('\n');
    expect(onlyNew).toHaveLength(1);
    expect(onlyNew[0]).toContain(`title=buyerside ${marked.calls[0]!.findings[1]!.ruleId}`);
  });

  it('writes one line per unsuppressed finding, input error and failed gate', () => {
    const findings = sampleReport.calls.flatMap((c) => c.findings).filter((f) => !f.suppressed).length;
    expect(lines).toHaveLength(findings + sampleReport.errors.length + sampleReport.gates!.length);
    expect(lines.some((l) => l.includes('line=21'))).toBe(false);
  });

  it('maps severities to commands', () => {
    // A finding about the whole call names the file only; one about words, its line and columns.
    expect(lines[0]).toMatch(/^::warning file=calls\/acme-discovery\.vtt,title=buyerside seller-talk-share::/);
    expect(lines[1]).toMatch(/^::warning file=calls\/acme-discovery\.vtt,line=5,col=1,endLine=5,endColumn=28,title=buyerside seller-we-talk::/);
    expect(lines.filter((l) => l.startsWith('::error ') && l.includes('feature-dump'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(3);
    expect(lines.at(-1)).toBe('::error file=calls/acme-discovery.vtt,title=buyerside gate min-score::score 42 is below the minimum of 60');
  });

  it('escapes data and properties by GitHub rules', () => {
    expect(escapeGithubData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeGithubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('warning', { file: 'x,y:z.txt', line: 3 }, 'm')).toBe('::warning file=x%2Cy%3Az.txt,line=3::m');
  });

  it('keeps hostile text on one line so it cannot issue its own command', () => {
    const report: Report = {
      ...sampleReport,
      calls: [{ ...acmeCall, file: 'calls\\evil,name:.txt', findings: [{ ...acmeCall.findings[1]!, message: 'hi\n::add-mask::secret\r\n%0A' }] }],
      errors: [],
      gates: [],
    };
    const out = formatGithub(report, { color: false });
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('file=calls/evil%2Cname%3A.txt');
    expect(out).toContain('hi%0A::add-mask::secret%0D%0A%250A');
  });
});
