/**
 * The environment variables Docent reads, each with its type, bounds and default (zod). `config.ts`
 * turns them into the typed Config the code uses; `.env.example` lists the same names.
 */
import { z } from 'zod';
import { SCHEMA_NAME } from './index/pg/schema.js';
import { VECTOR_STORES } from './index/vector-store.js';
import { DEFAULT_HNSW } from './index/vector-index.js';
import { WORD_MEANINGS } from './match/term-similarity.js';

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
export const configSchema = z.object({
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
  // BM25 also looks up each common word's WordNet synonyms and derivations the corpus uses, weighted below the word (src/retrieve/query-expansion.ts).
  QUERY_EXPANSION: flag(true),
  // HNSW vector index (see `npm run bench:hnsw`): links per node, build breadth, query breadth.
  HNSW_M: integer(DEFAULT_HNSW.m, 2, 128),
  HNSW_EF_CONSTRUCTION: integer(DEFAULT_HNSW.efConstruction, 10, 2000),
  HNSW_EF_SEARCH: integer(DEFAULT_HNSW.efSearch, 10, 2000),
  // Widen the query breadth past 100k vectors (× √(n / 100k)), so recall does not fall with size (1M: 0.876 → 0.975); false keeps HNSW_EF_SEARCH fixed.
  HNSW_EF_SEARCH_ADAPTIVE: flag(DEFAULT_HNSW.adaptiveEfSearch),
  // Build a denser graph (M ≥ 24, efConstruction ≥ 200) past 300k vectors, where M 16 / efConstruction 100 cap recall (1M: 0.975 → 1.000); false keeps HNSW_M and HNSW_EF_CONSTRUCTION.
  HNSW_GRAPH_ADAPTIVE: flag(DEFAULT_HNSW.adaptiveGraph),
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
  // A serving process runs a full garbage collection once its heap reaches (1 + this / 100) × what the last one kept; 0 leaves V8's own factor (up to 4×). See src/server/heap-growth.ts.
  HEAP_GROWTH_PERCENT: integer(50, 0, 1000),
  // Each cluster worker's V8 semi-space (the young generation is two of them), MiB; 0 leaves V8's own (16). 8 saves ≈ 15 MiB
  // per worker under load for ≈ 5 % fewer requests per second (BENCHMARKS.md), so it is a choice, not the default. See src/server/heap-growth.ts.
  WORKER_SEMI_SPACE_MIB: integer(0, 0, 1024),
  WATCH: flag(true),
  WATCH_DEBOUNCE_MS: integer(500, 0, 600_000),
  READ_ONLY: flag(false),
  INDEX_POLL_MS: integer(1000, 50, 600_000),
  INDEX_KEEP_VERSIONS: integer(2, 0, 1000),
  INDEX_FULL_CHECK: flag(false),
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
