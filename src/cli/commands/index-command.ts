import { Command } from 'commander';
import { buildIndex } from '../../index/build.js';
import { buildOptions } from '../../service.js';
import { cliConfig, loadCliEmbedder } from '../open.js';
import { progressBar } from '../progress.js';

export const indexCommand = new Command('index')
  .description('Bring the index of the corpus folder up to date: only added or changed files are read and embedded')
  .option('--corpus <dir>', 'index another corpus folder')
  .option('--full', 're-read and re-chunk every file (vectors still come from the embedding cache)')
  .option('--json', 'print the result as JSON')
  .action(async (options: { corpus?: string; full?: boolean; json?: boolean }) => {
    const config = cliConfig(options.corpus);
    const progress = progressBar(!options.json);
    const embedder = await loadCliEmbedder(config, progress);
    const report = await buildIndex(
      embedder,
      buildOptions(config, {
        mode: options.full ? 'always' : 'incremental',
        onProgress: progress,
        onRebuild: (reason) => !options.json && console.error(`Indexing ${config.corpusDir} from scratch (${reason})…`),
      }),
    ).finally(() => progress.stop());
    const summary = {
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      version: report.index.version,
      changed: report.changed,
      documents: report.documents,
      chunks: report.chunks,
      added: report.added,
      updated: report.updated,
      removed: report.removed,
      failures: report.failures,
      embedded: report.embedded,
      embedSeconds: Number((report.embedMs / 1000).toFixed(3)),
      chunksPerSecond: report.embedded === 0 ? null : Math.round(report.embedded / (report.embedMs / 1000)),
      totalSeconds: Number((report.totalMs / 1000).toFixed(3)),
      embedding: embedder.info,
    };
    if (options.json) {
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    const files = (list: string[], verb: string) => (list.length ? `${list.length} ${verb}` : undefined);
    const changes = [files(report.added, 'added'), files(report.updated, 'changed'), files(report.removed, 'removed')].filter(Boolean).join(', ');
    console.log(
      report.changed
        ? `Indexed ${summary.documents} documents into ${summary.chunks} chunks in ${summary.totalSeconds} s (${changes || 'rebuilt'}) → version ${summary.version}`
        : `Index is up to date: ${summary.documents} documents, ${summary.chunks} chunks (version ${summary.version}, checked in ${summary.totalSeconds} s)`,
    );
    if (report.embedded > 0) console.log(`Embedding model ${embedder.info.model} (${embedder.info.dimensions} dimensions): ${summary.embedded} chunks embedded at ${summary.chunksPerSecond} chunks/s`);
    for (const failure of report.failures) console.log(`  skipped ${failure.source}: ${failure.reason}`);
  });
