import cluster from 'node:cluster';
import os from 'node:os';
import { Command } from 'commander';
import type { Config } from '../../config.js';
import { createApp } from '../../server/app.js';
import { listen } from '../../server/lifecycle.js';
import { loadWebAssets } from '../../server/web-assets.js';
import type { Docent } from '../../service.js';
import { cliConfig, openFromCli } from '../open.js';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Runs `onSignal` once on the first SIGTERM/SIGINT; later signals are ignored while it drains. */
function onShutdownSignal(onSignal: (signal: string) => Promise<void>) {
  let started = false;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      void onSignal(signal).finally(() => process.exit(0));
    });
  }
}

/** One serving process: the API and chat page over `docent`, draining in-flight requests on shutdown. */
async function serveDocent(docent: Docent, announce: boolean) {
  const app = createApp(docent, { webAssets: await loadWebAssets() });
  const running = await listen(app.fetch, docent.config);
  const { host } = docent.config;
  if (announce) console.log(`Docent is serving ${docent.index.documents.size} documents (${docent.index.chunks.length} chunks) at http://${host}:${running.port}/`);
  void docent.warmUp().catch((error: unknown) => console.error('docent: warm-up failed (answers are unaffected):', error));
  onShutdownSignal(async () => {
    const finished = await running.shutdown();
    if (!finished) console.error(`docent: closed requests still running after SHUTDOWN_TIMEOUT_MS (${docent.config.limits.shutdownTimeoutMs} ms)`);
  });
}

/**
 * The primary of a cluster: brings the index up to date once, then forks the workers that serve it
 * (they share the port; the kernel spreads connections). A worker that dies is replaced; on
 * SIGTERM/SIGINT every worker drains, then the primary exits 0.
 */
async function runPrimary(config: Config, workers: number) {
  const docent = await openFromCli({ verbose: true });
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`docent: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) {
      console.log(`Docent is serving ${docent.index.documents.size} documents (${docent.index.chunks.length} chunks) at http://${config.host}:${address.port}/ with ${workers} workers`);
    }
  });
  for (let i = 0; i < workers; i++) fork();
  onShutdownSignal(async () => {
    stopping = true;
    const exits = Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (!worker || worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  });
}

export const serveCommand = new Command('serve')
  .description('Index the corpus if missing or stale, then serve the chat page and API (WORKERS processes)')
  .action(async () => {
    if (cluster.isWorker) {
      // The primary brought the index up to date: a worker only reads it.
      await serveDocent(await openFromCli({ verbose: false, reindex: 'never' }), false);
      return;
    }
    const config = cliConfig();
    const workers = config.workers === 0 ? os.availableParallelism() : config.workers;
    if (workers <= 1) await serveDocent(await openFromCli({ verbose: true }), true);
    else await runPrimary(config, workers);
  });
