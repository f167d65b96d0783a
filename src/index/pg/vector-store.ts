import type pg from 'pg';
import type { VectorHit, VectorStore } from '../vector-store.js';
import { connectWith, sessionSettings, vectorLiteral, visibleIn, type PgHnswOptions, type PgTables } from './schema.js';

/** Changes made to a store since it was opened, written with the next version. */
export interface StagedChanges {
  /** Build from scratch: the chunks table is recreated (new model, or no index yet). */
  fresh: boolean;
  added: ReadonlyMap<number, ArrayLike<number>>;
  removed: ReadonlySet<number>;
}

/**
 * Chunk vectors in a PostgreSQL table with a pgvector HNSW index (cosine). Searches see the version
 * the store was opened at, whatever the indexer publishes meanwhile; `add` and `remove` are staged
 * and written by `PgStorage.write` in the transaction that publishes the next version.
 */
export class PgVectorStore implements VectorStore {
  #added = new Map<number, ArrayLike<number>>();
  #removed = new Set<number>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly tables: PgTables,
    private readonly hnsw: PgHnswOptions,
    readonly dimensions: number,
    /** The version (`versions.seq`) searches answer from. */
    private seq: number,
    /** Live rows in that version. */
    private live: number,
    private fresh = false,
  ) {}

  get size(): number {
    return this.live + this.#added.size - this.#removed.size;
  }

  /** PostgreSQL reclaims the space of removed rows itself (VACUUM). */
  get deleted(): number {
    return 0;
  }

  add(label: number, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) throw new Error(`A vector of ${vector.length} dimensions cannot join a store of ${this.dimensions}`);
    this.#added.set(label, vector);
  }

  remove(label: number): void {
    if (!this.#added.delete(label)) this.#removed.add(label);
  }

  async search(vector: number[], limit: number): Promise<VectorHit[]> {
    if (limit <= 0 || this.live === 0) return [];
    const client = await connectWith(this.pool, sessionSettings(this.hnsw));
    try {
      const { rows } = await client.query<{ label: number; distance: number }>(
        `SELECT label, embedding <=> $1::vector AS distance FROM ${this.tables.chunks} WHERE ${visibleIn(2)} ORDER BY embedding <=> $1::vector LIMIT $3`,
        [vectorLiteral(vector), this.seq, limit],
      );
      return rows.map((row) => ({ label: Number(row.label), similarity: 1 - row.distance }));
    } finally {
      client.release();
    }
  }

  /** What `PgStorage.write` publishes. */
  staged(): StagedChanges {
    return { fresh: this.fresh, added: this.#added, removed: this.#removed };
  }

  /** After the staged changes were published as version `seq`: searches answer from it. */
  published(seq: number): void {
    this.live = this.size;
    this.seq = seq;
    this.fresh = false;
    this.#added = new Map();
    this.#removed = new Set();
  }
}
