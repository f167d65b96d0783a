import { createRequire } from 'node:module';
import type pg from 'pg';
import type { EmbeddingModelInfo } from '../../embed/types.js';
import { sha256 } from '../../ingest/corpus.js';
import { LexicalIndex } from '../lexical-index.js';
import { IndexLockedError } from '../lock.js';
import type { CurrentVersion, IndexStorage, ManifestDraft, StoredIndex } from '../storage.js';
import { assembleIndex, assertSameModel, IndexMissingError, manifestSchema, storedDocumentSchema, type IndexedDocument, type IndexManifest } from '../store.js';
import { IndexCorruptError, versionIdOf } from '../versions.js';
import type { Watcher } from '../watch.js';
import { publishVersion } from './publish.js';
import { createBaseTables, DEFAULT_PG_HNSW, isMissingRelation, tablesOf, transaction, visibleIn, type PgHnswOptions, type PgTables } from './schema.js';
import { PgVectorStore } from './vector-store.js';

export interface PgStorageOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** The schema holding this index's tables. */
  schema: string;
  /** Connections in the pool (searches run in parallel up to this many). */
  poolSize: number;
  hnsw?: PgHnswOptions;
  /** How long to wait for another indexer before IndexLockedError. */
  lockWaitMs?: number;
}

const LOCK_POLL_MS = 200;

/**
 * The driver, loaded when a PostgreSQL storage is opened rather than when this module is: a server on
 * a folder index imports this module (open-storage.ts) but never loads pg (≈ 150 ms of every worker's start-up).
 */
const driver = () => createRequire(import.meta.url)('pg') as typeof pg;

// bigint columns (labels, version numbers) stay far below 2^53: read them as numbers.
const typesOf = ({ types }: typeof pg) => ({ getTypeParser: (oid: number, format?: string) => (oid === types.builtins.INT8 ? Number : types.getTypeParser(oid, format as 'text')) });

interface ChunkRow {
  label: number;
  source: string;
  start_offset: number;
  end_offset: number;
  section: string[];
  page: number | null;
}

/**
 * The index in PostgreSQL with pgvector: citable texts, chunks and their vectors in tables (HNSW,
 * cosine), BM25 kept in process and stored with each version. Publishing a version is one
 * transaction; any process that reaches the database can serve the current version (`read`) and
 * follow the next ones (`pointer`, `watch`), no files needed.
 */
export class PgStorage implements IndexStorage<PgVectorStore> {
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #tables: PgTables;
  readonly #hnsw: PgHnswOptions;
  readonly #lockWaitMs: number;
  readonly #watchers = new Set<NodeJS.Timeout>();

  constructor(options: PgStorageOptions) {
    this.#tables = tablesOf(options.schema);
    this.#hnsw = options.hnsw ?? DEFAULT_PG_HNSW;
    this.#lockWaitMs = options.lockWaitMs ?? 60_000;
    this.location = `${redact(options.url)} (schema ${options.schema})`;
    const pgDriver = driver();
    this.#pool = new pgDriver.Pool({ connectionString: options.url, max: options.poolSize, allowExitOnIdle: true, types: typesOf(pgDriver) });
    // An idle connection dropped by the server must not crash the process: the pool replaces it.
    this.#pool.on('error', () => undefined);
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    const key = `docent:${this.#tables.schema}`;
    try {
      const deadline = Date.now() + this.#lockWaitMs;
      while (!(await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key])).rows[0]!.locked) {
        if (Date.now() > deadline) throw new IndexLockedError(`Another indexer is writing ${this.location}; try again when it has finished`);
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      try {
        await client.query(createBaseTables(this.#tables));
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      client.release();
    }
  }

  async current(): Promise<CurrentVersion | undefined> {
    try {
      const { rows } = await this.#pool.query<{ id: string; manifest: unknown }>(`SELECT id, manifest FROM ${this.#tables.versions} ORDER BY seq DESC LIMIT 1`);
      return rows[0] && { version: rows[0].id, manifest: parseManifest(rows[0].manifest) };
    } catch (error) {
      if (isMissingRelation(error)) return undefined;
      throw error;
    }
  }

  /** The current version, read in one snapshot (a version published meanwhile is not mixed in). */
  async read(embedding: EmbeddingModelInfo): Promise<StoredIndex<PgVectorStore>> {
    const t = this.#tables;
    try {
      return await transaction(this.#pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
        const head = (await client.query<{ seq: number; id: string; manifest: unknown; lexical: string }>(`SELECT seq, id, manifest, lexical FROM ${t.versions} ORDER BY seq DESC LIMIT 1`)).rows[0];
        if (!head) throw new IndexMissingError(`No index in ${this.location}: run \`npm run index\` first.`);
        const manifest = parseManifest(head.manifest);
        assertSameModel(manifest, embedding);
        const documents = (await client.query<{ source: string; text: string; structure: object }>(`SELECT source, text, structure FROM ${t.documents}`)).rows;
        const chunks = (await client.query<ChunkRow>(`SELECT label, source, start_offset, end_offset, section, page FROM ${t.chunks} WHERE ${visibleIn(1)}`, [head.seq])).rows;
        const sources = inManifestOrder(manifest, documents.map((row) => parseDocument({ ...row.structure, source: row.source, text: row.text })));
        const rank = new Map(sources.map((source, i) => [source.source, i]));
        const spans = chunks
          .map((row) => ({ label: row.label, source: row.source, start: row.start_offset, end: row.end_offset, section: row.section, ...(row.page ? { page: row.page } : {}) }))
          .sort((a, b) => (rank.get(a.source) ?? -1) - (rank.get(b.source) ?? -1) || a.start - b.start);
        const vectors = new PgVectorStore(this.#pool, t, this.#hnsw, manifest.embedding.dimensions, head.seq, spans.length);
        const lexical = LexicalIndex.decode(Buffer.from(head.lexical, 'base64'), `${this.location} (version ${head.id}, lexical index)`);
        return assembleIndex(head.id, manifest, sources, spans, vectors, lexical);
      });
    } catch (error) {
      if (isMissingRelation(error)) throw new IndexMissingError(`No index in ${this.location}: run \`npm run index\` first.`);
      throw error;
    }
  }

  createVectors(dimensions: number): PgVectorStore {
    return new PgVectorStore(this.#pool, this.#tables, this.#hnsw, dimensions, 0, 0, true);
  }

  /** PostgreSQL reclaims removed rows itself. */
  compact(vectors: PgVectorStore): PgVectorStore {
    return vectors;
  }

  async write(draft: StoredIndex<PgVectorStore>, draftManifest: ManifestDraft, keepVersions: number): Promise<CurrentVersion> {
    const manifest: IndexManifest = { ...draftManifest, checksums: {} };
    const version = versionIdOf(sha256(JSON.stringify(manifest)));
    const seq = await transaction(this.#pool, 'BEGIN', (client) => publishVersion(client, this.#tables, this.#hnsw, { version, manifest, index: draft, keepVersions }));
    draft.vectors.published(seq);
    return { version, manifest };
  }

  async pointer(): Promise<string | undefined> {
    try {
      const { rows } = await this.#pool.query<{ id: string }>(`SELECT id FROM ${this.#tables.versions} ORDER BY seq DESC LIMIT 1`);
      return rows[0]?.id;
    } catch (error) {
      if (isMissingRelation(error)) return undefined;
      throw error;
    }
  }

  /** Versions published by other processes are found by polling (PostgreSQL's LISTEN would need a connection held open per process). */
  watch(onChange: () => void, intervalMs: number): Watcher {
    const timer = setInterval(onChange, intervalMs).unref();
    this.#watchers.add(timer);
    return {
      close: () => {
        clearInterval(timer);
        this.#watchers.delete(timer);
      },
    };
  }

  async close(): Promise<void> {
    for (const timer of this.#watchers) clearInterval(timer);
    this.#watchers.clear();
    await this.#pool.end();
  }
}

function parseManifest(value: unknown): IndexManifest {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new IndexCorruptError(`The index manifest in the database does not have the expected shape (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  return parsed.data;
}

function parseDocument(value: unknown): IndexedDocument {
  const parsed = storedDocumentSchema.safeParse(value);
  if (!parsed.success) throw new IndexCorruptError(`A document in the database does not have the expected shape (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  return parsed.data;
}

function inManifestOrder(manifest: IndexManifest, documents: IndexedDocument[]): IndexedDocument[] {
  const bySource = new Map(documents.map((document) => [document.source, document]));
  return manifest.documents.map((entry) => {
    const document = bySource.get(entry.source);
    if (!document) throw new IndexCorruptError(`The database holds no text for ${entry.source}, which the current version indexes`);
    return document;
  });
}

/** The connection string without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database';
  }
}
