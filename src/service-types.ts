/** The service's public surface: what the server, the CLI, the evaluator and integrations call (implemented in service.ts). */
import type { ExtractiveAnswerer } from './answer/extractive.js';
import type { FallbackReason } from './answer/llm.js';
import type { Answer } from './answer/types.js';
import type { Config } from './config.js';
import type { Embedder } from './embed/types.js';
import type { CitationChecker } from './verify/checker.js';
import type { CorpusIndex } from './index/store.js';
import type { IndexStorage } from './index/storage.js';
import type { UpdateResult } from './index/updater.js';
import type { ProgressListener } from './progress.js';
import type { ChatTurn } from './retrieve/follow-up.js';
import type { Passage, RetrieverMode } from './retrieve/types.js';
import type { AnswerVerification, CheckedCitation } from './verify/answer.js';
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
