import { ExtractiveAnswerer } from './answer/extractive.js';
import { TermSimilarity } from './answer/term-similarity.js';
import type { Answer, Answerer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/types.js';
import { buildIndex, staleReason } from './index/build.js';
import { readIndex, type CorpusIndex } from './index/store.js';
import type { ProgressListener } from './progress.js';
import { standaloneQuestion, type ChatTurn } from './retrieve/follow-up.js';
import { HybridRetriever } from './retrieve/hybrid.js';
import type { Passage, RetrieverMode } from './retrieve/types.js';

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
  /** The question actually searched for: the question itself, or a follow-up resolved against the history. */
  standaloneQuestion: string;
  /** Which answerer produced the answer. */
  answerer: string;
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

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function openDocent(config: Config, options: OpenOptions): Promise<Docent> {
  const { embedder, reindex = 'if-stale' } = options;
  const buildOptions = {
    corpusDir: config.corpusDir,
    indexDir: config.indexDir,
    chunkSize: config.chunkSize,
    chunkOverlap: config.chunkOverlap,
    batchSize: config.embedding.batchSize,
    onProgress: options.onProgress,
  };
  const reason = reindex === 'always' ? 're-index requested' : reindex === 'if-stale' ? await staleReason(embedder, buildOptions) : undefined;
  let index: CorpusIndex;
  if (reason) {
    options.onReindex?.(reason);
    index = (await buildIndex(embedder, buildOptions)).index;
  } else {
    index = await readIndex(config.indexDir, embedder.info);
  }
  return createDocent(config, embedder, index, options.retriever);
}

export function createDocent(config: Config, embedder: Embedder, index: CorpusIndex, mode: RetrieverMode = 'hybrid'): Docent {
  const retriever = new HybridRetriever(index, embedder, mode);
  const answerer: Answerer = new ExtractiveAnswerer(index, new TermSimilarity(embedder));
  return {
    config,
    embedder,
    index,
    search: (query, k = config.topK) => retriever.retrieve(query, k),
    async ask(question, { topK = config.topK, history, signal, onEvent } = {}) {
      const startedAt = performance.now();
      const standalone = standaloneQuestion(question, history);
      const passages = await retriever.retrieve(standalone, topK);
      signal?.throwIfAborted();
      onEvent?.({ type: 'passages', passages, standaloneQuestion: standalone });
      const retrievedAt = performance.now();
      const answer = await answerer.answer(standalone, passages, { signal, onDelta: (text) => onEvent?.({ type: 'delta', text }) });
      const answeredAt = performance.now();
      const result: AskResult = {
        ...answer,
        standaloneQuestion: standalone,
        answerer: answerer.name,
        passages,
        timings: { retrieveMs: round(retrievedAt - startedAt), answerMs: round(answeredAt - retrievedAt), totalMs: round(answeredAt - startedAt) },
      };
      onEvent?.({ type: 'done', result });
      return result;
    },
  };
}
