/**
 * An indexer process for fault tests: `node --import tsx tests/helpers/index-process.ts <corpus> <index> <delayMs>`
 * builds the index with the test embedder (slowed by delayMs per batch), printing each phase on stderr
 * and the version on stdout.
 */
import { buildIndex } from '../../src/index/build.js';
import { hashEmbedder } from './hash-embedder.js';

const [corpusDir, indexDir, delay] = process.argv.slice(2);
const inner = hashEmbedder();
const embedder = { ...inner, embedDocuments: async (texts: string[]) => (await new Promise((resolve) => setTimeout(resolve, Number(delay))), inner.embedDocuments(texts)) };
let phase = '';
const report = await buildIndex(embedder, {
  corpusDir: corpusDir!,
  indexDir: indexDir!,
  chunkSize: 800,
  chunkOverlap: 120,
  batchSize: 8,
  onProgress: (progress) => {
    if (progress.phase !== phase) console.error((phase = progress.phase));
  },
});
console.log(report.version);
