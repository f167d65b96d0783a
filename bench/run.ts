/**
 * `npm run bench`: indexing throughput, in-process answer latency and HTTP throughput on loopback,
 * over the SQuAD corpus and questions in ../shared/eval (or --corpus / --questions).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/load.js';
import { buildIndex } from '../src/index/build.js';
import { createApp } from '../src/server/app.js';
import { loadWebAssets } from '../src/server/web-assets.js';
import { createDocent } from '../src/service.js';

interface Latency {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

function latency(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { count: sorted.length, meanMs: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)), p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), p99Ms: round(at(0.99)) };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await work();
  return [result, performance.now() - startedAt];
}

const program = new Command('bench')
  .option('--corpus <dir>', 'corpus to index', '../shared/eval/squad/corpus')
  .option('--questions <jsonl>', 'questions to ask (any eval format)', '../shared/eval/squad/questions.jsonl')
  .option('--requests <n>', 'HTTP requests in the load test', (v) => Number.parseInt(v, 10), 400)
  .option('--concurrency <n>', 'HTTP requests in flight', (v) => Number.parseInt(v, 10), 8)
  .option('--json', 'print JSON')
  .action(async (options: { corpus: string; questions: string; requests: number; concurrency: number; json?: boolean }) => {
    const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-bench-'));
    const config = loadConfig({ ...process.env, CORPUS_DIR: path.resolve(options.corpus), INDEX_DIR: indexDir });
    const [embedder, modelLoadMs] = await timed(() => loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir }));
    const buildOptions = { corpusDir: config.corpusDir, indexDir, chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap, batchSize: config.embedding.batchSize };
    const cold = await buildIndex(embedder, buildOptions);
    const warm = await buildIndex(embedder, buildOptions);
    const docent = createDocent(config, embedder, warm.index);
    const [, warmUpMs] = await timed(() => docent.warmUp());

    const questions = (await fs.readFile(options.questions, 'utf8'))
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { question: string }).question);
    const askMs: number[] = [];
    const searchMs: number[] = [];
    for (const question of questions) {
      askMs.push((await timed(() => docent.ask(question)))[1]);
      searchMs.push((await timed(() => docent.search(question)))[1]);
    }

    const app = createApp(docent, { webAssets: await loadWebAssets() });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const httpMs: number[] = [];
    let failures = 0;
    let next = 0;
    const [, httpTotalMs] = await timed(async () => {
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (next < options.requests) {
            const question = questions[next++ % questions.length]!;
            const [response, ms] = await timed(() =>
              fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question }) }),
            );
            await response.arrayBuffer();
            if (!response.ok) failures++;
            httpMs.push(ms);
          }
        }),
      );
    });
    server.close();
    await fs.rm(indexDir, { recursive: true, force: true });

    const results = {
      machine: { cpus: os.cpus().length, node: process.version },
      corpus: config.corpusDir,
      embedding: embedder.info,
      modelLoadMs: Math.round(modelLoadMs),
      vocabularyWarmUpMs: Math.round(warmUpMs),
      indexing: {
        documents: cold.documents,
        chunks: cold.chunks,
        coldSeconds: Number((cold.totalMs / 1000).toFixed(2)),
        embedChunksPerSecond: Math.round(cold.embedded / (cold.embedMs / 1000)),
        cachedRebuildSeconds: Number((warm.totalMs / 1000).toFixed(2)),
        cachedRebuildEmbedded: warm.embedded,
      },
      inProcess: { ask: latency(askMs), search: latency(searchMs) },
      http: {
        requests: options.requests,
        concurrency: options.concurrency,
        failures,
        requestsPerSecond: Math.round(options.requests / (httpTotalMs / 1000)),
        latency: latency(httpMs),
      },
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    if (options.json) {
      console.log(JSON.stringify(results, null, 2));
      return;
    }
    const l = (x: Latency) => `p50 ${x.p50Ms} ms, p95 ${x.p95Ms} ms, p99 ${x.p99Ms} ms, mean ${x.meanMs} ms (n=${x.count})`;
    console.log(`Docent benchmark — ${results.machine.cpus} CPUs, Node ${results.machine.node}, model ${embedder.info.model} (${embedder.info.dimensions}d, loaded in ${results.modelLoadMs} ms)`);
    console.log(`Indexing  ${results.indexing.documents} documents → ${results.indexing.chunks} chunks in ${results.indexing.coldSeconds} s (${results.indexing.embedChunksPerSecond} chunks/s embedded); cached rebuild ${results.indexing.cachedRebuildSeconds} s, ${results.indexing.cachedRebuildEmbedded} embedded`);
    console.log(`Warm-up   corpus vocabulary embedded for word matching in ${results.vocabularyWarmUpMs} ms`);
    console.log(`ask       ${l(results.inProcess.ask)}`);
    console.log(`search    ${l(results.inProcess.search)}`);
    console.log(`HTTP ask  ${results.http.requestsPerSecond} req/s at concurrency ${results.http.concurrency}, ${results.http.failures} failures; ${l(results.http.latency)}`);
    console.log(`RSS       ${results.rssMiB} MiB`);
  });

await program.parseAsync();
