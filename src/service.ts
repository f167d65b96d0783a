import { DEFAULT_EXTRACTIVE_OPTIONS, ExtractiveAnswerer } from './answer/extractive.js';
import { LlmAnswerer, type FallbackReason, type LlmAnswer } from './answer/llm.js';
import { SentenceIndex } from './match/sentences.js';
import { SpanSentences } from './match/span-sentences.js';
import { TermSimilarity } from './match/term-similarity.js';
import { loadWordVectors, type WordVectorTable } from './match/word-vectors.js';
import type { Answer, Answerer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/types.js';
import { tokenize } from './match/analyzer.js';
import type { BuildOptions } from './index/build.js';
import { coalesced, ServedVersions } from './index/serving.js';
import { IndexMissingError, type CorpusIndex } from './index/store.js';
import { openIndexStorage } from './index/open-storage.js';
import type { IndexStorage } from './index/storage.js';
import { indexerUpdater, readerUpdater, type IndexUpdater, type UpdateResult } from './index/updater.js';
import type { ProgressListener } from './progress.js';
import { resolveFollowUp, type ChatTurn } from './retrieve/follow-up.js';
import { HybridRetriever } from './retrieve/hybrid.js';
import type { Passage, RetrieverMode } from './retrieve/types.js';
import { verifyAnswer, type AnswerVerification, type CheckedCitation } from './verify/answer.js';
import { CitationChecker } from './verify/checker.js';
import type { SpanRef, VerifyResult } from './verify/types.js';

/** What a streaming client sees, in this order: the passages, the answer text in pieces, the full result. */
export type AskEvent =
  | { type: 'passages'; passages: Passage[]; standaloneQuestion: string }
  | { type: 'delta'; text: string }
  | { type: 'done'; result: AskResult };

export interface AskOptions {
  topK?: number;
  /** Earlier turns of the conversation, oldest first; follow-ups are resolved against them. */
  history?: readonly ChatTurn[];
  /** Aborted when the client disconnects. */
  signal?: AbortSignal;
  onEvent?: (event: AskEvent) => void;
}

export interface AskResult extends Answer {
  /** Every citation carries `support`: how well its span supports the sentences that cite it (0–1). */
  citations: CheckedCitation[];
  /** The citation checker's verdict on each sentence of the answer; unsupported sentences are flagged. */
  verification: AnswerVerification;
  /** The question actually searched for: the question itself, or a follow-up resolved against the history. */
  standaloneQuestion: string;
  /** Which answerer produced the answer: `extractive`, or `llm` when an LLM is configured and its answer passed verification. */
  answerer: string;
  /** Set when an LLM is configured but its answer was replaced by the extractive one, and why. */
  fallbackReason?: FallbackReason;
  passages: Passage[];
  timings: { retrieveMs: number; answerMs: number; totalMs: number };
}

/** Whether the service is answering from a complete index, and which version. */
export interface ServiceStatus {
  /** starting: no version loaded yet (requests get 503); indexing: answering while the indexer builds a new version. */
  state: 'starting' | 'indexing' | 'ready';
  /** The id of the version served ('' while starting). */
  version: string;
}

/** What a refresh did: whether another version is served now, which, and (for the indexer) the build report. */
export interface RefreshResult extends UpdateResult {
  changed: boolean;
  version: string;
}

/** The whole pipeline behind one object: what the server, the CLI and the evaluator call. */
export interface Docent {
  readonly config: Config;
  readonly embedder: Embedder;
  /**
   * The index version of the running request (see `pin`), or the one served now. Throws
   * IndexNotReadyError while starting.
   */
  readonly index: CorpusIndex;
  readonly status: ServiceStatus;
  /** A reader never writes the index folder (READ_ONLY, cluster workers): it serves the versions an indexer publishes. */
  readonly readOnly: boolean;
  search(query: string, k?: number): Promise<Passage[]>;
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  /**
   * Checks a claim against the corpus (or, given `citations`, against exactly those spans).
   * Throws InvalidSpanError for a citation of an unknown source or outside its text.
   */
  verify(claim: string, options?: { citations?: readonly SpanRef[] }): Promise<VerifyResult>;
  /** Which answerer answers: `extractive`, or `llm` when LLM_BASE_URL and LLM_MODEL are set. */
  readonly answererName: string;
  /** The citation checker of the current version. */
  readonly checker: CitationChecker;
  /** The extractive answerer (also the LLM answerer's fallback). */
  readonly extractive: ExtractiveAnswerer;
  /**
   * Embeds the corpus vocabulary for word-level matching ahead of time, a batch at a time, so the
   * first questions are as fast as later ones. Optional: answers are correct without it.
   */
  warmUp(): Promise<void>;
  /** Serves `index` from the next request on; requests in progress finish on the version they started with. */
  swap(index: CorpusIndex): void;
  /** Runs `work` (a whole request) on the version served now, through every await, even if another is swapped in meanwhile. */
  pin<T>(work: () => T): T;
  /**
   * Brings the served version up to date and swaps the new one in: the indexer re-indexes the corpus
   * folder (only changed files are read); a reader loads the version CURRENT names, refusing (with
   * an error naming the file or model) one that is damaged or from another model, and keeps serving
   * its own. Concurrent calls share one run; a call during a run starts one more after it.
   */
  refresh(): Promise<RefreshResult>;
  /** Where the versions live (the INDEX_DIR folder or PostgreSQL); readers watch it for new ones. */
  readonly storage: IndexStorage;
  /** Releases the index storage (database connections). */
  close(): Promise<void>;
}

export interface OpenOptions {
  embedder: Embedder;
  /**
   * `if-stale` brings the index up to date (incrementally); `always` rebuilds it; `never` makes a
   * reader, which serves the current version as it is (or refuses it) and never writes — as does READ_ONLY.
   */
  reindex?: 'if-stale' | 'always' | 'never';
  retriever?: RetrieverMode;
  onProgress?: ProgressListener;
  /** Told why the index is being rebuilt from scratch. */
  onReindex?: (reason: string) => void;
}

const WARM_UP_BATCH = 256;

const round = (ms: number) => Math.round(ms * 100) / 100;

export function buildOptions(config: Config, extra: Partial<BuildOptions> = {}): BuildOptions {
  return {
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    chunkSize: config.chunkSize,
    chunkOverlap: config.chunkOverlap,
    batchSize: config.embedding.batchSize,
    keepVersions: config.index.keepVersions,
    hnsw: config.hnsw,
    ...extra,
  };
}

/** Opens the service with its index loaded (built or brought up to date first, unless it is a reader). */
export async function openDocent(config: Config, options: OpenOptions): Promise<Docent> {
  const docent = startDocent(config, options);
  await docent.refresh();
  if (!docent.status.version) throw new IndexMissingError(`No index in ${config.indexDir}: run \`npm run index\` first.`);
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
    const retriever = new HybridRetriever(index, embedder, mode, config.fusion);
    const sentences = new SpanSentences(new SentenceIndex(index));
    const checker = new CitationChecker({ index, similarity, sentences, search: (query, k) => retriever.retrieve(query, k) });
    const extractive = new ExtractiveAnswerer(index, similarity, DEFAULT_EXTRACTIVE_OPTIONS, sentences, checker);
    const answerer: Answerer = config.llm ? new LlmAnswerer({ settings: config.llm, index, checker, fallback: extractive }) : extractive;
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
      const words = new Set(versions.current.index.chunks.flatMap((chunk) => tokenize(chunk.text).map((token) => token.word)));
      const batch: string[] = [];
      for (const word of words) {
        batch.push(word);
        if (batch.length === WARM_UP_BATCH) {
          await similarity.prepare(batch.splice(0));
          // Let waiting requests run between batches.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await similarity.prepare(batch);
    },
    storage,
    close: () => storage.close(),
    async ask(question, { topK = config.topK, history, signal, onEvent } = {}) {
      const { index, retriever, answerer, checker } = versions.current;
      const startedAt = performance.now();
      const { standalone, passages } = await resolveFollowUp(question, history ?? [], {
        retrieve: (query) => retriever.retrieve(query, topK),
        idf: (term) => index.lexical.idf(term),
      });
      signal?.throwIfAborted();
      onEvent?.({ type: 'passages', passages, standaloneQuestion: standalone });
      const retrievedAt = performance.now();
      const answer: Answer & Partial<LlmAnswer> = await answerer.answer(standalone, passages, { signal, onDelta: (text) => onEvent?.({ type: 'delta', text }) });
      const { answerer: producedBy = answerer.name, fallbackReason, verification, ...plain } = answer;
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
