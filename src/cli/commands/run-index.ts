import { buildIndex } from '../../index/build.js';
import { buildOptions } from '../../index/build-options.js';
import { openIndexStorage } from '../../index/open-storage.js';
import { describeBuild } from '../index-updates.js';
import { cliConfig, deferCliEmbedder } from '../open.js';
import { progressBar } from '../progress.js';

export interface IndexCommandOptions {
  corpus?: string;
  full?: boolean;
  publish?: string;
  json?: boolean;
}

/** `docent index`'s work, loaded only by that command (index-command.ts defines its options): the CLI's other commands (serve's workers above all) do not build. */
export async function runIndex(options: IndexCommandOptions) {
  const config = cliConfig(options.corpus, options.publish);
  const progress = progressBar(!options.json);
  // Loaded only when there is something to embed: checking an up-to-date index costs no model.
  const embedder = deferCliEmbedder(config, progress);
  const storage = openIndexStorage(config);
  const report = await buildIndex(
    embedder,
    buildOptions(config, {
      storage,
      mode: options.full ? 'always' : 'incremental',
      onProgress: progress,
      onRebuild: (reason) => !options.json && console.error(`Indexing ${config.corpusDir} from scratch (${reason})…`),
    }),
  ).finally(() => {
    progress.stop();
    return storage.close();
  });
  const summary = {
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    store: storage.location,
    version: report.version,
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
    embedding: report.embedding,
  };
  if (options.json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(
    report.changed
      ? `Indexed ${describeBuild(report)} → version ${summary.version}${options.publish ? `, published in ${config.indexDir}` : ''}`
      : `Index is up to date: ${summary.documents} documents, ${summary.chunks} chunks (version ${summary.version}, checked in ${summary.totalSeconds} s)`,
  );
  if (report.embedded > 0) console.log(`Embedding model ${report.embedding.model} (${report.embedding.dimensions} dimensions): ${summary.embedded} chunks embedded at ${summary.chunksPerSecond} chunks/s`);
  for (const failure of report.failures) console.log(`  skipped ${failure.source}: ${failure.reason}`);
}
