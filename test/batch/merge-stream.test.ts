/** merge streams its shards and trusts none of their lines: each bad line is one clean stderr line naming shard and line; the rest merges on. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, cli, tempDir } from '../support/cli.js';
import { forEachLine, LineReader } from '../../src/io/lines.js';
import { checkShardLine, REPORT_SCHEMA_VERSION } from '../../src/batch/shard.js';

const CALLS = ['demo-call-seller-pitch.txt', 'discovery-call-buyer-led.txt', 'renewal-call-mixed.txt'].map((f) => join(FIXTURES, 'calls', f));

async function shardLines(): Promise<string[]> {
  const r = await cli(['analyze', ...CALLS, '-f', 'ndjson']);
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n');
}

describe('merge, line by line', () => {
  it('reads lines across chunk boundaries, with CRLF, and finds them again by place', () => {
    const dir = tempDir();
    const file = join(dir, 'x.txt');
    const long = 'y'.repeat(3 * 1024 * 1024 + 17);
    writeFileSync(file, `a\r\n${long}\n\nlast é`);
    const seen: Array<[string, number]> = [];
    const places: Array<{ offset: number; length: number }> = [];
    forEachLine(file, (text, n, place) => {
      seen.push([text.length > 10 ? `long:${text.length}` : text, n]);
      places.push(place);
    });
    expect(seen).toEqual([['a', 1], [`long:${long.length}`, 2], ['', 3], ['last é', 4]]);
    const reader = new LineReader(file);
    expect(reader.read(places[1]!)).toBe(long);
    expect(reader.read(places[3]!)).toBe('last é');
    reader.close();
  });

  it('checks every line against the report schema', async () => {
    const [line] = await shardLines();
    expect('call' in checkShardLine(line!)).toBe(true);
    const old = JSON.parse(line!);
    delete old.warnings;
    expect(checkShardLine(JSON.stringify(old))).toEqual({ problem: `not a call line of report schema version ${REPORT_SCHEMA_VERSION}: "warnings" is missing or of the wrong type (written by another buyerside version?)` });
    const bad = JSON.parse(line!);
    bad.journey.steps[0].drivenBy = '<img src=x onerror=alert(1)>';
    expect(checkShardLine(JSON.stringify(bad))).toMatchObject({ problem: expect.stringContaining('"journey"') });
    const num = JSON.parse(line!);
    num.scoreComponents[0].weight = '<b>1</b>';
    expect(checkShardLine(JSON.stringify(num))).toMatchObject({ problem: expect.stringContaining('"scoreComponents"') });
    expect(checkShardLine('{"error":{"file":"a","message":3}}')).toEqual({ problem: 'not an error line of report schema version 1 (error.message)' });
    const id = JSON.parse(line!);
    id.findings[0].ruleId = '` <img src=x> `';
    expect(checkShardLine(JSON.stringify(id))).toMatchObject({ problem: expect.stringContaining('"findings"') });
    expect(checkShardLine('[1]')).toEqual({ problem: 'not a buyerside call or error line' });
  });

  it('reports each bad line once with file and line number, and merges the rest', async () => {
    const lines = await shardLines();
    const dir = tempDir();
    const old = JSON.parse(lines[1]!);
    delete old.warnings;
    const shard = join(dir, 's.ndjson');
    writeFileSync(shard, [lines[0], 'not json', JSON.stringify(old), '{"x":1}', lines[2], ''].join('\n'));
    const r = await cli(['merge', shard, '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `buyerside: ${shard}:2: not a JSON line (expected the NDJSON report of buyerside analyze)`,
      `buyerside: ${shard}:3: not a call line of report schema version 1: "warnings" is missing or of the wrong type (written by another buyerside version?)`,
      `buyerside: ${shard}:4: not a buyerside call or error line`,
    ]);
    const rows = r.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('demo-call-seller-pitch.txt');
    expect(rows[2]).toContain('renewal-call-mixed.txt');
  });

  it('escapes tampered fields in every format', async () => {
    const lines = await shardLines();
    const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const dir = tempDir();
    const calls = lines.map((l) => {
      const c = JSON.parse(l);
      c.file = `${evil}${c.file}`;
      c.speakers[0].name = evil;
      c.layout = evil;
      c.callType = evil;
      c.scoreComponents[0].detail = evil;
      for (const f of c.findings) Object.assign(f, { message: evil, suggestion: evil, category: evil, speaker: evil, text: evil, match: 'img' });
      c.salesCallReasons = [evil];
      c.warnings = [evil];
      return JSON.stringify(c);
    });
    const shard = join(dir, 's.ndjson');
    writeFileSync(shard, `${calls.join('\n')}\n{"error":${JSON.stringify({ file: evil, message: evil, code: evil })}}\n`);
    for (const format of ['html', 'markdown', 'junit']) {
      const out = join(dir, `r.${format}`);
      const r = await cli(['merge', shard, '-f', format, '-o', out]);
      expect(r.code, format).toBe(2); // the error line is an input error
      const text = readFileSync(out, 'utf8');
      expect(text, format).not.toContain('<img');
      expect(text.replace(/<script>\(function[\s\S]*?<\/script>/g, ''), format).not.toContain('<script>alert');
    }
    // SARIF is JSON: the text stays faithful there, but no Markdown message a viewer renders carries markup.
    const sarif = join(dir, 'r.sarif');
    await cli(['merge', shard, '-f', 'sarif', '-o', sarif]);
    const markdown: string[] = [];
    JSON.parse(readFileSync(sarif, 'utf8'), (key, value) => {
      if (key === 'markdown') markdown.push(value);
      return value;
    });
    expect(markdown.length).toBeGreaterThan(0);
    for (const m of markdown) expect(m).not.toContain('<img');
    // One call alone is the static page: every field escaped there too.
    const one = join(dir, 'one.ndjson');
    writeFileSync(one, `${calls[0]}\n`);
    const page = join(dir, 'one.html');
    expect((await cli(['merge', one, '-f', 'html', '-o', page])).code).toBe(0);
    expect(readFileSync(page, 'utf8')).not.toContain('<img');
  });
});
