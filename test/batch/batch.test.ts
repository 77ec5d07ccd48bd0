/** Batches: workers give byte-identical output, shards cover every file once, merge equals a single run, output files. */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, FIXTURES, ROOT, cli, requireBuild, spawnCli, tempDir } from '../support/cli.js';
import { inShard, parseShard, pathHash } from '../../src/batch/shard.js';
import { compareSegments } from '../../src/io/inputs.js';
import { renderProgress } from '../../src/batch/progress.js';
import { outputName } from '../../src/batch/pipeline.js';

beforeAll(requireBuild);

/** A folder with the format fixtures in two subfolders plus two bad files. */
function corpus(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'a-b'));
  const formats = readdirSync(join(FIXTURES, 'formats')).sort();
  formats.forEach((f, i) => copyFileSync(join(FIXTURES, 'formats', f), join(dir, i % 2 ? 'a' : 'a-b', f)));
  copyFileSync(join(FIXTURES, 'bad', 'truncated.json'), join(dir, 'a', 'truncated.json'));
  copyFileSync(join(FIXTURES, 'bad', 'bad-timestamp.vtt'), join(dir, 'bad-timestamp.vtt'));
  for (const f of readdirSync(join(FIXTURES, 'scripts'))) copyFileSync(join(FIXTURES, 'scripts', f), join(dir, f));
  return dir;
}

describe('workers', () => {
  it('--jobs 2 and 3 give byte-identical output to --jobs 1 (json; ndjson, written as the workers send it)', () => {
    const dir = corpus();
    for (const [format, jobs] of [['json', '2'], ['ndjson', '3']] as const) {
      const one = spawnCli(['analyze', '.', '-f', format, '--jobs', '1'], { cwd: dir });
      expect(one.code).toBe(2);
      const more = spawnCli(['analyze', '.', '-f', format, '--jobs', jobs], { cwd: dir });
      expect(more.stdout).toBe(one.stdout);
      expect(more.stderr).toBe(one.stderr);
    }
  });

  it('streams ndjson in input order, one line per input', async () => {
    const dir = corpus();
    const r = await cli(['analyze', '.', '-f', 'ndjson'], { cwd: dir });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(readdirSync(join(FIXTURES, 'formats')).length + readdirSync(join(FIXTURES, 'scripts')).length + 2);
    const files = lines.map((l) => l.file ?? l.error.file);
    expect(files).toEqual([...files].sort(compareSegments));
  });

  it('rejects a bad --jobs value', async () => {
    expect((await cli(['analyze', '.', '--jobs', '0'])).code).toBe(2);
  });
});

describe('shards', () => {
  it('parses K/N', async () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toBeUndefined();
    expect(parseShard('5/4')).toBeUndefined();
    expect(parseShard('x')).toBeUndefined();
  });

  it('puts each path in exactly one shard, stable as files are added', async () => {
    const paths = Array.from({ length: 500 }, (_, i) => `calls/rep-${i % 7}/call-${i}.vtt`);
    const shardOf = (p: string) => [1, 2, 3, 4].filter((k) => inShard(p, { index: k, count: 4 }));
    for (const p of paths) expect(shardOf(p)).toHaveLength(1);
    const counts = [1, 2, 3, 4].map((k) => paths.filter((p) => inShard(p, { index: k, count: 4 })).length);
    for (const c of counts) expect(c).toBeGreaterThan(80);
    // The hash depends on the path only, never on the other files.
    expect(pathHash('calls/a.vtt')).toBe(1067344698);
  });

  it('--shard covers every input exactly once across shards, and merge equals a single run', async () => {
    const dir = corpus();
    const out = tempDir();
    const parts: string[] = [];
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const file = join(out, `shard-${k}.ndjson`);
      const r = await cli(['analyze', '.', '--shard', `${k}/3`, '-f', 'ndjson', '-o', file], { cwd: dir });
      expect([0, 2]).toContain(r.code);
      parts.push(file);
      for (const l of readFileSync(file, 'utf8').trim().split('\n').filter(Boolean)) {
        const v = JSON.parse(l);
        seen.push(v.file ?? v.error.file);
      }
    }
    const single = await cli(['analyze', '.', '-f', 'ndjson'], { cwd: dir });
    const all = single.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((v) => v.file ?? v.error.file);
    expect([...seen].sort()).toEqual([...all].sort());
    expect(new Set(seen).size).toBe(seen.length);

    for (const format of ['json', 'csv', 'markdown', 'html', 'terminal', 'summary', 'junit']) {
      const one = await cli(['analyze', '.', '-f', format, '--fail-under', '50'], { cwd: dir });
      const merged = await cli(['merge', ...parts, '-f', format, '--fail-under', '50'], { cwd: dir });
      expect(merged.stdout, format).toBe(one.stdout);
      expect(merged.code).toBe(one.code);
    }
  });

  it('merge rejects a line that is not buyerside NDJSON, naming file and line', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.ndjson');
    writeFileSync(file, '{"error":{"file":"a","message":"m"}}\nnot json\n');
    const r = await cli(['merge', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`buyerside: ${file}:2: not a JSON line (expected the NDJSON report of buyerside analyze)\n`);
  });
});

describe('output files', () => {
  it('-o writes the report atomically and leaves no temp file', async () => {
    const dir = tempDir();
    const target = join(dir, 'out', 'report.json');
    const r = await cli(['analyze', 'fixtures/scripts', '-f', 'json', '-o', target]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).calls).toHaveLength(3);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it('--findings-csv writes one row per finding, suppressed ones marked', async () => {
    const dir = tempDir();
    const target = join(dir, 'findings.csv');
    await cli(['analyze', 'fixtures/scripts', '-f', 'json', '--findings-csv', target]);
    const rows = readFileSync(target, 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^file,line,time,speaker,rule_id/);
    expect(rows.filter((r) => r.endsWith(',true'))).toHaveLength(1);
  });

  it('--out-dir writes one report per call, named from the input path', async () => {
    const dir = tempDir();
    const r = await cli(['analyze', 'fixtures/scripts', '-f', 'markdown', '--out-dir', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['fixtures__scripts__discovery-opener.md.md', 'fixtures__scripts__feature-pitch.md.md', 'fixtures__scripts__solo-script.txt.md']);
    expect(outputName('../x/calls/a.vtt', 'html')).toBe('x__calls__a.vtt.html');
  });

  it('on SIGINT leaves no partial output file and exits 130', async () => {
    const dir = tempDir();
    for (let i = 0; i < 400; i++) copyFileSync(join(FIXTURES, 'formats', 'conversation.txt'), join(dir, `call-${String(i).padStart(3, '0')}.txt`));
    const outDir = tempDir();
    const target = join(outDir, 'report.ndjson');
    const child = spawn(process.execPath, [BIN, 'analyze', dir, '-f', 'ndjson', '-o', target, '--jobs', '1'], { cwd: ROOT, stdio: 'pipe' });
    // Wait until the temp file exists (output has started), then interrupt.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (readdirSync(outDir).length > 0) {
          clearInterval(t);
          resolve();
        }
      }, 10);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  }, 30000);
});

describe('helpers', () => {
  it('orders paths as a sorted walk does', async () => {
    expect(['a-b/x', 'a/y', 'a/b/z', 'b'].sort(compareSegments)).toEqual(['a/b/z', 'a/y', 'a-b/x', 'b']);
  });

  it('renders progress with count, rate and time left', async () => {
    expect(renderProgress(10, 40, 5, 8)).toBe('[##......] 10/40  2.0 calls/s  15s left');
    expect(renderProgress(0, 4, 0, 4)).toBe('[....] 0/4  0.0 calls/s');
  });
});
