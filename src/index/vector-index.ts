import fs from 'node:fs/promises';
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  /** The chunk's label in the index. */
  label: number;
  /** Cosine similarity. */
  similarity: number;
}

/** HNSW graph settings (see `npm run bench:hnsw` for recall, speed and memory at each). */
export interface HnswParameters {
  /** Links per node: more means better recall and more memory. */
  m: number;
  /** Candidates considered while inserting: more means a better graph and a slower build. */
  efConstruction: number;
  /**
   * Candidates considered per query, for an index of up to EF_REFERENCE_SIZE points: more means better
   * recall and slower queries. See `efSearchFor` for larger indexes and larger k.
   */
  efSearch: number;
  /** Widen efSearch as the index grows past EF_REFERENCE_SIZE points (`efSearchFor`); false keeps it fixed. */
  adaptiveEfSearch: boolean;
  /** Build a denser graph for a build of more than GRAPH_REFERENCE_SIZE points (`graphFor`); false keeps M and efConstruction. */
  adaptiveGraph: boolean;
}

/**
 * Chosen with bench/hnsw.ts: recall@10 0.9965 on real 768-d document vectors (12k) and 0.9995 on 100k
 * clustered 384-d ones, while building about twice as fast as efConstruction 200.
 */
export const DEFAULT_HNSW: Readonly<HnswParameters> = Object.freeze({ m: 16, efConstruction: 100, efSearch: 128, adaptiveEfSearch: true, adaptiveGraph: true });

/** The size up to which the configured efSearch keeps recall@10 ≥ 0.98 (0.9995 on 100k clustered 384-d vectors). */
export const EF_REFERENCE_SIZE = 100_000;
/**
 * How fast efSearch grows past EF_REFERENCE_SIZE: × (size / EF_REFERENCE_SIZE) ^ EF_GROWTH_EXPONENT.
 * A greedy graph search needs a wider beam in a larger graph (more local optima between the entry point
 * and the true neighbours). At 1M clustered 384-d vectors (M 16, efConstruction 100) recall@10 was
 * 0.876 / 0.965 / 0.975 at efSearch 128 / 256 / 384 and stayed 0.975 up to 1024: √ (405 at 1M) reaches
 * that plateau, and a wider search buys nothing more there (the rest is the graph; BENCHMARKS.md).
 */
const EF_GROWTH_EXPONENT = 0.5;

/**
 * The efSearch a query for `k` neighbours uses in an index of `size` points: the configured breadth up
 * to EF_REFERENCE_SIZE points, growing with the size beyond (when adaptive), and at least twice k — a
 * beam of only k leaves the last of the k found often not the true ones.
 */
export function efSearchFor(parameters: Pick<HnswParameters, 'efSearch' | 'adaptiveEfSearch'>, size: number, k: number): number {
  const growth = parameters.adaptiveEfSearch ? Math.max(1, size / EF_REFERENCE_SIZE) ** EF_GROWTH_EXPONENT : 1;
  return Math.max(Math.ceil(parameters.efSearch * growth), 2 * k);
}

/** The build size up to which the configured M and efConstruction keep recall@10 ≥ 0.98 (see `graphFor`). */
export const GRAPH_REFERENCE_SIZE = 300_000;
/**
 * The graph a build of `capacity` points gets: the configured one up to GRAPH_REFERENCE_SIZE points and
 * at least M 24 / efConstruction 200 beyond (when adaptive). At 1M clustered 384-d vectors, M 16 /
 * efConstruction 100 left recall@10 on a plateau of 0.975 that no efSearch lifted (some points are
 * poorly linked), while M 24 / efConstruction 200 gave 1.000 at the adaptive efSearch, for about 1.4×
 * the build time and 4 % more memory (BENCHMARKS.md). A graph keeps the settings it was created with
 * when it later grows by updates; the next full build or compaction applies them anew.
 */
export function graphFor(parameters: HnswParameters, capacity: number): Pick<HnswParameters, 'm' | 'efConstruction'> {
  if (!parameters.adaptiveGraph || capacity <= GRAPH_REFERENCE_SIZE) return { m: parameters.m, efConstruction: parameters.efConstruction };
  return { m: Math.max(parameters.m, LARGE_GRAPH.m), efConstruction: Math.max(parameters.efConstruction, LARGE_GRAPH.efConstruction) };
}
const LARGE_GRAPH = { m: 24, efConstruction: 200 } as const;

/** hnswlib's level generator seed: the same seed and insertion order give the same graph. */
export const GRAPH_RANDOM_SEED = 100;
/** Capacity grows by this factor when labels run out, so adding one file is not a full reallocation. */
export const GRAPH_GROWTH = 1.5;

/** A graph written to a file and not read back yet: `points` inserted, the file moved with the graph. */
interface OnDisk {
  file: string;
  points: number;
}

/**
 * Approximate nearest neighbours over normalised vectors (HNSW, cosine space), persisted to one file.
 * Points are added under chunk labels and removed with `markDelete` (they stop appearing in results;
 * the space is reclaimed when the index is rebuilt by compaction). A graph built elsewhere (the
 * insertion worker) can stay in its file until first used (`onDisk`): a build that only writes it
 * never holds it in memory.
 */
export class VectorIndex {
  #deleted = 0;
  #hnsw: InstanceType<typeof HierarchicalNSW> | undefined;
  #onDisk: OnDisk | undefined;
  /** Query-time breadth (see `efSearchFor`); a serving setting, so it can change without rebuilding. */
  efSearch = DEFAULT_HNSW.efSearch;
  adaptiveEfSearch = DEFAULT_HNSW.adaptiveEfSearch;

  private constructor(
    readonly dimensions: number,
    source: InstanceType<typeof HierarchicalNSW> | OnDisk,
  ) {
    if (source instanceof HierarchicalNSW) this.#hnsw = source;
    else this.#onDisk = source;
  }

  static create(dimensions: number, capacity: number, parameters: HnswParameters = DEFAULT_HNSW): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    const { m, efConstruction } = graphFor(parameters, capacity);
    hnsw.initIndex(Math.max(1, capacity), m, efConstruction, GRAPH_RANDOM_SEED);
    const index = new VectorIndex(dimensions, hnsw);
    index.setSearchBreadth(parameters);
    return index;
  }

  /** `vectors[i]` under label i. */
  static build(dimensions: number, vectors: ReadonlyArray<ArrayLike<number>>, parameters: HnswParameters = DEFAULT_HNSW): VectorIndex {
    const index = VectorIndex.create(dimensions, vectors.length, parameters);
    vectors.forEach((vector, label) => index.add(label, vector));
    return index;
  }

  static async read(file: string, dimensions: number, deleted: number): Promise<VectorIndex> {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    await hnsw.readIndex(file);
    const index = new VectorIndex(dimensions, hnsw);
    index.#deleted = deleted;
    return index;
  }

  /**
   * The graph of `points` points (none deleted) that `file` holds, read when first used. The index
   * owns the file from now on: `write` moves it, `relocate` follows it.
   */
  static onDisk(file: string, dimensions: number, points: number, parameters: HnswParameters): VectorIndex {
    const index = new VectorIndex(dimensions, { file, points });
    index.setSearchBreadth(parameters);
    return index;
  }

  /** Reads a graph still on disk now, without blocking the event loop (a server does before it serves it). */
  async load(): Promise<void> {
    if (!this.#onDisk) return;
    const hnsw = new HierarchicalNSW('cosine', this.dimensions);
    await hnsw.readIndex(this.#onDisk.file);
    // Another caller may have read it synchronously meanwhile.
    if (!this.#hnsw) [this.#hnsw, this.#onDisk] = [hnsw, undefined];
  }

  /** The graph, read from its file on first use when it is still there. */
  get #graph(): InstanceType<typeof HierarchicalNSW> {
    if (this.#hnsw) return this.#hnsw;
    const hnsw = new HierarchicalNSW('cosine', this.dimensions);
    hnsw.readIndexSync(this.#onDisk!.file);
    [this.#hnsw, this.#onDisk] = [hnsw, undefined];
    return hnsw;
  }

  /** The file of a graph still on disk moved (its version folder was renamed into place). */
  relocate(file: string): void {
    if (this.#onDisk) this.#onDisk.file = file;
  }

  setSearchBreadth({ efSearch, adaptiveEfSearch }: Pick<HnswParameters, 'efSearch' | 'adaptiveEfSearch'>): void {
    this.efSearch = efSearch;
    this.adaptiveEfSearch = adaptiveEfSearch;
  }

  /** Saves the graph to `file`; a graph still on disk is moved there instead (never read into memory). */
  async write(file: string): Promise<void> {
    if (this.#onDisk) {
      await fs.rename(this.#onDisk.file, file);
      this.#onDisk.file = file;
    } else {
      await this.#graph.writeIndex(file);
    }
  }

  add(label: number, vector: ArrayLike<number>): void {
    const hnsw = this.#graph;
    if (hnsw.getCurrentCount() >= hnsw.getMaxElements()) hnsw.resizeIndex(Math.ceil(hnsw.getMaxElements() * GRAPH_GROWTH) + 1);
    hnsw.addPoint(Array.from(vector), label);
  }

  remove(label: number): void {
    this.#graph.markDelete(label);
    this.#deleted++;
  }

  /** The stored vector of a label (for compaction). */
  vector(label: number): number[] {
    return this.#graph.getPoint(label);
  }

  /** Points that answer searches. */
  get size(): number {
    return (this.#onDisk?.points ?? this.#graph.getCurrentCount()) - this.#deleted;
  }

  /** Points removed but still taking space. */
  get deleted(): number {
    return this.#deleted;
  }

  search(vector: ArrayLike<number>, limit: number): VectorHit[] {
    const k = Math.min(limit, this.size);
    if (k === 0) return [];
    const hnsw = this.#graph;
    hnsw.setEf(efSearchFor(this, this.size, k));
    const { neighbors, distances } = hnsw.searchKnn(Array.from(vector), k);
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}
