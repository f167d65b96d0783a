import { Command } from 'commander';
import type { IndexCommandOptions } from './run-index.js';

export const indexCommand = new Command('index')
  .description('Bring the index of the corpus folder up to date: only added or changed files are read and embedded')
  .option('--corpus <dir>', 'index another corpus folder')
  .option('--full', 're-read and re-chunk every file (vectors still come from the embedding cache)')
  .option('--publish <dir>', 'write the index into <dir> (a folder READ_ONLY servers serve, e.g. on shared storage) and switch its CURRENT pointer')
  .option('--json', 'print the result as JSON')
  .action(async (options: IndexCommandOptions) => (await import('./run-index.js')).runIndex(options));
