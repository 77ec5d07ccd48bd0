/** JUnit XML for CI test dashboards: one testcase per input file, failing when a quality gate names it. */
import type { GateResult } from '../types.js';
import type { Formatter } from './types.js';
import { formatStreamed, type StreamFormatter } from './stream.js';
import { escapeXml as x, portablePath } from './escape.js';

export const JUNIT_SUITE = 'buyerside';

/** "calls/acme-discovery.vtt" -> "calls.acme-discovery": dashboards group testcases by dotted class name. */
export function junitClassName(file: string): string {
  const path = portablePath(file).replace(/\.[^./]*$/, '');
  return path.split('/').filter((s) => s && s !== '.' && s !== '..').join('.') || JUNIT_SUITE;
}

interface Case {
  file: string;
  body: string;
  failed: boolean;
  errored: boolean;
}

function failure(gates: GateResult[]): string {
  const message = gates.map((g) => g.message).join('; ');
  const detail = gates.map((g) => `${g.gate}: ${g.message}`).join('\n');
  return `      <failure message="${x(message)}" type="gate">${x(detail)}</failure>\n`;
}

/** The whole batch as one testsuite; calls in report order, then failed inputs, then gates that name no input. A call leaves only its file and its line of output. */
export const streamJunit: StreamFormatter = () => {
  const calls: Array<{ file: string; out: string }> = [];
  return {
    inOrder: false,
    part: () => '',
    taken(call) {
      const text = call.score === null ? `not judged: ${call.salesCallReasons[0] ?? ''}` : `score ${call.score}/100, ${call.findings.filter((f) => !f.suppressed).length} findings`;
      calls.push({ file: call.file, out: `      <system-out>${x(text)}</system-out>\n` });
    },
    end: (sink, report) => {
      const gatesByFile = new Map<string, GateResult[]>();
      for (const g of report.gates ?? []) gatesByFile.set(g.file, [...(gatesByFile.get(g.file) ?? []), g]);
      const used = new Set<string>();
      const cases: Case[] = [];

      for (const call of calls) {
        const gates = gatesByFile.get(call.file) ?? [];
        used.add(call.file);
        cases.push({ file: call.file, body: (gates.length > 0 ? failure(gates) : '') + call.out, failed: gates.length > 0, errored: false });
      }
      for (const e of report.errors) {
        used.add(e.file);
        const text = `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`;
        cases.push({ file: e.file, body: `      <error message="${x(e.message)}" type="${x(e.code ?? 'E_INPUT')}">${x(text)}</error>\n`, failed: false, errored: true });
      }
      // A gate about something that was neither analysed nor failed (e.g. the batch as a whole) still has to fail the suite.
      for (const [file, gates] of gatesByFile) {
        if (!used.has(file)) cases.push({ file, body: failure(gates), failed: true, errored: false });
      }

      const failures = cases.filter((c) => c.failed).length;
      const errors = cases.filter((c) => c.errored).length;
      const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0"`;
      sink.write('<?xml version="1.0" encoding="UTF-8"?>\n');
      sink.write(`<testsuites name="${x(JUNIT_SUITE)}" ${counts}>\n`);
      sink.write(`  <testsuite name="${x(JUNIT_SUITE)}" ${counts}>\n`);
      for (const c of cases) {
        sink.write(`    <testcase classname="${x(junitClassName(c.file))}" name="${x(c.file)}">\n${c.body}    </testcase>\n`);
      }
      sink.write('  </testsuite>\n</testsuites>\n');
    },
  };
};

export const formatJunit: Formatter = (report, options) => formatStreamed(streamJunit, report, options);
