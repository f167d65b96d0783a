import { Command } from 'commander';
import { openFromCli } from '../open.js';

export const indexCommand = new Command('index')
  .description('(Re)build the index of the corpus folder')
  .option('--corpus <dir>', 'index another corpus folder')
  .option('--json', 'print the result as JSON')
  .action(async (options: { corpus?: string; json?: boolean }) => {
    const startedAt = performance.now();
    const docent = await openFromCli({ verbose: !options.json, reindex: 'always', corpus: options.corpus });
    const summary = {
      corpusDir: docent.config.corpusDir,
      indexDir: docent.config.indexDir,
      documents: docent.index.documents.size,
      chunks: docent.index.chunks.length,
      embedding: docent.embedder.info,
      seconds: Number(((performance.now() - startedAt) / 1000).toFixed(2)),
    };
    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else
      console.log(
        `Indexed ${summary.documents} documents into ${summary.chunks} chunks with ${summary.embedding.model} ` +
          `(${summary.embedding.dimensions} dimensions) in ${summary.seconds} s → ${summary.indexDir}`,
      );
  });
