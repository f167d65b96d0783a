/**
 * `npm run bench`: retrieval beside MiniSearch, Orama and exact vector search on SQuAD, then Docent at
 * 1k, 10k and 100k chunks of real documentation found on this machine (index time, chunks/s, index
 * size, start-up, memory, answer latency in process and over HTTP, requests/s at 1 and N workers).
 * `--quick` is a smoke test. Results go to bench-results/ as JSON and an HTML page with charts.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/load.js';
import { openDocent } from '../src/service.js';
import { buildCorpora } from './corpora.js';
import { comparePeers } from './peers.js';
import { questionsFrom } from './questions.js';
import { htmlReport, textTable, type BenchResults } from './report.js';
import { defaultWorkers, measureCorpus } from './scale.js';

interface BenchOptions {
  sizes: string;
  out: string;
  squad: string;
  requests: number;
  warmupRequests: number;
  concurrency: number;
  quick?: boolean;
  peers: boolean;
  json?: boolean;
}

const program = new Command('bench')
  .option('--sizes <list>', 'corpus sizes, in chunks', '1000,10000,100000')
  .option('--out <dir>', 'where corpora, indexes and results go (git-ignored)', 'bench-results')
  .option('--squad <dir>', 'the SQuAD eval folder (corpus/ and questions.jsonl)', '../shared/eval/squad')
  .option('--requests <n>', 'HTTP requests per load test', (v) => Number.parseInt(v, 10), 2000)
  .option('--warmup-requests <n>', 'HTTP requests sent to a fresh server before each load test (reported apart as its cold start)', (v) => Number.parseInt(v, 10), 2000)
  .option('--concurrency <n>', 'HTTP requests in flight', (v) => Number.parseInt(v, 10), 32)
  .option('--no-peers', 'skip the comparison with MiniSearch, Orama and exact search')
  .option('--quick', 'smoke test: 1k chunks, 200 requests')
  .option('--json', 'print the results as JSON')
  .action(async (options: BenchOptions) => {
    if (options.quick) Object.assign(options, { sizes: '1000', requests: 200, warmupRequests: 100 });
    const out = path.resolve(options.out);
    const workDir = path.join(out, 'work');
    await fs.mkdir(workDir, { recursive: true });
    const log = (line: string) => !options.json && console.error(line);
    const sizes = options.sizes.split(',').map(Number);
    log(`Building corpora of ${sizes.join(', ')} chunks from the documentation on this machine…`);
    const corpora = await buildCorpora(path.join(out, 'corpora'), sizes, loadConfig());

    const results: BenchResults = {
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
      startedAt: new Date().toISOString(),
      mode: options.quick ? 'quick' : 'full',
      scale: [],
    };
    // Written after every step, so a long run that is stopped keeps what it measured.
    const save = async () => {
      await fs.writeFile(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
      await fs.writeFile(path.join(out, 'index.html'), htmlReport(results));
    };
    if (options.peers) {
      log('Retrieval beside MiniSearch, Orama and exact search on SQuAD…');
      const squad = path.resolve(options.squad);
      const config = loadConfig({ ...process.env, CORPUS_DIR: path.join(squad, 'corpus'), INDEX_DIR: path.join(workDir, 'index-squad') });
      const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
      const docent = await openDocent(config, { embedder });
      results.peers = await comparePeers(docent, path.join(squad, 'questions.jsonl'));
      await save();
    }
    for (const size of sizes) {
      const corpus = corpora.get(size)!;
      log(`${size} chunks (${corpus.documents} documents from ${corpus.sources.join(', ')}):`);
      const questions = await questionsFrom(corpus.dir, options.quick ? 50 : 200);
      results.scale.push(await measureCorpus(size, corpus, { workDir, questions, requests: options.requests, warmupRequests: options.warmupRequests, concurrency: options.concurrency, workers: defaultWorkers() }, log));
      await save();
    }
    if (options.json) console.log(JSON.stringify(results, null, 2));
    else console.log(`${textTable(results)}\n\nWritten: ${path.join(out, 'results.json')}, ${path.join(out, 'index.html')}`);
  });

await program.parseAsync();
