/**
 * The language server: diagnostics for open Markdown and text documents as they change (debounced),
 * hovers and quick fixes on findings, a broken config or rule pack shown on the config file. Built on
 * vscode-languageserver with a watchdog of our own, so that the server returns how it ended instead
 * of exiting the process: the CLI decides the exit code. Nothing but protocol goes to the writer; the
 * console is redirected to the client's log while the server runs.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type WatchDog,
} from 'vscode-languageserver';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../package.js';
import { CONFIG_NAMES } from '../config/load.js';
import { codeActions } from './actions.js';
import { diagnose, isScript, SOURCE, type Shown } from './diagnostics.js';
import { hoverText } from './hover.js';
import { DEFAULT_SETTINGS, readSettings, SECTION, type LspSettings } from './settings.js';
import { Workspace, type Setup } from './workspace.js';

/** How the server ended: after the protocol's shutdown request, or not (exit without it, or the client went away). */
export interface ServerEnd {
  shutdown: boolean;
}

/** Serves over standard input and output until the client exits. */
export async function serveStdio(): Promise<ServerEnd> {
  const end = await startServer({ reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout) });
  // Reading standard input would keep the process alive after the protocol has ended.
  process.stdin.destroy();
  return end;
}

/** Runs the server on a message reader and writer; resolves when the client exits or goes away. */
export function startServer(transport: { reader: MessageReader; writer: MessageWriter }): Promise<ServerEnd> {
  return new Promise((resolve) => {
    let ended = false;
    let parentWatch: NodeJS.Timeout | undefined;
    const watchDog: WatchDog = {
      shutdownReceived: false,
      initialize(params) {
        // A client that dies without exit leaves the server orphaned: watch its process, as the library's own watchdog does.
        const pid = params.processId;
        if (typeof pid !== 'number') return;
        parentWatch = setInterval(() => {
          try {
            process.kill(pid, 0);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ESRCH') finish();
          }
        }, 3000);
        parentWatch.unref();
      },
      exit: () => finish(),
    };
    const connection = createConnection((logger) => createProtocolConnection(transport.reader, transport.writer, logger), watchDog);
    const restoreConsole = redirectConsole(connection);
    const server = new Server(connection);
    transport.reader.onClose(() => finish());

    function finish(): void {
      if (ended) return;
      ended = true;
      if (parentWatch) clearInterval(parentWatch);
      server.stop();
      restoreConsole();
      connection.dispose();
      transport.reader.dispose();
      transport.writer.dispose();
      resolve({ shutdown: watchDog.shutdownReceived });
    }
    connection.listen();
  });
}

/** The server's state: open documents, their last results, settings, and the configs with problems shown. */
class Server {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspace = new Workspace();
  private readonly results = new Map<string, Shown[]>();
  /** The document version each result is for. */
  private readonly analyzedVersion = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What was last logged about a document (why it shows nothing, its warnings), so that the log says it once. */
  private readonly noted = new Map<string, string>();
  /** Config files (by URI) that carry a problem diagnostic now. */
  private readonly brokenConfigs = new Map<string, string>();
  private settings: LspSettings = DEFAULT_SETTINGS;
  private pullSettings = false;
  private watchFiles = false;
  private registerConfiguration = false;
  private markdownHover = true;
  private rootDir: string | undefined;
  private stopped = false;

  constructor(private readonly connection: Connection) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    connection.onShutdown(() => this.stop());
    connection.onDidChangeConfiguration((params) => void this.configurationChanged(params.settings));
    connection.onDidChangeWatchedFiles(() => this.analyzeAll());
    connection.onHover((params) => {
      const doc = this.documents.get(params.textDocument.uri);
      const shown = this.results.get(params.textDocument.uri);
      if (!doc || !shown) return null;
      const setup = this.setupFor(doc);
      const text = setup ? hoverText(shown, params.position, setup.engine, this.markdownHover) : undefined;
      return text ? { contents: { kind: this.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value: text } } : null;
    });
    connection.onCodeAction((params) => {
      const doc = this.documents.get(params.textDocument.uri);
      const shown = this.results.get(params.textDocument.uri);
      // Edits computed on an older version would land in the wrong place: wait for the new results.
      if (!doc || !shown || this.analyzedVersion.get(doc.uri) !== doc.version) return [];
      return codeActions(doc, shown, params.range, params.context.only);
    });
    this.documents.onDidOpen((e) => this.analyze(e.document.uri));
    // Opening fires a content change too: the version just analyzed needs no second run.
    this.documents.onDidChangeContent((e) => {
      if (this.analyzedVersion.get(e.document.uri) !== e.document.version) this.schedule(e.document.uri);
    });
    this.documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      this.results.delete(e.document.uri);
      this.analyzedVersion.delete(e.document.uri);
      this.noted.delete(e.document.uri);
      this.publish({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(connection);
  }

  /** Stops analyzing (shutdown, or the end): pending analyses are dropped. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    this.pullSettings = Boolean(params.capabilities.workspace?.configuration);
    const formats = params.capabilities.textDocument?.hover?.contentFormat;
    this.markdownHover = !formats || formats.includes(MarkupKind.Markdown);
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    this.rootDir = root?.startsWith('file:') ? fileURLToPath(root) : undefined;
    this.watchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    this.registerConfiguration = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'buyerside', version: VERSION },
    };
  }

  private async initialized(): Promise<void> {
    try {
      await this.register();
      if (this.pullSettings) await this.fetchSettings();
    } catch (e) {
      this.log('warn', `could not register for changes: ${(e as Error).message}`);
    }
  }

  private async register(): Promise<void> {
    if (this.registerConfiguration) await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
    // Config files and rule packs changing on disk re-analyze the open documents.
    if (this.watchFiles) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...CONFIG_NAMES.map((n) => ({ globPattern: `**/${n}` })), { globPattern: '**/*.{yaml,yml,json}' }],
      });
    }
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    this.useSettings(readSettings(settings, this.settings));
    if (this.pullSettings) await this.fetchSettings();
  }

  private async fetchSettings(): Promise<void> {
    try {
      const section: unknown = await this.connection.workspace.getConfiguration(SECTION);
      this.useSettings(readSettings(section, this.settings));
    } catch (e) {
      this.log('warn', `could not read the settings: ${(e as Error).message}`);
    }
  }

  /** New settings re-analyze the open documents, when they differ from the ones in use. */
  private useSettings(next: LspSettings): void {
    const changed = next.showStrengths !== this.settings.showStrengths || next.debounceMs !== this.settings.debounceMs;
    this.settings = next;
    if (changed) this.analyzeAll();
  }

  private analyzeAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  private schedule(uri: string, delay = this.settings.debounceMs): void {
    if (this.stopped) return;
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => this.analyze(uri), delay));
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private setupFor(doc: TextDocument): Setup | undefined {
    const r = this.workspace.forDocument(filePath(doc.uri), this.rootDir);
    return r.ok ? r.setup : undefined;
  }

  /** Analyzes a document now and publishes its diagnostics (and the state of its config file). */
  private analyze(uri: string): void {
    this.timers.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc || this.stopped) return;
    const path = filePath(uri);
    if (!isScript(doc, path)) return;
    let shown: Shown[] = [];
    try {
      const resolved = this.workspace.forDocument(path, this.rootDir);
      if (resolved.ok) {
        if (resolved.configFile) this.configFixed(resolved.configFile);
        const result = diagnose(doc, { ...(path ? { path } : {}), setup: resolved.setup, settings: this.settings });
        shown = result.shown;
        this.note(uri, 'skipped' in result ? `nothing to show for ${uri}: ${result.skipped}` : result.warnings.length ? `${uri}: warning: ${result.warnings.join('; ')}` : undefined);
      } else {
        const { problem } = resolved;
        const configUri = fileUri(problem.file);
        if (this.brokenConfigs.get(configUri) !== problem.message) {
          this.brokenConfigs.set(configUri, problem.message);
          this.publish({
            uri: configUri,
            diagnostics: [{ range: problem.range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: problem.message }],
          });
          this.log('error', problem.message);
        }
      }
    } catch (e) {
      this.log('error', `internal error while analyzing ${uri}: ${(e as Error).stack ?? String(e)}`);
    }
    this.results.set(uri, shown);
    this.analyzedVersion.set(uri, doc.version);
    this.publish({ uri, version: doc.version, diagnostics: shown.map((s) => s.diagnostic) });
  }

  private configFixed(file: string): void {
    const configUri = fileUri(file);
    if (!this.brokenConfigs.delete(configUri)) return;
    this.publish({ uri: configUri, diagnostics: [] });
  }

  /** Logs why a document shows nothing, or the analysis's warnings, once per change of the text logged. */
  private note(uri: string, line: string | undefined): void {
    if (this.noted.get(uri) === line) return;
    if (line === undefined) this.noted.delete(uri);
    else {
      this.noted.set(uri, line);
      this.log('info', line);
    }
  }

  /** Diagnostics to the client; nothing once the server has stopped (the connection may be gone). */
  private publish(params: PublishDiagnosticsParams): void {
    if (this.stopped) return;
    try {
      this.connection.sendDiagnostics(params).catch((e: Error) => this.log('error', `could not publish diagnostics: ${e.message}`));
    } catch (e) {
      this.log('error', `could not publish diagnostics: ${(e as Error).message}`);
    }
  }

  /** A line in the client's log (window/logMessage); nothing once the server has stopped. */
  private log(level: 'info' | 'warn' | 'error', message: string): void {
    if (this.stopped) return;
    try {
      this.connection.console[level](`buyerside: ${message}`);
    } catch {
      // The connection closed under us: there is no one left to tell.
    }
  }
}

function filePath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Sends console output to the client's log instead of standard output; returns the undo. */
function redirectConsole(connection: Connection): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  console.log = (...a: unknown[]) => connection.console.log(text(a));
  console.info = (...a: unknown[]) => connection.console.info(text(a));
  console.debug = (...a: unknown[]) => connection.console.log(text(a));
  console.warn = (...a: unknown[]) => connection.console.warn(text(a));
  console.error = (...a: unknown[]) => connection.console.error(text(a));
  return () => Object.assign(console, saved);
}
