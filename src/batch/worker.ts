/** A worker thread: compiles the rules once, then analyzes the files it is sent, one message each. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, type RunOptions } from './file.js';
import { buildEngine } from '../rules/engine.js';
import { loadRoles } from '../roles/file.js';
import type { WorkerSetup, WorkerTask, WorkerResult } from './runner.js';

const setup = workerData as WorkerSetup;
const engine = buildEngine(setup.rules);
const options: RunOptions = { engine, ...setup.run };
if (setup.rolesFile) {
  const lookup = loadRoles(setup.rolesFile);
  options.sellersFor = (file) => lookup(file);
}

// The result goes back as its JSON text: cheaper to pass than a cloned object graph, and the
// main thread can write it to an NDJSON stream as it is.
parentPort!.on('message', (task: WorkerTask) => {
  const message: WorkerResult = { index: task.index, json: JSON.stringify(analyzeFile(task.file, options)) };
  parentPort!.postMessage(message);
});
