import cluster from 'node:cluster';
import os from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../config.js';

export const serveCommand = new Command('serve')
  .description('Serve the chat page and API, indexing the corpus when stale and re-indexing when it changes (WATCH); READ_ONLY follows a published index')
  .action(async () => {
    const config = loadConfig();
    if (cluster.isWorker) return (await import('../serve-process.js')).runWorker(config);
    const workers = config.workers === 0 ? os.availableParallelism() : config.workers;
    if (workers <= 1) return (await import('../serve-process.js')).runSingle(config);
    return (await import('../cluster.js')).runPrimary(config, workers);
  });
