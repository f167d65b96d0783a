import { createHash } from 'node:crypto';

/**
 * Deterministic pseudo-random numbers keyed by a string, so a token's or synset's random vector
 * depends only on its own key and the seed, never on iteration order or vocabulary size.
 */
export function keyedRandom(seed: string, key: string): () => number {
  const digest = createHash('sha256').update(seed).update('\0').update(key).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  // sfc32: pure 32-bit integer arithmetic, so the stream is identical on every platform and Node version.
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * A sparse ternary random vector (random indexing): `nonZeros` coordinates of ±1, encoded as ±(index + 1).
 * Such vectors are nearly orthogonal to each other, and adding one costs O(nonZeros) instead of O(dimensions).
 */
export type SparseVector = Int32Array;

export function randomIndexVector(seed: string, key: string, dimensions: number, nonZeros: number): SparseVector {
  const random = keyedRandom(seed, key);
  const vector = new Int32Array(nonZeros);
  for (let i = 0; i < nonZeros; i++) {
    const index = Math.floor(random() * dimensions) + 1;
    vector[i] = random() < 0.5 ? -index : index;
  }
  return vector;
}

/** Adds `weight * vector` into the row of `target` that starts at `offset`. */
export function addSparse(target: Float32Array, offset: number, vector: SparseVector, weight: number): void {
  for (const signed of vector) {
    if (signed > 0) target[offset + signed - 1]! += weight;
    else target[offset - signed - 1]! -= weight;
  }
}
