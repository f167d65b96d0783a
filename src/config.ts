import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { SCHEMA_NAME } from './index/pg/schema.js';
import { VECTOR_STORES, type VectorStoreKind } from './index/vector-store.js';
import { DEFAULT_HNSW, type HnswParameters } from './index/vector-index.js';
import { WORD_MEANINGS, type WordMeaning } from './match/term-similarity.js';
import { resolveAllowedHosts } from './hosts.js';

/** The generated, offline default embedding model (built by `npm run build:model`). */
export const DEFAULT_EMBEDDING_MODEL = 'docent-wordnet-v1';

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : ['true', '1', 'yes'].includes(value)));

/** Every setting Docent reads, with its default; `.env.example` lists the same names. */
const configSchema = z.object({
  PORT: integer(8787, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('index'),
  MODELS_DIR: z.string().min(1).default('models'),
  EMBEDDING_MODEL: z.string().min(1).default(DEFAULT_EMBEDDING_MODEL),
  EMBEDDING_QUERY_PREFIX: z.string().default(''),
  EMBEDDING_DOCUMENT_PREFIX: z.string().default(''),
  EMBEDDING_BATCH_SIZE: integer(32, 1, 1024),
  ALLOW_REMOTE_MODELS: flag(false),
  TOP_K: integer(5, 1, 20),
  // Measured on ../shared/eval (SQuAD and dev) with the generated WordNet model, whose vector ranking is
  // much weaker than BM25's: a small rank constant and a quarter weight let it reorder BM25's top passages
  // without dragging in its noise. A pretrained sentence encoder deserves FUSION_DENSE_WEIGHT=1.
  FUSION_RRF_K: integer(2, 0, 1000),
  FUSION_DENSE_WEIGHT: z.coerce.number().min(0).max(10).default(0.25),
  // HNSW vector index (see `npm run bench:hnsw`): links per node, build breadth, query breadth.
  HNSW_M: integer(DEFAULT_HNSW.m, 2, 128),
  HNSW_EF_CONSTRUCTION: integer(DEFAULT_HNSW.efConstruction, 10, 2000),
  HNSW_EF_SEARCH: integer(DEFAULT_HNSW.efSearch, 10, 2000),
  CHUNK_SIZE: integer(800, 100, 8000),
  CHUNK_OVERLAP: integer(120, 0, 4000),
  MAX_BODY_BYTES: integer(64 * 1024, 1024, 16 * 1024 * 1024),
  ALLOWED_ORIGINS: z.string().default(''),
  // Word meaning for soft word matching in answers and checks: WordNet (via the embedding model), GloVe word vectors, or both.
  WORD_MEANING: z.enum(WORD_MEANINGS).default('both'),
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: integer(20000, 100, 600000),
  ALLOWED_HOSTS: z.string().default(''),
  API_KEYS: z.string().default(''),
  ADMIN_API_KEY: optionalString,
  TRUST_PROXY: flag(false),
  RATE_LIMIT_PER_MIN: integer(300, 0, 1_000_000),
  WIDGET_RATE_LIMIT_PER_MIN: integer(60, 0, 1_000_000),
  MAX_IN_FLIGHT: integer(32, 1, 10_000),
  MAX_QUEUED: integer(256, 0, 100_000),
  REQUEST_TIMEOUT_MS: integer(30_000, 100, 600_000),
  HEADERS_TIMEOUT_MS: integer(10_000, 100, 600_000),
  KEEP_ALIVE_TIMEOUT_MS: integer(5_000, 100, 600_000),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 600_000),
  WORKERS: integer(0, 0, 256),
  WATCH: flag(true),
  WATCH_DEBOUNCE_MS: integer(500, 0, 600_000),
  READ_ONLY: flag(false),
  INDEX_POLL_MS: integer(1000, 50, 600_000),
  INDEX_KEEP_VERSIONS: integer(2, 0, 1000),
  MAX_UPLOAD_BYTES: integer(50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  VECTOR_STORE: z.enum(VECTOR_STORES).default('hnsw'),
  DATABASE_URL: optionalString,
  DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME, 'lower-case letters, digits and underscores').default('docent'),
  DATABASE_POOL_SIZE: integer(10, 2, 1000),
  METRICS_TOKEN: optionalString,
  LOG_REQUESTS: flag(true),
  LOG_FORMAT: z.enum(['auto', 'json', 'text']).default('auto'),
  LOG_QUESTIONS: flag(false),
  FEEDBACK_MAX_BYTES: integer(5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
});

/** The names of every environment variable Docent reads. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape);

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
    hnsw: Object.freeze({ m: c.HNSW_M, efConstruction: c.HNSW_EF_CONSTRUCTION, efSearch: c.HNSW_EF_SEARCH }),
    chunkSize: c.CHUNK_SIZE,
    chunkOverlap: c.CHUNK_OVERLAP,
    maxBodyBytes: c.MAX_BODY_BYTES,
    allowedOrigins: list(c.ALLOWED_ORIGINS),
    wordMeaning: c.WORD_MEANING,
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
    readOnly: c.READ_ONLY,
    index: Object.freeze({ watch: c.WATCH, watchDebounceMs: c.WATCH_DEBOUNCE_MS, pollMs: c.INDEX_POLL_MS, keepVersions: c.INDEX_KEEP_VERSIONS }),
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
