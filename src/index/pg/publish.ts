import type pg from 'pg';
import type { StoredIndex } from '../storage.js';
import type { ChunkRecord, IndexManifest } from '../store.js';
import { createVectorIndex, recreateChunks, vectorLiteral, type PgHnswOptions, type PgTables } from './schema.js';
import type { PgVectorStore } from './vector-store.js';

/** Rows per INSERT statement (9 parameters each, far below PostgreSQL's 65535). */
const ROWS_PER_INSERT = 500;

/** Memory for building the HNSW index after a bulk load: a graph that fits builds several times faster. */
const BUILD_MEMORY = '512MB';

export interface Publication {
  version: string;
  manifest: IndexManifest;
  index: StoredIndex<PgVectorStore>;
  keepVersions: number;
}

/**
 * Writes a version inside the caller's transaction and returns its number: the version row, the
 * staged vector changes (removed chunks are marked removed in this version, not deleted, so readers
 * of older versions keep seeing them), the documents that were added or re-read, and the collection
 * of what no kept version needs any more.
 */
export async function publishVersion(client: pg.PoolClient, t: PgTables, hnsw: PgHnswOptions, { version, manifest, index, keepVersions }: Publication): Promise<number> {
  const { fresh, added, removed } = index.vectors.staged();
  const previous = fresh ? undefined : (await client.query<{ manifest: IndexManifest }>(`SELECT manifest FROM ${t.versions} ORDER BY seq DESC LIMIT 1`)).rows[0]?.manifest;
  // lexical.bin's bytes, as base64 in the text column (the table keeps its shape).
  const lexical = Buffer.concat(index.lexical.encode()).toString('base64');
  const seq = (await client.query<{ seq: number }>(`INSERT INTO ${t.versions} (id, manifest, lexical) VALUES ($1, $2, $3) RETURNING seq`, [version, manifest, lexical])).rows[0]!.seq;
  // Only the current version's BM25 is ever loaded.
  await client.query(`UPDATE ${t.versions} SET lexical = '' WHERE seq < $1 AND lexical <> ''`, [seq]);

  if (fresh) {
    await client.query(recreateChunks(t, index.vectors.dimensions));
    await client.query(`TRUNCATE ${t.documents}`);
  } else if (removed.size > 0) {
    await client.query(`UPDATE ${t.chunks} SET removed_in = $1 WHERE label = ANY($2::bigint[]) AND removed_in IS NULL`, [seq, [...removed]]);
  }
  const rows = [...added].map(([label, vector]) => ({ chunk: index.chunkByLabel.get(label), vector }));
  for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
    await insertChunks(client, t, seq, rows.slice(from, from + ROWS_PER_INSERT));
  }
  if (fresh) {
    await client.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
    await client.query(createVectorIndex(t, hnsw));
  }

  await writeDocuments(client, t, manifest, previous, index);
  await collectGarbage(client, t, keepVersions);
  return seq;
}

async function insertChunks(client: pg.PoolClient, t: PgTables, seq: number, rows: Array<{ chunk: ChunkRecord | undefined; vector: ArrayLike<number> }>) {
  const values: unknown[] = [];
  const tuples = rows.map(({ chunk, vector }, i) => {
    if (!chunk) throw new Error('A staged vector has no chunk in the version being published');
    values.push(chunk.label, chunk.source, chunk.start, chunk.end, chunk.section, chunk.page ?? null, vectorLiteral(vector), seq);
    const at = i * 8;
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}::vector, $${at + 8})`;
  });
  if (tuples.length === 0) return;
  await client.query(`INSERT INTO ${t.chunks} (label, source, start_offset, end_offset, section, page, embedding, added_in) VALUES ${tuples.join(', ')}`, values);
}

/** Texts of documents read in this build (new, changed, or all after a rebuild); rows of documents no longer indexed go. */
async function writeDocuments(client: pg.PoolClient, t: PgTables, manifest: IndexManifest, previous: IndexManifest | undefined, index: StoredIndex<PgVectorStore>) {
  const before = new Map(previous?.documents.map((entry) => [entry.source, entry.indexedAt]));
  const sources = manifest.documents.map((entry) => entry.source);
  await client.query(`DELETE FROM ${t.documents} WHERE NOT (source = ANY($1::text[]))`, [sources]);
  for (const entry of manifest.documents) {
    if (before.get(entry.source) === entry.indexedAt) continue;
    const { source, text, ...structure } = index.sources.get(entry.source)!;
    await client.query(
      `INSERT INTO ${t.documents} (source, text, structure) VALUES ($1, $2, $3) ON CONFLICT (source) DO UPDATE SET text = EXCLUDED.text, structure = EXCLUDED.structure`,
      [source, text, structure],
    );
  }
}

/** Versions beyond the newest `keepVersions + 1`, and chunk rows that none of those still sees. */
async function collectGarbage(client: pg.PoolClient, t: PgTables, keepVersions: number) {
  const oldest = (await client.query<{ seq: number }>(`SELECT seq FROM ${t.versions} ORDER BY seq DESC OFFSET $1 LIMIT 1`, [keepVersions])).rows[0]?.seq;
  if (oldest === undefined) return;
  await client.query(`DELETE FROM ${t.versions} WHERE seq < $1`, [oldest]);
  await client.query(`DELETE FROM ${t.chunks} WHERE removed_in <= $1`, [oldest]);
}
