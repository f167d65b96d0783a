/**
 * The worker thread of `VectorIndexBuilder`: owns a new HNSW graph and inserts the vectors the build
 * sends while the main thread tokenizes, embeds and indexes words for the next batch. hnswlib-node's
 * `addPoint` is synchronous and single-threaded, so on the main thread it would only add to the wait.
 */
import fs from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { insertWorkerSetupSchema, insertWorkerRequestSchema, type InsertWorkerReply } from './hnsw-insert-protocol.js';
import { insertionGraph } from './hnsw-insert-graph.js';
import { loadBatchAddon } from './hnsw-insert-native.js';

const port = parentPort;
if (!port) throw new Error('hnsw-insert-worker runs in a worker thread only');
const setup = insertWorkerSetupSchema.parse(workerData);
const graph = insertionGraph(setup, loadBatchAddon());
const reply = (message: InsertWorkerReply) => port.postMessage(message);

port.on('message', (raw: unknown) => {
  const request = insertWorkerRequestSchema.parse(raw);
  if (request.kind === 'add') {
    graph.add(request.labels, request.vectors);
    reply({ kind: 'added', count: request.labels.length });
    return;
  }
  // Through a promise: hnswlib-node throws some write errors synchronously, and misses others (a
  // file it could not open is left unwritten without an error), hence the check of what it wrote.
  Promise.resolve(request.file).then(async (file) => {
    await graph.write(file);
    if (!(await fs.stat(file)).isFile()) throw new Error(`${file} is not a file`);
  }).then(
    () => reply({ kind: 'written' }),
    (error: unknown) => reply({ kind: 'failed', message: String(error) }),
  );
});
