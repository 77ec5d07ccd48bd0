/**
 * A real LSP client for the tests: starts `node bin/buyerside.js lsp --stdio` as a process and talks
 * to it over its standard input and output with vscode-languageserver-protocol, answering the
 * server's requests (configuration, registrations) as an editor would. It keeps every byte the
 * server wrote to standard output, so a test can check that nothing but protocol was written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { BIN, ROOT } from '../support/cli.js';

export interface ClientOptions {
  /** Settings the client answers workspace/configuration with (the "buyerside" section). */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  rootDir?: string;
  capabilities?: ClientCapabilities;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics notification, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  settings: Record<string, unknown>;
  private readonly stdout: Buffer[] = [];
  private stderrText = '';
  private readonly waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    const tee = new PassThrough();
    this.process.stdout!.on('data', (chunk: Buffer) => {
      this.stdout.push(chunk);
      tee.write(chunk);
    });
    this.process.stdout!.on('end', () => tee.end());
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderrText += chunk.toString('utf8');
    });
    this.connection = createProtocolConnection(new StreamMessageReader(tee), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.test(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((i) => (i.section === 'buyerside' ? this.settings : null)));
    this.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const rootUri = this.options.rootDir ? `file://${this.options.rootDir}` : null;
    const result = await this.within('the initialize request', this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'scripts' }] : null,
      capabilities: this.options.capabilities ?? {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true }, codeAction: {} },
      },
      ...(this.options.initializationOptions !== undefined ? { initializationOptions: this.options.initializationOptions } : {}),
    }));
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next publishDiagnostics for `uri` (optionally of at least `version`), waiting up to `ms`. */
  diagnostics(uri: string, version?: number, ms = 15_000): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || (p.version ?? -1) >= version);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} (version ${version}) within ${ms} ms; stderr: ${this.stderrText}`)), ms);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (the simplest change a client may send). */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Standard output as written, split into LSP frames; throws if any byte is not part of a well-formed frame. */
  frames(): unknown[] {
    const buf = Buffer.concat(this.stdout);
    const out: unknown[] = [];
    let at = 0;
    while (at < buf.length) {
      const headerEnd = buf.indexOf('\r\n\r\n', at);
      if (headerEnd < 0) throw new Error(`stdout has bytes that are not an LSP frame at ${at}: ${JSON.stringify(buf.subarray(at, at + 80).toString())}`);
      const header = buf.subarray(at, headerEnd).toString('ascii');
      const m = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]+)?$/i.exec(header);
      if (!m) throw new Error(`not an LSP header: ${JSON.stringify(header)}`);
      const body = buf.subarray(headerEnd + 4, headerEnd + 4 + Number(m[1]));
      const message = JSON.parse(body.toString('utf8')) as { jsonrpc?: string };
      if (message.jsonrpc !== '2.0') throw new Error(`not a JSON-RPC 2.0 message: ${body.toString('utf8').slice(0, 200)}`);
      out.push(message);
      at = headerEnd + 4 + Number(m[1]);
    }
    return out;
  }

  /** shutdown, then exit; resolves to the process's exit code. */
  async stop(): Promise<number | null> {
    await this.within('the shutdown request', this.connection.sendRequest('shutdown'));
    await this.connection.sendNotification('exit');
    const { code } = await this.within('the process to exit after exit', this.exited);
    this.connection.dispose();
    return code;
  }

  /** `promise`, or an error naming what did not happen and the server's stderr, so that a hung server fails the test with a reason instead of at the test's timeout. */
  private within<T>(what: string, promise: Promise<T>, ms = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms (server exit code ${this.process.exitCode}); stderr: ${this.stderrText}`)), ms);
      promise.then((v) => (clearTimeout(timer), resolve(v)), (e) => (clearTimeout(timer), reject(e)));
    });
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}
