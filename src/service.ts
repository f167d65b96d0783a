import { DEFAULT_EXTRACTIVE_OPTIONS, ExtractiveAnswerer } from './answer/extractive.js';
import { SentenceIndex } from './match/sentences.js';
import { LlmAnswerer, type FallbackReason, type LlmAnswer } from './answer/llm.js';
import { TermSimilarity } from './match/term-similarity.js';
import type { Answer, Answerer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/types.js';
import { tokenize } from './match/analyzer.js';
import { buildIndex, buildOptionsFor, staleReason } from './index/build.js';
import { loadCorpus } from './ingest/corpus.js';
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

/** The whole pipeline behind one object: what the server, the CLI and the evaluator call. */
export interface Docent {
  readonly config: Config;
  readonly embedder: Embedder;
  readonly index: CorpusIndex;
  search(query: string, k?: number): Promise<Passage[]>;
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  /**
   * Checks a claim against the corpus (or, given `citations`, against exactly those spans).
   * Throws InvalidSpanError for a citation of an unknown source or outside its text.
   */
  verify(claim: string, options?: { citations?: readonly SpanRef[] }): Promise<VerifyResult>;
  /** Which answerer answers: `extractive`, or `llm` when LLM_BASE_URL and LLM_MODEL are set. */
  readonly answererName: string;
  /** The citation checker behind `verify` and the checks of every answer. */
  readonly checker: CitationChecker;
  /**
   * Embeds the corpus vocabulary for word-level matching ahead of time, a batch at a time, so the
   * first questions are as fast as later ones. Optional: answers are correct without it.
   */
  warmUp(): Promise<void>;
}

export interface OpenOptions {
  embedder: Embedder;
  /** `if-stale` rebuilds when the corpus, chunking or model changed; `never` refuses a stale or foreign index. */
  reindex?: 'if-stale' | 'always' | 'never';
  retriever?: RetrieverMode;
  onProgress?: ProgressListener;
  /** Told why the index is being rebuilt. */
  onReindex?: (reason: string) => void;
}

const WARM_UP_BATCH = 256;

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function openDocent(config: Config, options: OpenOptions): Promise<Docent> {
  const { embedder, reindex = 'if-stale' } = options;
  const buildOptions = { ...buildOptionsFor(config), onProgress: options.onProgress };
  // Read (and hash) the corpus once, for both the staleness check and a rebuild.
  const sources = reindex === 'never' ? undefined : await loadCorpus(config.corpusDir);
  const reason = reindex === 'always' ? 're-index requested' : reindex === 'if-stale' ? await staleReason(embedder, buildOptions, sources) : undefined;
  let index: CorpusIndex;
  if (reason) {
    options.onReindex?.(reason);
    index = (await buildIndex(embedder, { ...buildOptions, sources })).index;
  } else {
    index = await readIndex(config.indexDir, embedder.info);
  }
  return createDocent(config, embedder, index, options.retriever);
}

export function createDocent(config: Config, embedder: Embedder, index: CorpusIndex, mode: RetrieverMode = 'hybrid'): Docent {
  index.vectors.efSearch = config.hnsw.efSearch;
  const retriever = new HybridRetriever(index, embedder, mode, config.fusion);
  const similarity = new TermSimilarity(embedder);
  const sentences = new SentenceIndex(index.documents);
  const checker = new CitationChecker({ index, similarity, sentences, search: (query, k) => retriever.retrieve(query, k) });
  const extractive: Answerer = new ExtractiveAnswerer(index, similarity, DEFAULT_EXTRACTIVE_OPTIONS, sentences);
  const answerer: Answerer = config.llm ? new LlmAnswerer({ settings: config.llm, index, checker, fallback: extractive }) : extractive;
  return {
    config,
    embedder,
    index,
    answererName: answerer.name,
    checker,
    search: (query, k = config.topK) => retriever.retrieve(query, k),
    verify: (claim, { citations } = {}) => checker.verify(claim, { citations }),
    async warmUp() {
      const words = new Set(index.chunks.flatMap((chunk) => tokenize(chunk.text).map((token) => token.word)));
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
}
