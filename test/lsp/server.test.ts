/**
 * The language server as an editor sees it: a real client over the server's standard input and
 * output (open, change, hover, code action, configuration, shutdown and exit).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { cli, FIXTURES, requireBuild, tempDir } from '../support/cli.js';
import { TestClient, type ClientOptions } from './client.js';

beforeAll(() => requireBuild());

const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});

async function start(options: ClientOptions = {}): Promise<TestClient> {
  const c = new TestClient(options);
  clients.push(c);
  await c.initialize();
  return c;
}

const uriOf = (path: string) => pathToFileURL(path).href;
const byRule = (ds: Diagnostic[], id: string) => ds.filter((d) => d.code === id);

function hover(c: TestClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

function actions(c: TestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

/** Applies a code action's edit to the text, as the editor would. */
function apply(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit!.changes![uri]! as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

const OPENER = '# Cold call opener\n\n**Rep:** Thanks for taking the call. What made you start looking this quarter?\n';

describe('buyerside lsp --stdio', () => {
  it('underlines a pitch at its words as it is typed, explains it on hover, and drops it when the line is fixed', async () => {
    const dir = tempDir();
    const uri = uriOf(join(dir, 'opener.md'));
    const c = await start();
    const first = c.diagnostics(uri, 1);
    await c.open(uri, OPENER);
    expect((await first).diagnostics).toEqual([]);
    await new Promise((r) => setTimeout(r, 400)); // longer than the debounce
    expect(c.published.filter((p) => p.uri === uri)).toHaveLength(1); // opening analyzes once

    const pitched = `${OPENER}\n**Rep:** Honestly, this is going to blow your mind.\n`;
    const second = c.diagnostics(uri, 2);
    await c.change(uri, 2, pitched);
    const hype = byRule((await second).diagnostics, 'hype-to-wow');
    expect(hype).toHaveLength(1);
    const d = hype[0]!;
    // Line 5 of the file, at "this is going to blow your mind", not at the line start.
    expect(d.range).toEqual({ start: { line: 4, character: 19 }, end: { line: 4, character: 50 } });
    expect(pitched.split('\n')[4]!.slice(19, 50)).toBe('this is going to blow your mind');
    expect(d.severity).toBe(2); // warning, the rule's severity
    expect(d.source).toBe('buyerside');
    const href = d.codeDescription!.href;
    expect(href.endsWith('/rules/hype/hype-to-wow.yaml')).toBe(true);
    expect(existsSync(fileURLToPath(href))).toBe(true);

    const h = await hover(c, uri, 4, 30);
    const text = (h!.contents as { kind: string; value: string });
    expect(text.kind).toBe('markdown');
    expect(text.value).toContain('`hype-to-wow`');
    expect(text.value).toContain(d.message);
    expect(text.value).toContain('**Why:** Being wowed is not what buyers are after');
    expect(text.value).toContain('**Better:** Replace "this is going to blow your mind" with the buyer\'s outcome');
    expect(await hover(c, uri, 4, 3)).toBeNull();

    // Fixed with an incremental edit, as editors send them: the pitch replaced by a question.
    const fixed = c.diagnostics(uri, 3);
    await c.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 51 } }, text: 'What would change for your team once the double-booking stops?' }],
    });
    expect(byRule((await fixed).diagnostics, 'hype-to-wow')).toEqual([]);
    expect(await hover(c, uri, 4, 30)).toBeNull();
    expect(await c.stop()).toBe(0);
  });

  it('waits for typing to pause: rapid changes are analyzed once, at the last version', async () => {
    const dir = tempDir();
    const uri = uriOf(join(dir, 'typing.md'));
    const c = await start({ initializationOptions: { buyerside: { debounceMs: 300 } } });
    const opened = c.diagnostics(uri, 1);
    await c.open(uri, OPENER);
    await opened;
    const before = c.published.length;
    const last = c.diagnostics(uri, 6);
    for (let v = 2; v <= 6; v++) await c.change(uri, v, `${OPENER}\n**Rep:** Honestly, this is going to blow your mind${'!'.repeat(v)}\n`);
    expect((await last).version).toBe(6);
    const after = c.published.slice(before).filter((p) => p.uri === uri);
    expect(after.map((p) => p.version)).toEqual([6]);
    expect(byRule(after[0]!.diagnostics, 'hype-to-wow')).toHaveLength(1);
    await c.stop();
  });

  it('offers to accept a line with a directive above it, and to ask the suggested question instead', async () => {
    const dir = tempDir();
    const uri = uriOf(join(dir, 'pitch.md'));
    const text = [
      '**Rep:** Thanks for the time today.',
      '',
      '  **Rep:** Let me walk you through our deck so you can see all the features.',
      '',
      '**Rep:** This pricing is only good until Friday.',
      '',
    ].join('\n');
    const c = await start();
    const opened = c.diagnostics(uri, 1);
    await c.open(uri, text);
    const ds = (await opened).diagnostics;
    const walk = byRule(ds, 'walkthrough-first')[0]!;
    const deadline = byRule(ds, 'deadline-pressure')[0]!;
    expect(deadline.severity).toBe(1); // error

    const onWalk = await actions(c, uri, walk);
    expect(onWalk.map((a) => a.title)).toEqual([
      'Ask instead: "Which part of your week should we look at first?"',
      'Accept this line on purpose: <!-- buyerside-disable-next-line walkthrough-first -->',
    ]);
    expect(onWalk.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'walkthrough-first')).toBe(true);
    const accepted = apply(text, uri, onWalk[1]!);
    expect(accepted.split('\n').slice(2, 4)).toEqual(['  <!-- buyerside-disable-next-line walkthrough-first -->', '  **Rep:** Let me walk you through our deck so you can see all the features.']);
    const second = c.diagnostics(uri, 2);
    await c.change(uri, 2, accepted);
    const ds2 = (await second).diagnostics;
    expect(byRule(ds2, 'walkthrough-first')).toEqual([]);
    const deadline2 = byRule(ds2, 'deadline-pressure')[0]!;
    expect(deadline2.range.start.line).toBe(5);

    const onDeadline = await actions(c, uri, deadline2);
    const ask = onDeadline.find((a) => a.title.startsWith('Ask instead'))!;
    const reworded = apply(accepted, uri, ask);
    expect(reworded.split('\n')[5]).toBe('**Rep:** What would you need to feel sure about this, and when does it make sense for you to decide?');
    const third = c.diagnostics(uri, 3);
    await c.change(uri, 3, reworded);
    expect((await third).diagnostics.filter((d) => d.severity! <= 2)).toEqual([]);

    // Hype's suggestion ends in an example, not a question to ask: only the directive is offered.
    const hypeUri = uriOf(join(dir, 'hype.md'));
    const hypeOpened = c.diagnostics(hypeUri, 1);
    await c.open(hypeUri, '**Rep:** Honestly, this is going to blow your mind.\n');
    const hype = byRule((await hypeOpened).diagnostics, 'hype-to-wow')[0]!;
    expect((await actions(c, hypeUri, hype)).map((a) => a.title)).toEqual(['Accept this line on purpose: <!-- buyerside-disable-next-line hype-to-wow -->']);
    await c.stop();
  });

  it('shows strengths as hints only when the settings ask for them', async () => {
    const dir = tempDir();
    const uri = uriOf(join(dir, 'opener.md'));
    const c = await start({ settings: { showStrengths: false } });
    const opened = c.diagnostics(uri, 1);
    await c.open(uri, OPENER);
    expect((await opened).diagnostics).toEqual([]);
    c.settings = { showStrengths: true };
    const again = c.diagnostics(uri, 1);
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hints = (await again).diagnostics;
    const reasons = byRule(hints, 'open-discovery-question');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.severity).toBe(4); // hint
    expect(OPENER.split('\n')[2]!.slice(reasons[0]!.range.start.character, reasons[0]!.range.end.character)).toMatch(/^What made you/);
    const h = await hover(c, uri, 2, reasons[0]!.range.start.character + 2);
    expect((h!.contents as { value: string }).value).toContain('**Keep going:**');
    await c.stop();
  });

  it('judges a one-speaker text script as seller speech', async () => {
    const dir = tempDir();
    const uri = uriOf(join(dir, 'script.txt'));
    const c = await start();
    const opened = c.diagnostics(uri, 1);
    await c.open(uri, 'Rep: Thanks for picking up.\nRep: We have won every award there is, and our platform is the best in the industry.\n', 'plaintext');
    const ds = (await opened).diagnostics;
    // One finding a sentence: the credentials speak for it, the self-praise is listed with them.
    expect(byRule(ds, 'company-credentials')[0]!.range.start.line).toBe(1);
    expect(byRule(ds, 'self-praise')).toHaveLength(0);
    await c.stop();
  });

  it('uses the workspace config: its sellers, rule settings and rule packs', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'rule-pack-example'), join(dir, 'pack'), { recursive: true });
    writeFileSync(join(dir, 'buyerside.config.json'), JSON.stringify({ sellers: ['Miguel'], rules: { 'hype-to-wow': 'error' }, rulePacks: ['./pack'] }, null, 2));
    mkdirSync(join(dir, 'scripts'));
    const uri = uriOf(join(dir, 'scripts', 'roleplay.md'));
    const text = [
      '**Dana:** Honestly, this is going to blow your mind.',
      '',
      '**Miguel:** Honestly, this is going to blow your mind. And it will move the needle on your synergies.',
      '',
      '**Dana:** What made you start looking?',
      '',
    ].join('\n');
    const c = await start({ rootDir: dir });
    const opened = c.diagnostics(uri, 1);
    await c.open(uri, text);
    const ds = (await opened).diagnostics;
    const hype = byRule(ds, 'hype-to-wow');
    expect(hype.map((d) => d.range.start.line)).toEqual([2]); // Miguel is the seller, by the config
    expect(hype[0]!.severity).toBe(1); // "error" in the config
    const jargon = byRule(ds, 'jargon');
    expect(jargon).toHaveLength(1);
    expect(jargon[0]!.codeDescription!.href).toBe(uriOf(join(dir, 'pack', 'custom', 'jargon.yaml')));
    await c.stop();
  });

  it('shows a broken config or rule pack as one diagnostic on the config file and keeps serving', async () => {
    const dir = tempDir();
    const config = join(dir, 'buyerside.config.json');
    const configUri = uriOf(config);
    const good = JSON.stringify({ sellers: ['Rep'], rulePacks: ['./pack'] }, null, 2);
    cpSync(join(FIXTURES, 'rule-pack-example'), join(dir, 'pack'), { recursive: true });
    writeFileSync(config, '{\n  "sellers": ["Rep"],\n}\n');
    const uri = uriOf(join(dir, 'pitch.md'));
    const c = await start({ rootDir: dir });
    const changed = () => c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });

    const onConfig = c.diagnostics(configUri);
    const onDoc = c.diagnostics(uri, 1);
    await c.open(uri, '**Rep:** Honestly, this is going to blow your mind.\n');
    const bad = (await onConfig).diagnostics;
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toMatch(/^buyerside\.config\.json: not valid JSON/);
    expect(bad[0]!.severity).toBe(1);
    expect(bad[0]!.range.start.line).toBe(2);
    expect((await onDoc).diagnostics).toEqual([]);
    expect(await hover(c, uri, 0, 20)).toBeNull(); // still answering

    // Fixed: the config's diagnostic goes, the document's findings come back.
    writeFileSync(config, good);
    const cleared = c.diagnostics(configUri);
    const back = c.diagnostics(uri, 1);
    await changed();
    expect((await cleared).diagnostics).toEqual([]);
    expect(byRule((await back).diagnostics, 'hype-to-wow')).toHaveLength(1);

    // A pack with a broken file: the diagnostic names the pack and sits on its entry in the config.
    writeFileSync(join(dir, 'pack', 'custom', 'broken.yaml'), 'kind: phrase\nfocus: [seller-centric\n');
    const packProblem = c.diagnostics(configUri);
    await changed();
    const p = (await packProblem).diagnostics;
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toMatch(/^rule pack pack: custom\/broken\.yaml:\d+: not valid YAML/);
    expect(p[0]!.range.start.line).toBe(good.split('\n').findIndex((l) => l.includes('./pack')));

    // An unknown rule id in the config's settings: at its key, with what to do about it.
    rmSync(join(dir, 'pack', 'custom', 'broken.yaml'));
    writeFileSync(config, JSON.stringify({ sellers: ['Rep'], rules: { 'no-such-rule': 'off' } }, null, 2));
    const unknown = c.diagnostics(configUri);
    await changed();
    const u = (await unknown).diagnostics;
    expect(u[0]!.message).toBe('buyerside.config.json: "rules.no-such-rule": no rule with this id (run buyerside rules for the list)');
    expect(u[0]!.range.start.line).toBe(readFileSync(config, 'utf8').split('\n').findIndex((l) => l.includes('"no-such-rule"')));
    expect(await c.stop()).toBe(0);
  });

  it('shows nothing for a document that is not a transcript, and analyzes unsaved documents', async () => {
    const c = await start();
    const readme = uriOf(join(tempDir(), 'README.md'));
    const none = c.diagnostics(readme, 1);
    await c.open(readme, '# Notes\n\nSome thoughts about the quarter, with no speakers at all.\n');
    expect((await none).diagnostics).toEqual([]);
    expect(c.logs.some((l) => l.includes('nothing to show') && l.includes('no turns'))).toBe(true);

    // Sellers in the config that nobody in the script is: nothing is judged, and the log says why.
    const dir = tempDir();
    writeFileSync(join(dir, 'buyerside.config.json'), JSON.stringify({ sellers: ['Nobody'] }));
    const unmatched = uriOf(join(dir, 'script.md'));
    const warned = c.diagnostics(unmatched, 1);
    await c.open(unmatched, '**Rep:** Thanks for the time today.\n');
    await warned;
    expect(c.logs.some((l) => l.includes('the seller named by buyerside.config.json (Nobody) does not speak in this call; speakers found: Rep'))).toBe(true);

    const untitled = 'untitled:Untitled-1';
    const opened = c.diagnostics(untitled, 1);
    await c.open(untitled, '**Rep:** Honestly, this is going to blow your mind.\n');
    expect(byRule((await opened).diagnostics, 'hype-to-wow')).toHaveLength(1);
    await c.stop();
  });

  it('writes nothing but protocol to standard output, and exits 0 after shutdown', async () => {
    const c = await start();
    const uri = uriOf(join(tempDir(), 'pitch.md'));
    const opened = c.diagnostics(uri, 1);
    await c.open(uri, '**Rep:** Honestly, this is going to blow your mind.\n');
    await opened;
    const code = await c.stop();
    expect(c.stderr).toBe('');
    expect(code).toBe(0);
    const frames = c.frames();
    expect(frames.length).toBeGreaterThanOrEqual(3);
    expect(c.stderr).toBe('');
  });

  it('exits 1 on exit without shutdown, and when the client goes away', async () => {
    const a = await start();
    await a.connection.sendNotification('exit');
    expect((await a.exited).code).toBe(1);

    const b = await start();
    b.process.stdin!.end();
    expect((await b.exited).code).toBe(1);
  });

  it('refuses to start without --stdio, in one line', async () => {
    const r = await cli(['lsp']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^buyerside: .*buyerside lsp --stdio/);
  });
});
