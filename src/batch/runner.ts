/**
 * Running a batch: files analyzed in the main thread or on worker threads, results handed on strictly in
 * input order, with only a bounded window of finished-but-not-yet-emitted results held in memory.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CallReport, InputError, InputFormat } from '../types.js';
import { analyzeFile, type RunOptions } from '../run.js';
import { displayPath } from '../io/inputs.js';
import { buildEngine, type RuleSource } from './engine.js';
import { loadRoles } from './roles.js';

/** The options a worker needs besides the rules; plain data so it can cross threads. */
export interface PlainRunOptions {
  sellers?: string[];
  format?: InputFormat | 'auto';
  columns?: Record<string, string>;
  callType?: string;
  maxBytes?: number;
  deepParse?: boolean;
}

export interface WorkerSetup {
  rules: RuleSource;
  run: PlainRunOptions;
  rolesFile?: string;
}

export interface WorkerTask {
  index: number;
  file: string;
}

export interface WorkerResult {
  index: number;
  result: CallReport | InputError;
}

export type BatchResult = CallReport | InputError;

export interface BatchOptions extends WorkerSetup {
  files: readonly string[];
  /** Worker threads to use; 1 analyzes in this thread. */
  jobs: number;
  /** Called once per file, in input order. */
  onResult: (result: BatchResult, index: number) => void;
  /** Called after each file finishes (in any order). */
  onProgress?: (done: number, total: number) => void;
}

/** Fewer files than this are analyzed in this thread: starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 4;

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether this batch runs on workers: enough files, more than one job, no standard input, and a built worker. */
export function useWorkers(files: readonly string[], jobs: number): boolean {
  return jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS && !files.includes('-') && existsSync(fileURLToPath(WORKER_URL));
}

/** Runs the batch; resolves when every result has been handed to onResult. */
export async function runBatch(options: BatchOptions): Promise<void> {
  if (useWorkers(options.files, options.jobs)) await runOnWorkers(options);
  else await runHere(options);
}

async function runHere(options: BatchOptions): Promise<void> {
  const engine = buildEngine(options.rules);
  const run: RunOptions = { engine, ...options.run };
  if (options.rolesFile) {
    const lookup = loadRoles(options.rolesFile);
    run.sellersFor = (file) => lookup(file);
  }
  const total = options.files.length;
  for (let i = 0; i < total; i++) {
    options.onResult(analyzeFile(options.files[i]!, run), i);
    options.onProgress?.(i + 1, total);
    // Let signals (Ctrl-C) and progress output through between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function runOnWorkers(options: BatchOptions): Promise<void> {
  const { files } = options;
  const total = files.length;
  const count = Math.min(options.jobs, total);
  // How far dispatching may run ahead of emitting: bounds the results held while an early file is slow.
  const window = count * 4;
  const setup: WorkerSetup = { rules: options.rules, run: options.run, ...(options.rolesFile ? { rolesFile: options.rolesFile } : {}) };
  const finished = new Map<number, BatchResult>();
  const busy = new Map<Worker, number>();
  const idle: Worker[] = [];
  let nextDispatch = 0;
  let nextEmit = 0;
  let done = 0;

  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };

    const dispatch = () => {
      while (idle.length > 0 && nextDispatch < total && nextDispatch < nextEmit + window) {
        const w = idle.pop()!;
        busy.set(w, nextDispatch);
        const task: WorkerTask = { index: nextDispatch, file: files[nextDispatch]! };
        w.postMessage(task);
        nextDispatch++;
      }
    };

    const accept = (index: number, result: BatchResult) => {
      finished.set(index, result);
      done++;
      options.onProgress?.(done, total);
      try {
        while (finished.has(nextEmit)) {
          const r = finished.get(nextEmit)!;
          finished.delete(nextEmit);
          options.onResult(r, nextEmit);
          nextEmit++;
        }
      } catch (e) {
        finish(e as Error);
        return;
      }
      if (nextEmit === total) finish();
      else dispatch();
    };

    const start = (): Worker => {
      const w = new Worker(WORKER_URL, { workerData: setup });
      workers.push(w);
      w.on('message', (msg: WorkerResult) => {
        busy.delete(w);
        idle.push(w);
        accept(msg.index, msg.result);
      });
      w.on('error', (e) => {
        // A crash costs the file it was working on, never the batch.
        const index = busy.get(w);
        busy.delete(w);
        void w.terminate();
        if (settled) return;
        if (index === undefined) {
          finish(e);
          return;
        }
        idle.push(start());
        accept(index, { file: displayPath(files[index]!), message: `internal error while analyzing: ${e.message}`, code: 'E_INTERNAL' });
      });
      return w;
    };

    for (let i = 0; i < count; i++) idle.push(start());
    dispatch();
  });
}
