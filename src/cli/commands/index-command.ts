import { Command } from 'commander';
import { buildIndex, buildOptionsFor } from '../../index/build.js';
import { cliConfig, loadCliEmbedder } from '../open.js';
import { progressBar } from '../progress.js';

export const indexCommand = new Command('index')
  .description('(Re)build the index of the corpus folder; unchanged chunks reuse their cached vectors')
  .option('--corpus <dir>', 'index another corpus folder')
  .option('--json', 'print the result as JSON')
  .action(async (options: { corpus?: string; json?: boolean }) => {
    const config = cliConfig(options.corpus);
    const progress = progressBar(!options.json);
    const embedder = await loadCliEmbedder(config, progress);
    const report = await buildIndex(embedder, { ...buildOptionsFor(config), onProgress: progress }).finally(() => progress.stop());
    const summary = {
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      documents: report.documents,
      chunks: report.chunks,
      embedded: report.embedded,
      reusedFromCache: report.chunks - report.embedded,
      embedSeconds: Number((report.embedMs / 1000).toFixed(3)),
      chunksPerSecond: report.embedded === 0 ? null : Math.round(report.embedded / (report.embedMs / 1000)),
      totalSeconds: Number((report.totalMs / 1000).toFixed(3)),
      embedding: embedder.info,
    };
    if (options.json) {
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    console.log(`Indexed ${summary.documents} documents into ${summary.chunks} chunks in ${summary.totalSeconds} s → ${summary.indexDir}`);
    console.log(
      `Embedding model ${embedder.info.model} (${embedder.info.dimensions} dimensions): ${summary.embedded} chunks embedded` +
        (summary.chunksPerSecond === null ? '' : ` at ${summary.chunksPerSecond} chunks/s`) +
        `, ${summary.reusedFromCache} reused from the cache`,
    );
  });
