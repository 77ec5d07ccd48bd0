/** A worker thread: compiles the rules once, then analyzes the files it is sent, one message each. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, prepareRun, type WorkerSetup } from './file.js';
import type { WorkerTask, WorkerResult } from './runner.js';

const options = prepareRun(workerData as WorkerSetup);

// The result goes back as its JSON text: cheaper to pass than a cloned object graph, and the
// main thread can write it to an NDJSON stream as it is.
parentPort!.on('message', (task: WorkerTask) => {
  const message: WorkerResult = { index: task.index, json: JSON.stringify(analyzeFile(task.file, options)) };
  parentPort!.postMessage(message);
});
