/** SARIF: the structure GitHub code scanning requires, consistent rule indexes, levels, fingerprints and suppressions. */
import { describe, expect, it } from 'vitest';
import { artifactUri, formatSarif, FINGERPRINT_KEY } from '../../src/format/sarif.js';
import type { Report } from '../../src/types.js';
import { globexCall, HOSTILE, sampleReport } from './sample-report.js';

type Json = any;
// Strengths included, so every finding of the sample is a result (without it they are left out: see below).
const render = (report: Report, includeStrengths = true): Json => JSON.parse(formatSarif(report, { color: false, includeStrengths }));

describe('formatSarif', () => {
  const log = render(sampleReport);
  const run = log.runs[0];

  it('has the required top-level and driver keys', () => {
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'buyerside', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    for (const rule of run.tool.driver.rules) {
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining(['id', 'name', 'shortDescription', 'fullDescription', 'help', 'defaultConfiguration', 'properties']),
      );
      expect(rule.help.text).toBeTruthy();
      expect(rule.help.markdown).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(rule.properties.tags).toContain(rule.properties.category);
    }
  });

  it('gives every result a consistent rule index, a level, and the region of its words in the file', () => {
    const rules = run.tool.driver.rules;
    expect(run.results).toHaveLength(sampleReport.calls.reduce((n, c) => n + c.findings.length, 0) + sampleReport.gates!.length);
    for (const result of run.results) {
      if (result.ruleId.startsWith('gate/')) continue;
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/\\|^\.\/|^\//);
      if (result.properties.scope === 'call' && !loc.region) continue;
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(loc.region.endLine).toBeGreaterThanOrEqual(loc.region.startLine);
      expect(loc.region.endLine > loc.region.startLine || loc.region.endColumn > loc.region.startColumn).toBe(true);
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('maps severities to levels', () => {
    const level = (id: string) => run.results.find((r: Json) => r.ruleId === id).level;
    expect(level('feature-dump')).toBe('error');
    expect(level('seller-we-talk')).toBe('warning');
    expect(level('open-question')).toBe('note');
  });

  it('points findings about the whole call at the file, words at their columns, and encodes file names as URIs', () => {
    const callScope = run.results.find((r: Json) => r.ruleId === 'seller-talk-share');
    expect(callScope.locations[0].physicalLocation.region).toBeUndefined();
    const words = run.results.find((r: Json) => r.ruleId === 'feature-dump');
    expect(words.locations[0].physicalLocation.region).toEqual({ startLine: 9, startColumn: 55, endLine: 9, endColumn: 63, snippet: { text: HOSTILE.formula } });
    const globex = run.results.find((r: Json) => r.properties.speaker === 'Lee Chen');
    expect(globex.locations[0].physicalLocation.artifactLocation.uri).toBe('calls/globex%20demo.txt');
  });

  it('marks suppressed findings and only those', () => {
    const suppressed = run.results.filter((r: Json) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource' }]);
  });

  it('keeps fingerprints unique within the run and stable across runs', () => {
    const prints = run.results.map((r: Json) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${r.partialFingerprints[FINGERPRINT_KEY]}`);
    expect(new Set(prints).size).toBe(prints.length);
    // Moving a finding to another line does not change its fingerprint.
    const moved = structuredClone(sampleReport);
    moved.calls[1]!.findings[1]!.line = 99;
    const again = render(moved).runs[0].results;
    expect(again.map((r: Json) => r.partialFingerprints)).toEqual(run.results.map((r: Json) => r.partialFingerprints));
  });

  it('reports input errors and failed gates as notifications of the run', () => {
    const invocation = run.invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications.map((n: Json) => n.descriptor.id)).toEqual(['E_PARSE', 'E_EMPTY', 'gate/min-score']);
    expect(invocation.toolExecutionNotifications[0]).toMatchObject({ level: 'error', descriptor: { id: 'E_PARSE' } });
    expect(invocation.toolExecutionNotifications[2]).toMatchObject({ level: 'error', message: { text: 'calls/acme-discovery.vtt: min-score: score 42 is below the minimum of 60' } });
    const clean = render({ ...sampleReport, errors: [], gates: [] }).runs[0].invocations[0];
    expect(clean).toEqual({ executionSuccessful: true, exitCode: 0, exitCodeDescription: 'every input analyzed and every gate passed', toolExecutionNotifications: [] });
    expect(invocation.exitCode).toBe(2);
  });

  it('makes failed gates results too, located at their file, with a rule of their own', () => {
    const gate = run.results.find((r: Json) => r.ruleId === 'gate/min-score');
    expect(gate).toMatchObject({ level: 'error', message: { text: 'min-score: score 42 is below the minimum of 60' } });
    expect(gate.locations[0].physicalLocation.artifactLocation.uri).toBe('calls/acme-discovery.vtt');
    expect(run.tool.driver.rules[gate.ruleIndex].id).toBe('gate/min-score');
    const gatesOnly = render({ ...sampleReport, errors: [] }).runs[0].invocations[0];
    expect(gatesOnly).toMatchObject({ executionSuccessful: true, exitCode: 1 });
  });

  it('leaves strengths out unless asked, and marks new findings against a baseline', () => {
    const plain = render(sampleReport, false).runs[0].results;
    expect(plain.some((r: Json) => r.ruleId === 'your-priorities')).toBe(false);
    expect(plain.some((r: Json) => r.ruleId === 'seller-we-talk')).toBe(true);
    const marked = structuredClone(sampleReport);
    marked.calls[0]!.findings[1]!.new = true;
    const onlyNew = JSON.parse(formatSarif(marked, { color: false, onlyNew: true })).runs[0].results.filter((r: Json) => !r.ruleId.startsWith('gate/'));
    expect(onlyNew).toHaveLength(1);
    expect(onlyNew[0]).toMatchObject({ ruleId: marked.calls[0]!.findings[1]!.ruleId, baselineState: 'new' });
  });

  it('adds a rule for findings whose rule the report lacks, so indexes stay valid', () => {
    const report: Report = { ...sampleReport, rules: [], calls: [globexCall] };
    const r = render(report).runs[0];
    const ids = r.tool.driver.rules.map((x: Json) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const result of r.results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });
});

describe('artifactUri', () => {
  it('keeps relative paths relative with forward slashes', () => {
    expect(artifactUri('.\\calls\\a b#1.txt')).toEqual({ uri: 'calls/a%20b%231.txt', uriBaseId: '%SRCROOT%' });
  });
  it('turns absolute paths into file URIs', () => {
    expect(artifactUri('/home/me/call.txt').uri).toBe('file:///home/me/call.txt');
    expect(artifactUri('C:\\calls\\x.txt').uri).toBe('file:///C:/calls/x.txt');
  });
});
