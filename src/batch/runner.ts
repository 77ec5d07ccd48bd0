/**
 * Running a batch: files analyzed in the main thread or on worker threads, results handed on strictly in
 * input order, with only a bounded window of finished-but-not-yet-emitted results held in memory.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { CallReport, InputError } from '../types.js';
import { analyzeFile, prepareRun, type WorkerSetup } from './file.js';
import { displayPath } from '../io/inputs.js';
import { TEXTS } from '../errors.js';


export interface WorkerTask {
  index: number;
  file: string;
}

export interface WorkerResult {
  index: number;
  /** JSON.stringify of the CallReport or InputError. */
  json: string;
}

export type BatchResult = CallReport | InputError;

export interface BatchOptions extends WorkerSetup {
  files: readonly string[];
  /** Worker threads to use; 1 analyzes in this thread. */
  jobs: number;
  /** Called once per file, in input order; `json` is the result's JSON text where a worker made it. */
  onResult: (result: BatchResult, index: number, json?: string) => void;
  /** Called after each file finishes (in any order). */
  onProgress?: (done: number, total: number) => void;
}

/** Fewer files than this are analyzed in this thread: starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 4;
/** Tasks a worker holds at once. */
const PER_WORKER = 2;

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
  const run = prepareRun(options);
  const total = options.files.length;
  for (let i = 0; i < total; i++) {
    options.onResult(analyzeFile(options.files[i]!, run), i);
    options.onProgress?.(i + 1, total);
    // Let signals (Ctrl-C) and progress output through between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function runOnWorkers(options: BatchOptions): Promise<void> {
  // Loaded here: a run in this thread (one file) has no use for it, and it cost a start 2 ms (#12).
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const { files } = options;
  const total = files.length;
  const count = Math.min(options.jobs, total);
  // How far dispatching may run ahead of emitting: bounds the results held while an early file is slow.
  const window = count * 4;
  const setup: WorkerSetup = { rules: options.rules, run: options.run, ...(options.rolesFile ? { rolesFile: options.rolesFile } : {}) };
  const finished = new Map<number, { result: BatchResult; json?: string }>();
  /** The indexes each worker is working on, oldest first. */
  const busy = new Map<Worker, number[]>();
  const dead = new Set<Worker>();
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

    // Each worker holds up to PER_WORKER tasks, so it never waits for the main thread between files.
    const dispatch = () => {
      for (;;) {
        if (nextDispatch >= total || nextDispatch >= nextEmit + window) return;
        const w = workers.filter((x) => !dead.has(x)).sort((a, b) => (busy.get(a)?.length ?? 0) - (busy.get(b)?.length ?? 0))[0];
        if (!w || (busy.get(w)?.length ?? 0) >= PER_WORKER) return;
        const queue = busy.get(w) ?? [];
        queue.push(nextDispatch);
        busy.set(w, queue);
        const task: WorkerTask = { index: nextDispatch, file: files[nextDispatch]! };
        w.postMessage(task);
        nextDispatch++;
      }
    };

    const accept = (index: number, result: BatchResult, json?: string) => {
      finished.set(index, json === undefined ? { result } : { result, json });
      done++;
      options.onProgress?.(done, total);
      try {
        while (finished.has(nextEmit)) {
          const r = finished.get(nextEmit)!;
          finished.delete(nextEmit);
          options.onResult(r.result, nextEmit, r.json);
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
        const queue = busy.get(w) ?? [];
        queue.splice(queue.indexOf(msg.index), 1);
        accept(msg.index, JSON.parse(msg.json) as BatchResult, msg.json);
      });
      w.on('error', (e) => {
        // A crash costs the file it was working on, never the batch; files queued behind it go to a new worker.
        const queue = busy.get(w) ?? [];
        busy.delete(w);
        dead.add(w);
        void w.terminate();
        if (settled) return;
        const [index, ...rest] = queue;
        if (index === undefined) {
          finish(e);
          return;
        }
        const fresh = start();
        busy.set(fresh, rest);
        for (const i of rest) fresh.postMessage({ index: i, file: files[i]! } satisfies WorkerTask);
        accept(index, { file: displayPath(files[index]!), message: TEXTS.internal(e.message), code: 'E_INTERNAL' });
      });
      return w;
    };

    for (let i = 0; i < count; i++) start();
    dispatch();
  });
}
