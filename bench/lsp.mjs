/**
 * The language server's latency: the time from a change to a 3,000-word script to the diagnostics
 * for that version, as an editor sees it (a real client over the server's stdin and stdout).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { generateMonologue } from './call.mjs';

/** A pitch line that brings findings, swapped in and out of the middle of the script on every change. */
const PITCH = 'Honestly, this is going to blow your mind, and this pricing is only good until Friday.';

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * Starts `node cli lsp --stdio`, opens the script, then makes `changes` edits one at a time, each
 * waiting for its diagnostics. Returns the times in seconds, the first analysis and the server's peak RSS.
 * @param {{ node: string, cli: string, cwd: string, dir: string, seed: number, changes: number, debounceMs?: number }} o
 */
export async function measureLsp({ node, cli, cwd, dir, seed, changes, debounceMs }) {
  mkdirSync(dir, { recursive: true });
  const script = generateMonologue({ seed, words: 3000 });
  const path = join(dir, 'script-3k.txt');
  writeFileSync(path, script.text);
  const uri = pathToFileURL(path).href;
  const lines = script.text.split('\n');
  const middle = lines.length >> 1;
  const child = spawn(node, [cli, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w({ at: performance.now(), count: p.diagnostics.length });
    }
  });
  connection.onRequest('workspace/configuration', () => [null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const diagnosticsFor = (version) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} in 30 s; stderr: ${stderr.slice(0, 300)}`)), 30_000);
    waiting.set(version, (r) => (clearTimeout(timer), resolve(r)));
  });
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {},
      ...(debounceMs !== undefined ? { initializationOptions: { buyerside: { debounceMs } } } : {}),
    });
    await connection.sendNotification('initialized', {});
    let t = performance.now();
    const first = diagnosticsFor(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: script.text } });
    const opened = await first;
    const openS = (opened.at - t) / 1000;
    const times = [];
    const counts = new Set();
    for (let v = 2; v < changes + 2; v++) {
      const edited = [...lines];
      if (v % 2 === 0) edited[middle] = `${edited[middle]} ${PITCH}`;
      const done = diagnosticsFor(v);
      t = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited.join('\n') }] });
      const r = await done;
      times.push((r.at - t) / 1000);
      counts.add(r.count);
    }
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await exited;
    if (code !== 0) throw new Error(`the server exited ${code} after shutdown; stderr: ${stderr.slice(0, 300)}`);
    // The pitch comes and goes, so the diagnostics must differ between changes: the analysis really ran.
    if (counts.size < 2) throw new Error(`every change gave the same ${[...counts][0]} diagnostics: the pitch line was not picked up`);
    return {
      words: script.words, times, openS,
      medianS: percentile(times, 50), p95S: percentile(times, 95), maxS: Math.max(...times),
      peakMB: hwm ? Number(hwm[1]) / 1024 : null,
    };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}
