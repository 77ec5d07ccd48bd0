/**
 * Every `buyerside ...` command in the code blocks of README.md and docs/*.md runs as written (issue
 * #14), in a sandbox where the files they name exist (copies of the fixtures), in document order (a
 * baseline or history written by one command is read by a later one). A command passes when it exits
 * 0 or 1 (a gate may fail on purpose); 2 is a usage or input error, so the docs have drifted.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIXTURES, ROOT, requireBuild, tempDir } from './support/cli.js';

beforeAll(requireBuild);

/** Commands that cannot run in a test as written, each with its reason. */
const EXCEPTIONS: Array<[RegExp, string]> = [
  [/^lsp\b/, 'the language server waits for a client on standard input (test/lsp/ runs it)'],
  [/^merge part\*\.ndjson/, 'needs the NDJSON of sharded runs made elsewhere (test/batch/ merges shards)'],
];

interface DocCommand {
  where: string;
  args: string[];
}

/** Splits a command line as a shell would for these simple cases: words, 'single' and "double" quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** The commands in fenced code blocks: `buyerside ...`, `npx buyerside ...`, `$ buyerside ...`, a YAML `run: npx buyerside ...`. */
export function extractCommands(file: string, text: string): DocCommand[] {
  const out: DocCommand[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((line, i) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      fence = fence === null ? f[1]! : line.trim().startsWith(fence) ? null : fence;
      return;
    }
    if (fence === null) return;
    const c = /^\s*(?:[-\w]+:\s+)?(?:\$\s+)?(?:npx\s+)?buyerside\s+(.*)$/.exec(line);
    if (!c) return;
    // A trailing comment, and `|| true` (the workflow keeps going to upload the SARIF), are not the command.
    const command = c[1]!.replace(/\s+#\s.*$/, '').replace(/\s*\|\|\s*true\s*$/, '').trim();
    out.push({ where: `${file}:${i + 1}`, args: words(command) });
  });
  return out;
}

function docCommands(): DocCommand[] {
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  return files.flatMap((f) => extractCommands(f, readFileSync(join(ROOT, f), 'utf8')));
}

/** A folder with what the docs' commands name: calls/, scripts/, call.vtt, roles.csv ..., made from the fixtures. */
function sandbox(): string {
  const dir = tempDir();
  symlinkSync(FIXTURES, join(dir, 'fixtures'), 'dir');
  const calls = readdirSync(join(FIXTURES, 'calls')).filter((f) => f.endsWith('.txt') && !f.includes('.expected.'));
  for (const folder of ['calls', 'week-45', 'week-46']) {
    mkdirSync(join(dir, folder));
    for (const f of calls) cpSync(join(FIXTURES, 'calls', f), join(dir, folder, f));
  }
  mkdirSync(join(dir, 'calls', 'zoom'));
  cpSync(join(FIXTURES, 'formats', 'conversation.zoom.vtt'), join(dir, 'calls', 'zoom', 'conversation.vtt'));
  mkdirSync(join(dir, 'more'));
  cpSync(join(FIXTURES, 'formats', 'conversation.srt'), join(dir, 'more', 'conversation.srt'));
  cpSync(join(FIXTURES, 'scripts'), join(dir, 'scripts'), { recursive: true });
  cpSync(join(FIXTURES, 'formats', 'conversation.zoom.vtt'), join(dir, 'call.vtt'));
  cpSync(join(FIXTURES, 'calls', 'discovery-call-buyer-led.txt'), join(dir, 'call.txt'));
  cpSync(join(FIXTURES, 'formats', 'conversation.teams.vtt'), join(dir, 'meeting.vtt'));
  writeFileSync(join(dir, 'roles.csv'), 'pattern,sellers\n**/discovery-*,Dana\n**/demo-*,Trevor\n**/renewal-*,Marcus\n');
  return dir;
}

describe('the commands in the README and docs', () => {
  const commands = docCommands();

  it('finds the documented commands (the extractor still reads the docs)', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.some((c) => c.where.startsWith('docs/ci.md'))).toBe(true);
    expect(extractCommands('x.md', '```sh\n$ npx buyerside analyze a.txt --seller "Dana Reyes"   # note\n```\nbuyerside outside\n')).toEqual([
      { where: 'x.md:2', args: ['analyze', 'a.txt', '--seller', 'Dana Reyes'] },
    ]);
  });

  it('every one runs as written against the fixtures (exit 0, or 1 for a failed gate)', async () => {
    const dir = sandbox();
    const failures: string[] = [];
    for (const c of commands) {
      const line = c.args.join(' ');
      if (EXCEPTIONS.some(([re]) => re.test(line))) continue;
      const r = await cli(c.args, { cwd: dir });
      if (r.code !== 0 && r.code !== 1) failures.push(`${c.where}: buyerside ${line} -> exit ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("the README's config example loads as written and gates a call", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const json = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = tempDir();
    symlinkSync(FIXTURES, join(dir, 'fixtures'), 'dir');
    writeFileSync(join(dir, 'buyerside.config.json'), json);
    const r = await cli(['analyze', 'fixtures/calls/discovery-call-buyer-led.txt', '-f', 'json'], { cwd: dir });
    expect([0, 1], r.stderr).toContain(r.code);
    expect(JSON.parse(r.stdout).calls[0].roles.find((x: { name: string }) => x.name === 'Dana').role).toBe('seller');
  });
});
