import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  /** Position of the chunk in the index's chunk list (the HNSW label). */
  label: number;
  /** Cosine similarity. */
  similarity: number;
}

const M = 16;
const EF_CONSTRUCTION = 200;
const RANDOM_SEED = 100;
const MIN_EF = 64;

/** Approximate nearest neighbours over normalised vectors (HNSW, cosine space), persisted to one file. */
export class VectorIndex {
  private constructor(
    readonly dimensions: number,
    private readonly hnsw: InstanceType<typeof HierarchicalNSW>,
  ) {}

  static build(dimensions: number, vectors: ReadonlyArray<ArrayLike<number>>): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex(Math.max(1, vectors.length), M, EF_CONSTRUCTION, RANDOM_SEED);
    vectors.forEach((vector, label) => hnsw.addPoint(Array.from(vector), label));
    return new VectorIndex(dimensions, hnsw);
  }

  static async read(file: string, dimensions: number): Promise<VectorIndex> {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    await hnsw.readIndex(file);
    return new VectorIndex(dimensions, hnsw);
  }

  async write(file: string): Promise<void> {
    await this.hnsw.writeIndex(file);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  search(vector: number[], limit: number): VectorHit[] {
    const k = Math.min(limit, this.size);
    if (k === 0) return [];
    this.hnsw.setEf(Math.max(MIN_EF, k));
    const { neighbors, distances } = this.hnsw.searchKnn(vector, k);
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}
