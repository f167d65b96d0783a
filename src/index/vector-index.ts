import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  /** The chunk's label in the index. */
  label: number;
  /** Cosine similarity. */
  similarity: number;
}

const M = 16;
const EF_CONSTRUCTION = 200;
const RANDOM_SEED = 100;
const MIN_EF = 64;
/** Capacity grows by this factor when labels run out, so adding one file is not a full reallocation. */
const GROWTH = 1.5;

/**
 * Approximate nearest neighbours over normalised vectors (HNSW, cosine space), persisted to one file.
 * Points are added under chunk labels and removed with `markDelete` (they stop appearing in results;
 * the space is reclaimed when the index is rebuilt by compaction).
 */
export class VectorIndex {
  #deleted = 0;

  private constructor(
    readonly dimensions: number,
    private readonly hnsw: InstanceType<typeof HierarchicalNSW>,
  ) {}

  static create(dimensions: number, capacity: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex(Math.max(1, capacity), M, EF_CONSTRUCTION, RANDOM_SEED);
    return new VectorIndex(dimensions, hnsw);
  }

  /** `vectors[i]` under label i. */
  static build(dimensions: number, vectors: ReadonlyArray<ArrayLike<number>>): VectorIndex {
    const index = VectorIndex.create(dimensions, vectors.length);
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

  async write(file: string): Promise<void> {
    await this.hnsw.writeIndex(file);
  }

  add(label: number, vector: ArrayLike<number>): void {
    if (this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements()) this.hnsw.resizeIndex(Math.ceil(this.hnsw.getMaxElements() * GROWTH) + 1);
    this.hnsw.addPoint(Array.from(vector), label);
  }

  remove(label: number): void {
    this.hnsw.markDelete(label);
    this.#deleted++;
  }

  /** The stored vector of a label (for compaction). */
  vector(label: number): number[] {
    return this.hnsw.getPoint(label);
  }

  /** Points that answer searches. */
  get size(): number {
    return this.hnsw.getCurrentCount() - this.#deleted;
  }

  /** Points removed but still taking space. */
  get deleted(): number {
    return this.#deleted;
  }

  search(vector: number[], limit: number): VectorHit[] {
    const k = Math.min(limit, this.size);
    if (k === 0) return [];
    this.hnsw.setEf(Math.max(MIN_EF, k));
    const { neighbors, distances } = this.hnsw.searchKnn(vector, k);
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}
