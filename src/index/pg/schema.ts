import type pg from 'pg';

/**
 * The tables of one index in PostgreSQL, all in one schema (so several corpora share a database):
 *
 *   versions   one row per published version: its manifest and the BM25 index (kept in process);
 *              the newest row is the current version
 *   documents  the citable text of every indexed source, with its structure
 *   chunks     one row per chunk: its span and its vector, visible from version `added_in` until
 *              version `removed_in` — a replica still answering from an older version searches
 *              exactly that version's chunks while the indexer publishes the next one
 */
export interface PgTables {
  schema: string;
  versions: string;
  documents: string;
  chunks: string;
}

/** Lower-case letters, digits and underscores: a schema name that needs no quoting anywhere. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function tablesOf(schema: string): PgTables {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name ${JSON.stringify(schema)}`);
  return { schema, versions: `${schema}.versions`, documents: `${schema}.documents`, chunks: `${schema}.chunks` };
}

/** HNSW parameters of the vector index: the same defaults as the embedded index, so both stores rank alike. */
export interface PgHnswOptions {
  m: number;
  efConstruction: number;
  efSearch: number;
}

export const DEFAULT_PG_HNSW: PgHnswOptions = { m: 16, efConstruction: 200, efSearch: 64 };

/** Session settings every pooled connection gets: search breadth, and iterative scans so filtered searches still fill their limit. */
export const sessionSettings = ({ efSearch }: PgHnswOptions) => `SET hnsw.ef_search = ${efSearch}; SET hnsw.iterative_scan = strict_order`;

/** Tables that do not depend on the embedding model. Idempotent. */
export const createBaseTables = (t: PgTables) => `
  CREATE EXTENSION IF NOT EXISTS vector;
  CREATE SCHEMA IF NOT EXISTS ${t.schema};
  CREATE TABLE IF NOT EXISTS ${t.versions} (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    manifest jsonb NOT NULL,
    lexical text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS ${t.documents} (
    source text PRIMARY KEY,
    text text NOT NULL,
    structure jsonb NOT NULL
  );`;

/** The chunks table for vectors of `dimensions`, created empty (a rebuild, or another model) without its vector index. */
export const recreateChunks = (t: PgTables, dimensions: number) => `
  DROP TABLE IF EXISTS ${t.chunks};
  CREATE TABLE ${t.chunks} (
    label bigint PRIMARY KEY,
    source text NOT NULL,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    section text[] NOT NULL,
    page integer,
    embedding vector(${Math.trunc(dimensions)}) NOT NULL,
    added_in bigint NOT NULL,
    removed_in bigint
  );`;

/** The HNSW index (cosine). Built after a bulk load, which is much faster than inserting into it row by row. */
export const createVectorIndex = (t: PgTables, { m, efConstruction }: PgHnswOptions) =>
  `CREATE INDEX ON ${t.chunks} USING hnsw (embedding vector_cosine_ops) WITH (m = ${m}, ef_construction = ${efConstruction})`;

/** Rows of the chunks table visible in version `$n`. */
export const visibleIn = (n: number) => `added_in <= $${n} AND (removed_in IS NULL OR removed_in > $${n})`;

/** A vector as pgvector's text input; 9 significant digits give back every float4 exactly. */
export const vectorLiteral = (vector: ArrayLike<number>) => `[${Array.from(vector, (value) => value.toPrecision(9)).join(',')}]`;

/** PostgreSQL's error codes for a missing table or schema: nothing was indexed into this database yet. */
export const isMissingRelation = (error: unknown) => ['42P01', '3F000'].includes((error as { code?: string }).code ?? '');

const prepared = new WeakSet<pg.PoolClient>();

/** A pooled connection with `settings` applied once, when it is first handed out. */
export async function connectWith(pool: pg.Pool, settings: string): Promise<pg.PoolClient> {
  const client = await pool.connect();
  if (prepared.has(client)) return client;
  try {
    await client.query(settings);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  prepared.add(client);
  return client;
}

/** Runs `work` in a transaction on one pooled connection. */
export async function transaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
