/** One row of the scale table: index, re-index, start-up, memory and answer latency for one corpus size. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuiltCorpus } from './corpora.js';
import { processTreeRss, runScript, startServer } from './processes.js';
import { loadTest, type Latency, type LoadResult } from './stats.js';

export interface ScaleOptions {
  workDir: string;
  questions: string[];
  requests: number;
  /**
   * Requests sent to a fresh server before the measured ones: a worker's first asks of each question and its first
   * seconds of compiling cost several times a later ask, so a cold start's p99 is reported apart from the measured one.
   */
  warmupRequests: number;
  concurrency: number;
  /** Worker counts to measure HTTP throughput at (1 and the number of cores by default). */
  workers: number[];
}

export interface ScaleRow {
  targetChunks: number;
  documents: number;
  chunks: number;
  index: { seconds: number; embedChunksPerSecond: number | null; peakRssMiB: number };
  reindexUnchangedSeconds: number;
  reindexFullSeconds: number;
  indexMiB: number;
  embeddingCacheMiB: number;
  startup: { seconds: number; modelLoadMs: number; openMs: number };
  inProcess: { ask: Latency; search: Latency; rssMiB: number };
  http: Array<LoadResult & { workers: number; startSeconds: number; rssMiB: { primary: number; maxWorker: number }; coldStart?: LoadResult }>;
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => fs.stat(path.join(entry.parentPath, entry.name)).then((stat) => stat.size)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const seconds = (ms: number) => Math.round(ms / 10) / 100;

interface IndexSummary {
  chunks: number;
  documents: number;
  chunksPerSecond: number | null;
  totalSeconds: number;
}

export async function measureCorpus(target: number, corpus: BuiltCorpus, options: ScaleOptions, log: (line: string) => void): Promise<ScaleRow> {
  const indexDir = path.join(options.workDir, `index-${target}`);
  await fs.rm(indexDir, { recursive: true, force: true });
  const env = { CORPUS_DIR: corpus.dir, INDEX_DIR: indexDir };
  const indexOnce = async (args: string[]) => {
    const result = await runScript('src/cli/main.ts', ['index', '--json', ...args], env);
    return { ...result, summary: JSON.parse(result.stdout) as IndexSummary };
  };
  log(`  indexing ${corpus.documents} documents…`);
  const cold = await indexOnce([]);
  const unchanged = await indexOnce([]);
  const full = await indexOnce(['--full']);
  const current = (await fs.readFile(path.join(indexDir, 'CURRENT'), 'utf8')).trim();

  log('  answering in process…');
  const questionsFile = path.join(options.workDir, `questions-${target}.json`);
  await fs.writeFile(questionsFile, JSON.stringify(options.questions));
  const asked = JSON.parse((await runScript('bench/ask-latency.ts', [questionsFile], env)).stdout) as {
    modelLoadMs: number;
    openMs: number;
    ask: Latency;
    search: Latency;
    rssMiB: number;
  };

  const http: ScaleRow['http'] = [];
  for (const workers of options.workers) {
    log(`  HTTP with ${workers} worker(s)…`);
    const server = await startServer({ ...env, WORKERS: String(workers) });
    try {
      const coldStart = options.warmupRequests > 0 ? await loadTest(server.port, options.questions, options.warmupRequests, options.concurrency) : undefined;
      const load = await loadTest(server.port, options.questions, options.requests, options.concurrency);
      const rss = processTreeRss(server.pid);
      http.push({ ...load, workers, startSeconds: seconds(server.startMs), rssMiB: { primary: Math.round(rss.main), maxWorker: Math.round(Math.max(0, ...rss.children)) }, ...(coldStart ? { coldStart } : {}) });
    } finally {
      await server.stop();
    }
  }
  return {
    targetChunks: target,
    documents: cold.summary.documents,
    chunks: cold.summary.chunks,
    index: { seconds: cold.summary.totalSeconds, embedChunksPerSecond: cold.summary.chunksPerSecond, peakRssMiB: Math.round(cold.maxRssMiB) },
    reindexUnchangedSeconds: seconds(unchanged.ms),
    reindexFullSeconds: seconds(full.ms),
    indexMiB: mib(await folderBytes(path.join(indexDir, 'versions', current))),
    embeddingCacheMiB: mib(await folderBytes(path.join(indexDir, 'embedding-cache'))),
    startup: { seconds: http[0]?.startSeconds ?? 0, modelLoadMs: asked.modelLoadMs, openMs: asked.openMs },
    inProcess: { ask: asked.ask, search: asked.search, rssMiB: asked.rssMiB },
    http,
  };
}

export const defaultWorkers = () => [...new Set([1, os.cpus().length])];
