/**
 * Streamed reports are byte for byte the string formatters' output (issue #13 class 3). The CLI writes every
 * format call by call (batch/report-writer.ts: parts kept in a spool file, each call seen once and
 * then let go: the end reads a summary row a call); each run here is compared with the string formatter over the full report the same run gives as
 * JSON, for every format, on the fixtures: a batch with failed inputs and gates, one call, one call and one
 * failure, failures alone, and the same calls merged from shards.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_FIXTURES, FIXTURES, cli, tempDir } from '../support/cli.js';
import { FORMATTERS, STREAMS, type FormatName } from '../../src/format/index.js';
import { MemoryParts, formatStreamed, type TextSink } from '../../src/format/stream.js';
import { ReportWriter } from '../../src/batch/report-writer.js';
import type { FormatOptions } from '../../src/format/types.js';
import type { Report } from '../../src/types.js';

const CALLS = readdirSync(join(FIXTURES, 'calls')).filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt')).map((f) => join(FIXTURES, 'calls', f));
const FORMATS = readdirSync(join(FIXTURES, 'formats')).map((f) => join(FIXTURES, 'formats', f));
const BAD = [join(BAD_FIXTURES, 'no-speakers.txt'), join(BAD_FIXTURES, 'truncated.json')];
const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

interface Case {
  name: string;
  inputs: string[];
  flags: string[];
  options: FormatOptions;
}

const GATED = ['--sort', 'talk', '--fail-under', '70', '--max-warnings', '3', '--include-strengths', '--max-findings', 'all'];
const GATED_OPTIONS: FormatOptions = { color: false, width: 80, sort: 'talk', includeStrengths: true, maxFindings: Infinity };
const CASES: Case[] = [
  { name: 'a batch with failed inputs', inputs: [...CALLS, ...FORMATS, ...BAD], flags: [], options: { color: false, width: 80 } },
  { name: 'a batch with gates, sorted by talk', inputs: [...CALLS, ...BAD], flags: GATED, options: GATED_OPTIONS },
  { name: 'one call', inputs: [CALLS[0]!], flags: [], options: { color: false, width: 80 } },
  { name: 'one call with a failed gate', inputs: [CALLS[0]!], flags: ['--fail-under', '99'], options: { color: false, width: 80 } },
  { name: 'one call and one failure', inputs: [CALLS[1]!, BAD[0]!], flags: [], options: { color: false, width: 80 } },
  { name: 'failures only', inputs: BAD, flags: [], options: { color: false, width: 80 } },
];

async function fullReport(c: Case): Promise<Report> {
  const r = await cli(['analyze', ...c.inputs, ...c.flags, '-f', 'json', '--no-config']);
  return JSON.parse(r.stdout) as Report;
}

describe('streamed reports equal the string formatters', () => {
  for (const c of CASES) {
    it(`${c.name}: every format`, async () => {
      const report = await fullReport(c);
      for (const format of FORMAT_NAMES) {
        const run = await cli(['analyze', ...c.inputs, ...c.flags, '-f', format, '--no-config']);
        expect(run.stdout, `${format}: ${c.name}`).toBe(FORMATTERS[format](report, c.options));
      }
    });
  }

  it('the JSON report streamed is JSON.stringify of the report it holds', async () => {
    const run = await cli(['analyze', ...CALLS, ...BAD, ...GATED, '-f', 'json', '--no-config']);
    expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`);
  });

  it('merging shards gives every format byte for byte as a single run', async () => {
    const inputs = [...CALLS, ...FORMATS, ...BAD];
    const dir = tempDir();
    const shards = [1, 2, 3].map((k) => join(dir, `shard-${k}.ndjson`));
    for (const [k, shard] of shards.entries()) {
      const r = await cli(['analyze', ...inputs, '--shard', `${k + 1}/3`, '-f', 'ndjson', '--no-config']);
      writeFileSync(shard, r.stdout);
    }
    for (const format of FORMAT_NAMES) {
      // NDJSON writes each failed input where it comes; the other formats place them by the report's order.
      if (format === 'ndjson') continue;
      const single = await cli(['analyze', ...inputs, ...GATED, '-f', format, '--no-config']);
      const merged = await cli(['merge', ...shards, ...GATED, '-f', format, '--no-config']);
      expect(merged.stdout, format).toBe(single.stdout);
    }
  });

  it('the writer, which hands each call to its stream once, matches the formatter fed the whole report, for any one-call or empty report too', async () => {
    const report = await fullReport(CASES[0]!);
    const variants: Report[] = [report, { ...report, calls: report.calls.slice(0, 1), errors: [] }, { ...report, calls: [] }, { ...report, calls: report.calls.slice(0, 2), errors: [] }];
    for (const r of variants) {
      for (const format of FORMAT_NAMES) {
        let text = '';
        const sink: TextSink = { write: (t) => void (text += t) };
        const writer = new ReportWriter(STREAMS[format], r.rules, { color: false }, sink);
        for (const call of r.calls) writer.take(call, writer.prepare(call));
        writer.finish({ ...r, calls: [] });
        expect(text, `${format}, ${r.calls.length} calls`).toBe(FORMATTERS[format](r, { color: false }));
        expect(formatStreamed(STREAMS[format], r, { color: false }), `${format} in memory`).toBe(text);
      }
    }
  });

  it('parts kept in memory are written back in any order asked', () => {
    const parts = new MemoryParts();
    for (const t of ['a', '', 'ccc']) parts.add(t);
    let out = '';
    for (const i of [2, 0, 1]) parts.writeTo(i, { write: (t) => void (out += t) });
    expect(out).toBe('ccca');
    expect(parts.count).toBe(3);
  });
});
