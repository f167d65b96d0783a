/**
 * `npm run bench:stores`: search latency and recall@k of the two vector stores — the embedded HNSW
 * (hnswlib-node) and PostgreSQL + pgvector (HNSW, cosine) — at several corpus sizes, on synthetic
 * clustered unit vectors (like sentence embeddings: topics, not uniform noise). Recall is measured
 * against exact search. PostgreSQL is DATABASE_URL when set, otherwise PGlite (PostgreSQL in
 * WebAssembly, single-threaded: far slower than a server, so its latencies are an upper bound).
 */
import { Command } from 'commander';
import pg from 'pg';
import { PgVectorStore } from '../src/index/pg/vector-store.js';
import { createBaseTables, createVectorIndex, DEFAULT_PG_HNSW, recreateChunks, tablesOf, vectorLiteral } from '../src/index/pg/schema.js';
import { VectorIndex } from '../src/index/vector-index.js';
import type { VectorStore } from '../src/index/vector-store.js';
import { startTestDatabase } from '../tests/helpers/pglite-server.js';

const ROWS_PER_INSERT = 1000;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit vectors around `clusters` random centres: the corpus, and questions drawn apart from it. */
function clusteredData(count: number, queries: number, dimensions: number, clusters: number) {
  const next = random(1);
  const gaussian = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  const centres = Array.from({ length: clusters }, () => Float32Array.from({ length: dimensions }, gaussian));
  const point = () => {
    const centre = centres[Math.floor(next() * clusters)]!;
    const vector = Float32Array.from(centre, (value) => value + 0.9 * gaussian());
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  };
  return { data: Array.from({ length: count }, point), queries: Array.from({ length: queries }, point) };
}

function exactTopK(data: readonly Float32Array[], query: Float32Array, k: number): number[] {
  const scores = data.map((vector, label) => {
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += vector[i]! * query[i]!;
    return { label, dot };
  });
  return scores.sort((a, b) => b.dot - a.dot).slice(0, k).map((score) => score.label);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function measure(store: VectorStore, queries: readonly Float32Array[], truth: readonly number[][], k: number) {
  const times: number[] = [];
  let found = 0;
  for (const [i, query] of queries.entries()) {
    const startedAt = performance.now();
    const hits = await store.search(Array.from(query), k);
    times.push(performance.now() - startedAt);
    const expected = new Set(truth[i]);
    found += hits.filter((hit) => expected.has(hit.label)).length;
  }
  times.sort((a, b) => a - b);
  return { recall: round(found / (queries.length * k), 3), p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), qps: round(1000 / (times.reduce((a, b) => a + b, 0) / times.length), 0) };
}

async function loadPostgres(pool: pg.Pool, data: readonly Float32Array[]) {
  const tables = tablesOf('docent_bench');
  await pool.query(createBaseTables(tables));
  await pool.query(recreateChunks(tables, data[0]!.length));
  for (let from = 0; from < data.length; from += ROWS_PER_INSERT) {
    const batch = data.slice(from, from + ROWS_PER_INSERT);
    await pool.query(
      `INSERT INTO ${tables.chunks} (label, source, start_offset, end_offset, section, page, embedding, added_in)
       SELECT label, 'bench', 0, 0, '{}', NULL, embedding::vector, 1 FROM unnest($1::bigint[], $2::text[]) AS t(label, embedding)`,
      [batch.map((_, i) => from + i), batch.map(vectorLiteral)],
    );
  }
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(createVectorIndex(tables, DEFAULT_PG_HNSW));
  } finally {
    client.release();
  }
  return new PgVectorStore(pool, tables, DEFAULT_PG_HNSW, data[0]!.length, 1, data.length);
}

const numbers = (value: string) => value.split(',').map((part) => Number.parseInt(part, 10));

const program = new Command('bench-stores')
  .option('--sizes <list>', 'corpus sizes (chunks)', '10000,100000')
  .option('--dimensions <n>', 'vector dimensions', (v) => Number.parseInt(v, 10), 384)
  .option('--queries <n>', 'queries per size', (v) => Number.parseInt(v, 10), 200)
  .option('--k <n>', 'neighbours per query (recall@k)', (v) => Number.parseInt(v, 10), 10)
  .option('--stores <list>', 'stores to measure', 'hnsw,pgvector')
  .option('--json', 'print JSON')
  .action(async (options: { sizes: string; dimensions: number; queries: number; k: number; stores: string; json?: boolean }) => {
    const stores = options.stores.split(',');
    const database = stores.includes('pgvector') && !process.env.DATABASE_URL ? await startTestDatabase() : undefined;
    const pool = stores.includes('pgvector') ? new pg.Pool({ connectionString: process.env.DATABASE_URL ?? database!.url, max: 2 }) : undefined;
    const results = [];
    try {
      for (const size of numbers(options.sizes)) {
        const { data, queries } = clusteredData(size, options.queries, options.dimensions, Math.max(10, Math.round(size / 100)));
        const truth = queries.map((query) => exactTopK(data, query, options.k));
        if (stores.includes('hnsw')) {
          const startedAt = performance.now();
          const index = VectorIndex.create(options.dimensions, size);
          data.forEach((vector, label) => index.add(label, vector));
          const buildSeconds = round((performance.now() - startedAt) / 1000, 1);
          results.push({ store: 'hnsw', chunks: size, dimensions: options.dimensions, buildSeconds, ...(await measure(index, queries, truth, options.k)) });
        }
        if (pool) {
          const startedAt = performance.now();
          const store = await loadPostgres(pool, data);
          const buildSeconds = round((performance.now() - startedAt) / 1000, 1);
          results.push({ store: process.env.DATABASE_URL ? 'pgvector' : 'pgvector (PGlite)', chunks: size, dimensions: options.dimensions, buildSeconds, ...(await measure(store, queries, truth, options.k)) });
        }
        if (!options.json) console.table(results.filter((result) => result.chunks === size));
      }
    } finally {
      await pool?.end();
      await database?.stop();
    }
    if (options.json) console.log(JSON.stringify(results, null, 2));
  });

await program.parseAsync();
