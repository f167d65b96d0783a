import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DEFAULT_EXTRACTIVE_OPTIONS, ExtractiveAnswerer } from './answer/extractive.js';
import type { LlmAnswer, LlmAnswererOptions } from './answer/llm.js';
import { preloadTables } from './match/preload-tables.js';
import { SentenceIndex } from './match/sentences.js';
import { SpanSentences } from './match/span-sentences.js';
import { TermSimilarity, VECTOR_GENERATION_WORDS } from './match/term-similarity.js';
import { loadWordVectors, type WordVectorTable } from './match/word-vectors.js';
import type { Answer, Answerer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/types.js';
import { tokenize } from './match/analyzer.js';
import { warmUpQuestions } from './warm-up-questions.js';
import { buildOptions } from './index/build-options.js';
import { coalesced, ServedVersions } from './index/serving.js';
import { IndexMissingError, type CorpusIndex } from './index/store.js';
import { openIndexStorage } from './index/open-storage.js';
import type { IndexStorage } from './index/storage.js';
import { indexerUpdater, readerUpdater, type IndexUpdater } from './index/updater.js';
import { resolveFollowUp } from './retrieve/follow-up.js';
import { answerInConversation } from './service-follow-up.js';
import { HybridRetriever } from './retrieve/hybrid.js';
import type { RetrieverMode } from './retrieve/types.js';
import { verifyAnswer, type CheckedCitation } from './verify/answer.js';
import { CitationChecker } from './verify/checker.js';
import type { AskResult, Docent, OpenOptions, RefreshResult, ServiceStatus } from './service-types.js';

export type { AskEvent, AskOptions, AskResult, Docent, OpenOptions, RefreshResult, ServiceStatus } from './service-types.js';

/**
 * Words embedded per call of the warm-up. At 100k chunks batches of 256 left a worker 86–100 MiB
 * larger once warm (RSS after the warm-up, in process and served) for the same word vectors (then 20,000):
 * larger ONNX Runtime runs, and the plain-word trie that calls of 256 texts or more build
 * (static-model.ts). Smaller batches cost no more CPU than the run-to-run spread (2.9–3.6 s).
 */
const WARM_UP_BATCH = 64;
/** Chunks tokenized between two yields of the warm-up. */
const WARM_UP_CHUNKS = 64;

const round = (ms: number) => Math.round(ms * 100) / 100;

export { buildOptions };

/** Opens the service with its index loaded (built or brought up to date first, unless it is a reader). */
export async function openDocent(config: Config, options: OpenOptions): Promise<Docent> {
  const docent = startDocent(config, options);
  try {
    await docent.refresh();
    if (!docent.status.version) throw new IndexMissingError(`No index in ${config.indexDir}: run \`npm run index\` first.`);
  } catch (error) {
    // Nobody else can close it: the files and connections it opened go with the error.
    await docent.close();
    throw error;
  }
  return docent;
}

/**
 * The service before its index is loaded (`status.state` is `starting`): a server can listen and
 * answer health checks at once, while the first `refresh()` builds or loads the index.
 */
export function startDocent(config: Config, options: OpenOptions): Docent {
  const { embedder, reindex = 'if-stale' } = options;
  const readOnly = reindex === 'never' || config.readOnly;
  const storage = openIndexStorage(config);
  const updater = readOnly
    ? readerUpdater(storage, embedder.info)
    : indexerUpdater(embedder, buildOptions(config, { storage, mode: reindex === 'always' ? 'always' : 'incremental', onProgress: options.onProgress, onRebuild: options.onReindex }));
  const wordVectors = config.wordMeaning === 'wordnet' ? undefined : () => loadWordVectors(config.modelsDir, options.onProgress);
  return serviceOver(config, embedder, { storage, updater, readOnly, mode: options.retriever, wordVectors });
}

/** The service over an index already in memory (benchmarks, tools); refresh re-indexes the corpus folder. */
export function createDocent(config: Config, embedder: Embedder, initial: CorpusIndex, mode: RetrieverMode = 'hybrid', wordVectors?: WordVectorTable): Docent {
  const storage = openIndexStorage(config);
  const docent = serviceOver(config, embedder, { storage, updater: indexerUpdater(embedder, buildOptions(config, { storage })), readOnly: false, mode, wordVectors });
  docent.swap(initial);
  return docent;
}

/**
 * The LLM answerer, its module (LangChain) loaded on the first question: loading it costs start-up
 * time and memory that a server without LLM_BASE_URL never needs.
 */
function lazyLlmAnswerer(options: LlmAnswererOptions): Answerer {
  let loaded: Promise<Answerer> | undefined;
  return {
    name: 'llm',
    async answer(question, passages, answerOptions) {
      loaded ??= import('./answer/llm.js').then(({ LlmAnswerer }) => new LlmAnswerer(options));
      return (await loaded).answer(question, passages, answerOptions);
    },
  };
}

/** The components that answer from one index version. */
interface Engine {
  index: CorpusIndex;
  retriever: HybridRetriever;
  checker: CitationChecker;
  extractive: ExtractiveAnswerer;
  answerer: Answerer;
}

function serviceOver(
  config: Config,
  embedder: Embedder,
  options: {
    storage: IndexStorage;
    updater: IndexUpdater;
    readOnly: boolean;
    mode?: RetrieverMode;
    /** GloVe word vectors (WORD_MEANING glove or both): the table, or how to load it before the first version is served. */
    wordVectors?: WordVectorTable | (() => Promise<WordVectorTable>);
  },
): Docent {
  const { storage, updater, readOnly, mode = 'hybrid' } = options;
  // Word vectors do not depend on the index: one table and one cache serve every version.
  const similarityOver = (vectors: WordVectorTable | undefined) => new TermSimilarity(embedder, vectors, vectors ? config.wordMeaning : 'wordnet');
  let similarity = similarityOver(typeof options.wordVectors === 'function' ? undefined : options.wordVectors);
  let loadVectors = typeof options.wordVectors === 'function' ? options.wordVectors : undefined;
  const engineFor = (index: CorpusIndex): Engine => {
    const retriever = new HybridRetriever(index, embedder, mode, config.fusion, config.queryExpansion ? similarity : undefined);
    const sentences = new SpanSentences(new SentenceIndex(index));
    const checker = new CitationChecker({ index, similarity, sentences, search: (query, k) => retriever.retrieve(query, k) });
    const extractive = new ExtractiveAnswerer(index, similarity, DEFAULT_EXTRACTIVE_OPTIONS, sentences, checker);
    const answerer: Answerer = config.llm ? lazyLlmAnswerer({ settings: config.llm, index, checker, fallback: extractive }) : extractive;
    return { index, retriever, checker, extractive, answerer };
  };
  const versions = new ServedVersions(engineFor);
  const refresh = coalesced(async (): Promise<RefreshResult> => {
    if (loadVectors) {
      const load = loadVectors;
      loadVectors = undefined;
      similarity = similarityOver(await load());
    }
    const result = await updater(versions.version);
    if (result.index) versions.swap(result.index);
    return { ...result, changed: result.index !== undefined, version: versions.version };
  });
  const docent: Docent = {
    config,
    embedder,
    readOnly,
    get index() {
      return versions.current.index;
    },
    get status() {
      const state: ServiceStatus['state'] = !versions.ready ? 'starting' : refresh.running && !readOnly ? 'indexing' : 'ready';
      return { state, version: versions.version };
    },
    get answererName() {
      return versions.current.answerer.name;
    },
    get checker() {
      return versions.current.checker;
    },
    get extractive() {
      return versions.current.extractive;
    },
    search: (query, k = config.topK) => versions.current.retriever.retrieve(query, k),
    verify: (claim, { citations } = {}) => versions.current.checker.verify(claim, { citations }),
    swap: (index) => versions.swap(index),
    pin: (work) => versions.pin(work),
    refresh,
    async warmUp() {
      await preloadTables(yieldToEventLoop);
      // Chunk by chunk, yielding between batches: on a large corpus this runs for seconds while requests are served.
      const seen = new Set<string>();
      let batch: string[] = [];
      for (const [i, chunk] of versions.current.index.chunks.entries()) {
        // Past what the vector cache holds, warming would only push out what it warmed (a large corpus's vocabulary).
        if (seen.size >= VECTOR_GENERATION_WORDS) break;
        for (const { word } of tokenize(chunk.text)) if (!seen.has(word)) seen.add(word), batch.push(word);
        if (batch.length >= WARM_UP_BATCH) {
          await similarity.prepare(batch);
          batch = [];
        }
        if (i % WARM_UP_CHUNKS === WARM_UP_CHUNKS - 1) await yieldToEventLoop();
      }
      await similarity.prepare(batch);
      // A fresh worker's first questions cost several times a later one's while V8 compiles the answering path: pay that here
      // (not with an LLM answerer, where each would be a model call).
      if (!config.llm) for (const question of warmUpQuestions(versions.current.index)) await docent.ask(question);
    },
    storage,
    close: () => storage.close(),
    async ask(question, { topK = config.topK, history, signal, onEvent } = {}) {
      const { index, retriever, answerer, checker } = versions.current;
      const startedAt = performance.now();
      const resolution = await resolveFollowUp(question, history ?? [], {
        retrieve: (query) => retriever.retrieve(query, topK),
        idf: (term) => index.lexical.idf(term),
        similarity,
      });
      // Between the CPU-heavy stages, let waiting requests (a health check) run: no single block spans the whole question.
      await yieldToEventLoop();
      signal?.throwIfAborted();
      const retrievedAt = performance.now();
      const answered = await answerInConversation(answerer, resolution, {
        signal,
        onResolved: (reading) => onEvent?.({ type: 'passages', passages: reading.passages, standaloneQuestion: reading.standalone }),
        onDelta: (text) => onEvent?.({ type: 'delta', text }),
      });
      const { standalone, passages } = answered.resolution;
      const answer: Answer & Partial<LlmAnswer> = answered.answer;
      const { answerer: producedBy = answerer.name, fallbackReason, verification, ...plain } = answer;
      await yieldToEventLoop();
      // Every answer goes through the checker: the LLM answerer verifies its own, the extractive one is checked here.
      const verified = verification ? { ...plain, citations: plain.citations as CheckedCitation[], verification } : await verifyAnswer(checker, plain, passages);
      const answeredAt = performance.now();
      const result: AskResult = {
        ...verified,
        standaloneQuestion: standalone,
        answerer: producedBy,
        ...(fallbackReason ? { fallbackReason } : {}),
        passages,
        timings: { retrieveMs: round(retrievedAt - startedAt), answerMs: round(answeredAt - retrievedAt), totalMs: round(answeredAt - startedAt) },
      };
      onEvent?.({ type: 'done', result });
      return result;
    },
  };
  return docent;
}
