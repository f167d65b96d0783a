import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  /** Position of the chunk in the index's chunk list (the HNSW label). */
  label: number;
  /** Cosine similarity. */
  similarity: number;
}

/** HNSW graph settings (see `npm run bench -- hnsw` for recall, speed and memory at each). */
export interface HnswParameters {
  /** Links per node: more means better recall and more memory. */
  m: number;
  /** Candidates considered while inserting: more means a better graph and a slower build. */
  efConstruction: number;
  /** Candidates considered per query (at least k): more means better recall and slower queries. */
  efSearch: number;
}

/** Chosen by bench/hnsw.ts: recall@10 ≥ 0.98 on real and clustered vectors at 100k. */
export const DEFAULT_HNSW: Readonly<HnswParameters> = Object.freeze({ m: 16, efConstruction: 200, efSearch: 64 });

const RANDOM_SEED = 100;

/** Approximate nearest neighbours over normalised vectors (HNSW, cosine space), persisted to one file. */
export class VectorIndex {
  /** Query-time breadth; a serving setting, so it can change without rebuilding. */
  efSearch = DEFAULT_HNSW.efSearch;

  private constructor(
    readonly dimensions: number,
    private readonly hnsw: InstanceType<typeof HierarchicalNSW>,
  ) {}

  static build(dimensions: number, vectors: ReadonlyArray<ArrayLike<number>>, parameters: HnswParameters = DEFAULT_HNSW): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex(Math.max(1, vectors.length), parameters.m, parameters.efConstruction, RANDOM_SEED);
    vectors.forEach((vector, label) => hnsw.addPoint(Array.from(vector), label));
    const index = new VectorIndex(dimensions, hnsw);
    index.efSearch = parameters.efSearch;
    return index;
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

  search(vector: ArrayLike<number>, limit: number): VectorHit[] {
    const k = Math.min(limit, this.size);
    if (k === 0) return [];
    this.hnsw.setEf(Math.max(this.efSearch, k));
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(vector), k);
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}
