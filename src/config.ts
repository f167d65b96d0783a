import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { VectorStoreKind } from './index/vector-store.js';
import type { HnswParameters } from './index/vector-index.js';
import type { WordMeaning } from './match/term-similarity.js';
import { resolveAllowedHosts } from './hosts.js';
import { configSchema } from './config-variables.js';

export { CONFIG_VARIABLES, DEFAULT_EMBEDDING_MODEL } from './config-variables.js';

export type Config = Readonly<{
  port: number;
  host: string;
  corpusDir: string;
  indexDir: string;
  modelsDir: string;
  embedding: Readonly<{
    model: string;
    queryPrefix: string;
    documentPrefix: string;
    batchSize: number;
    allowRemoteModels: boolean;
  }>;
  topK: number;
  /** Reciprocal rank fusion of the BM25 and vector rankings (see src/retrieve/hybrid.ts). */
  fusion: Readonly<{ k: number; bm25Weight: number; denseWeight: number }>;
  /** BM25 query expansion with WordNet's related words (see src/retrieve/query-expansion.ts). */
  queryExpansion: boolean;
  hnsw: Readonly<HnswParameters>;
  chunkSize: number;
  chunkOverlap: number;
  maxBodyBytes: number;
  /** Origins allowed to call the API cross-origin; empty means same-origin only, `*` means any. */
  allowedOrigins: readonly string[];
  /** Which word meanings soft word matching uses (see src/match/term-similarity.ts). */
  wordMeaning: WordMeaning;
  llm: Readonly<{ baseUrl: string; model: string; apiKey: string | undefined; timeoutMs: number }> | undefined;
  security: Readonly<{
    /** `Host` names the server answers to; empty means any (see resolveAllowedHosts). */
    allowedHosts: readonly string[];
    /** Keys that unlock /api, /v1 and /mcp; empty means the API is open. */
    apiKeys: readonly string[];
    /** Unlocks admin actions (documents API, re-index). */
    adminApiKey: string | undefined;
    /** Believe `X-Forwarded-For` / `X-Forwarded-Proto` (only behind a proxy you run). */
    trustProxy: boolean;
  }>;
  limits: Readonly<{
    /** Requests per minute per API key or client IP; 0 turns rate limiting off. */
    ratePerMinute: number;
    /** Requests per minute per client IP on the keyless widget path (when API_KEYS are set). */
    widgetRatePerMinute: number;
    /** Requests handled at once; more wait in a queue of `maxQueued`, beyond it 503. */
    maxInFlight: number;
    maxQueued: number;
    requestTimeoutMs: number;
    headersTimeoutMs: number;
    keepAliveTimeoutMs: number;
    shutdownTimeoutMs: number;
  }>;
  /** Server processes; 0 means one per CPU core. */
  workers: number;
  /** A serving process's heap grows to (1 + heapGrowthPercent / 100) × what its last full collection kept; 0: V8's own factor. */
  heapGrowthPercent: number;
  /** Each cluster worker's V8 --max-semi-space-size in MiB; 0: V8's own. */
  workerSemiSpaceMib: number;
  /** Serve the versions an indexer publishes into INDEX_DIR, never writing it (no lock, no rebuild, no garbage collection). */
  readOnly: boolean;
  index: Readonly<{
    /** `npm start` re-indexes when files in the corpus folder change (ignored by readers). */
    watch: boolean;
    /** Quiet time after the last change before re-indexing. */
    watchDebounceMs: number;
    /** How often a reader checks INDEX_DIR/CURRENT for a new version. */
    pollMs: number;
    /** Versions kept besides the current one, for readers still loading them. */
    keepVersions: number;
    /** Hash every index file at every read, not only those whose size or time changed since they were last checked. */
    fullCheck: boolean;
  }>;
  /** Largest upload request to POST /api/documents (all its files together), in bytes. */
  maxUploadBytes: number;
  /** Where chunks, vectors and texts live: the embedded HNSW folder (INDEX_DIR) or PostgreSQL + pgvector. */
  vectorStore: VectorStoreKind;
  /** PostgreSQL (with VECTOR_STORE=pgvector): connection, schema of the index's tables, pool size. */
  database: Readonly<{ url: string; schema: string; poolSize: number }> | undefined;
  observability: Readonly<{
    /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
    metricsToken: string | undefined;
    /** One log line per request on stdout. */
    logRequests: boolean;
    /** `json` lines, readable `text`, or `auto`: text on a terminal, JSON otherwise. */
    logFormat: 'auto' | 'json' | 'text';
    /** Put the question (or claim, or search query) in the request's log line; off by default: questions may be private. */
    logQuestions: boolean;
  }>;
  /** Size at which INDEX_DIR/feedback.jsonl is rotated (one previous file is kept). */
  feedbackMaxBytes: number;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readDotEnv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  return fs.existsSync(file) ? dotenv.parse(fs.readFileSync(file)) : {};
}

/**
 * Reads the configuration from `env` (the process environment by default) over `.env` in `cwd`.
 * Relative directories are resolved against `cwd`, so the same config works from any caller.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = configSchema.safeParse({ ...readDotEnv(cwd), ...env });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  if (c.CHUNK_OVERLAP >= c.CHUNK_SIZE) {
    throw new ConfigError(`Invalid configuration: CHUNK_OVERLAP (${c.CHUNK_OVERLAP}) must be smaller than CHUNK_SIZE (${c.CHUNK_SIZE})`);
  }
  const llmPartlySet = [c.LLM_BASE_URL, c.LLM_MODEL].filter(Boolean).length === 1;
  if (llmPartlySet) throw new ConfigError('Invalid configuration: set both LLM_BASE_URL and LLM_MODEL, or neither');
  if (c.VECTOR_STORE === 'pgvector' && !c.DATABASE_URL) throw new ConfigError('Invalid configuration: VECTOR_STORE=pgvector needs DATABASE_URL (postgres://user:password@host:5432/database)');
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    corpusDir: path.resolve(cwd, c.CORPUS_DIR),
    indexDir: path.resolve(cwd, c.INDEX_DIR),
    modelsDir: path.resolve(cwd, c.MODELS_DIR),
    embedding: Object.freeze({
      model: c.EMBEDDING_MODEL,
      queryPrefix: c.EMBEDDING_QUERY_PREFIX,
      documentPrefix: c.EMBEDDING_DOCUMENT_PREFIX,
      batchSize: c.EMBEDDING_BATCH_SIZE,
      allowRemoteModels: c.ALLOW_REMOTE_MODELS,
    }),
    topK: c.TOP_K,
    fusion: Object.freeze({ k: c.FUSION_RRF_K, bm25Weight: 1, denseWeight: c.FUSION_DENSE_WEIGHT }),
    hnsw: Object.freeze({ m: c.HNSW_M, efConstruction: c.HNSW_EF_CONSTRUCTION, efSearch: c.HNSW_EF_SEARCH, adaptiveEfSearch: c.HNSW_EF_SEARCH_ADAPTIVE, adaptiveGraph: c.HNSW_GRAPH_ADAPTIVE }),
    chunkSize: c.CHUNK_SIZE,
    chunkOverlap: c.CHUNK_OVERLAP,
    maxBodyBytes: c.MAX_BODY_BYTES,
    allowedOrigins: list(c.ALLOWED_ORIGINS),
    wordMeaning: c.WORD_MEANING,
    queryExpansion: c.QUERY_EXPANSION,
    llm:
      c.LLM_BASE_URL && c.LLM_MODEL
        ? Object.freeze({ baseUrl: c.LLM_BASE_URL, model: c.LLM_MODEL, apiKey: c.LLM_API_KEY, timeoutMs: c.LLM_TIMEOUT_MS })
        : undefined,
    security: Object.freeze({
      allowedHosts: resolveAllowedHosts(list(c.ALLOWED_HOSTS), c.HOST),
      apiKeys: list(c.API_KEYS),
      adminApiKey: c.ADMIN_API_KEY,
      trustProxy: c.TRUST_PROXY,
    }),
    limits: Object.freeze({
      ratePerMinute: c.RATE_LIMIT_PER_MIN,
      widgetRatePerMinute: c.WIDGET_RATE_LIMIT_PER_MIN,
      maxInFlight: c.MAX_IN_FLIGHT,
      maxQueued: c.MAX_QUEUED,
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      headersTimeoutMs: c.HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: c.KEEP_ALIVE_TIMEOUT_MS,
      shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    }),
    workers: c.WORKERS,
    heapGrowthPercent: c.HEAP_GROWTH_PERCENT,
    workerSemiSpaceMib: c.WORKER_SEMI_SPACE_MIB,
    readOnly: c.READ_ONLY,
    index: Object.freeze({ watch: c.WATCH, watchDebounceMs: c.WATCH_DEBOUNCE_MS, pollMs: c.INDEX_POLL_MS, keepVersions: c.INDEX_KEEP_VERSIONS, fullCheck: c.INDEX_FULL_CHECK }),
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    vectorStore: c.VECTOR_STORE,
    database: c.DATABASE_URL
      ? Object.freeze({ url: c.DATABASE_URL, schema: c.DATABASE_SCHEMA, poolSize: c.DATABASE_POOL_SIZE })
      : undefined,
    observability: Object.freeze({ metricsToken: c.METRICS_TOKEN, logRequests: c.LOG_REQUESTS, logFormat: c.LOG_FORMAT, logQuestions: c.LOG_QUESTIONS }),
    feedbackMaxBytes: c.FEEDBACK_MAX_BYTES,
  });
}

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
