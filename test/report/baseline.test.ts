// A baseline records today's findings; checking a call against it gives a new report with the new findings marked.
import { describe, expect, it } from 'vitest';
import { Baseline, BaselineWriter } from '../../src/report/baseline.js';
import { acmeCall } from '../format/sample-report.js';

describe('baselines', () => {
  it('mark new findings in a new report and leave the one given as it was', () => {
    const writer = new BaselineWriter();
    const older = { ...acmeCall, findings: acmeCall.findings.filter((f) => f.ruleId !== 'feature-dump') };
    writer.add(older);
    const baseline = new Baseline(writer.toJSON());
    const before = structuredClone(acmeCall);
    const marked = baseline.mark(acmeCall);
    expect(acmeCall).toEqual(before);
    expect(marked).not.toBe(acmeCall);
    expect(marked.findings.filter((f) => f.new).map((f) => f.ruleId)).toEqual(['feature-dump']);
    expect(marked.findings.filter((f) => !f.new)).toEqual(acmeCall.findings.filter((f) => f.ruleId !== 'feature-dump'));
  });

  it('count repeats of one finding, and ignore where it moved to', () => {
    const writer = new BaselineWriter();
    writer.add(acmeCall);
    const moved = { ...acmeCall, findings: [...acmeCall.findings, { ...acmeCall.findings[1]!, line: 40 }] };
    const marked = new Baseline(writer.toJSON()).mark(moved);
    expect(marked.findings.filter((f) => f.new)).toEqual([{ ...acmeCall.findings[1]!, line: 40, new: true }]);
  });
});
