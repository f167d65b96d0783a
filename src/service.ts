import { DEFAULT_EXTRACTIVE_OPTIONS, ExtractiveAnswerer } from './answer/extractive.js';
import { SentenceIndex } from './match/sentences.js';
import { LlmAnswerer, type FallbackReason, type LlmAnswer } from './answer/llm.js';
import { TermSimilarity } from './match/term-similarity.js';
import type { Answer, Answerer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/types.js';
import { tokenize } from './match/analyzer.js';
import { buildIndex, type BuildOptions, type BuildReport } from './index/build.js';
import { readIndex, type CorpusIndex } from './index/store.js';
import type { ProgressListener } from './progress.js';
import { standaloneQuestion, type ChatTurn } from './retrieve/follow-up.js';
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
  state: 'starting' | 'indexing' | 'ready';
  version: string;
}

/** The whole pipeline behind one object: what the server, the CLI and the evaluator call. */
export interface Docent {
  readonly config: Config;
  readonly embedder: Embedder;
  /** The index version being served now; a request keeps the version it started with. */
  readonly index: CorpusIndex;
  readonly status: ServiceStatus;
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
  /**
   * Embeds the corpus vocabulary for word-level matching ahead of time, a batch at a time, so the
   * first questions are as fast as later ones. Optional: answers are correct without it.
   */
  warmUp(): Promise<void>;
  /** Serves `index` from the next request on; requests in progress finish on the version they started with. */
  swap(index: CorpusIndex): void;
  /**
   * Brings the index up to date with the corpus folder (only changed files are read) and swaps the
   * new version in. Concurrent calls share one run; a call during a run starts one more after it.
   */
  refresh(): Promise<BuildReport>;
}

export interface OpenOptions {
  embedder: Embedder;
  /** `if-stale` brings the index up to date (incrementally); `always` rebuilds it; `never` serves the current version as it is, or refuses. */
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
    hnsw: config.hnsw,
    ...extra,
  };
}

export async function openDocent(config: Config, options: OpenOptions): Promise<Docent> {
  const { embedder, reindex = 'if-stale' } = options;
  const index =
    reindex === 'never'
      ? await readIndex(config.indexDir, embedder.info)
      : (await buildIndex(embedder, buildOptions(config, { mode: reindex === 'always' ? 'always' : 'incremental', onProgress: options.onProgress, onRebuild: options.onReindex }))).index;
  return createDocent(config, embedder, index, options.retriever);
}

/** The components that answer from one index version. */
interface Engine {
  index: CorpusIndex;
  retriever: HybridRetriever;
  checker: CitationChecker;
  answerer: Answerer;
}

export function createDocent(config: Config, embedder: Embedder, initial: CorpusIndex, mode: RetrieverMode = 'hybrid'): Docent {
  // Word vectors do not depend on the index: one cache serves every version.
  const similarity = new TermSimilarity(embedder);
  const engineFor = (index: CorpusIndex): Engine => {
    index.vectors.efSearch = config.hnsw.efSearch;
    const retriever = new HybridRetriever(index, embedder, mode, config.fusion);
    const sentences = new SentenceIndex(index);
    const checker = new CitationChecker({ index, similarity, sentences, search: (query, k) => retriever.retrieve(query, k) });
    const extractive: Answerer = new ExtractiveAnswerer(index, similarity, DEFAULT_EXTRACTIVE_OPTIONS, sentences);
    const answerer: Answerer = config.llm ? new LlmAnswerer({ settings: config.llm, index, checker, fallback: extractive }) : extractive;
    return { index, retriever, checker, answerer };
  };
  let engine = engineFor(initial);
  let state: ServiceStatus['state'] = 'ready';
  let running: Promise<BuildReport> | undefined;
  let again: Promise<BuildReport> | undefined;
  const refreshOnce = async (): Promise<BuildReport> => {
    state = 'indexing';
    try {
      const report = await buildIndex(embedder, buildOptions(config));
      if (report.changed) docent.swap(report.index);
      return report;
    } finally {
      state = 'ready';
    }
  };
  const docent: Docent = {
    config,
    embedder,
    get index() {
      return engine.index;
    },
    get status() {
      return { state, version: engine.index.version };
    },
    get answererName() {
      return engine.answerer.name;
    },
    get checker() {
      return engine.checker;
    },
    search: (query, k = config.topK) => engine.retriever.retrieve(query, k),
    verify: (claim, { citations } = {}) => engine.checker.verify(claim, { citations }),
    swap(index) {
      engine = engineFor(index);
    },
    refresh() {
      if (!running) {
        running = refreshOnce().finally(() => (running = undefined));
        return running;
      }
      // Changes seen during a run may have been missed by it: one more run after it covers them all.
      again ??= running.catch(() => undefined).then(() => {
        again = undefined;
        return docent.refresh();
      });
      return again;
    },
    async warmUp() {
      const words = new Set(engine.index.chunks.flatMap((chunk) => tokenize(chunk.text).map((token) => token.word)));
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
    async ask(question, { topK = config.topK, history, signal, onEvent } = {}) {
      const { retriever, answerer, checker } = engine;
      const startedAt = performance.now();
      const standalone = standaloneQuestion(question, history);
      const passages = await retriever.retrieve(standalone, topK);
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
