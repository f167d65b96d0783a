
/** Vectors to index and queries to ask, each packed row-major and L2-normalised. */
export interface VectorSet {
  name: string;
  dimensions: number;
  data: Float32Array;
  queries: Float32Array;
}

/** A standard normal deviate (Box–Muller). */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function normalizeRows(data: Float32Array, dimensions: number): void {
  for (let at = 0; at < data.length; at += dimensions) {
    let sum = 0;
    for (let i = at; i < at + dimensions; i++) sum += data[i]! ** 2;
    const scale = 1 / (Math.sqrt(sum) || 1);
    for (let i = at; i < at + dimensions; i++) data[i]! *= scale;
  }
}

/**
 * `random`: uniform on the sphere, the hardest case for any graph index (no structure to exploit).
 * `clustered`: √n topics, each point its topic's centre plus noise, as embeddings of documents are.
 */
export function syntheticVectors(kind: 'random' | 'clustered', count: number, dimensions: number, queries: number, random: () => number): VectorSet {
  const total = count + queries;
  const all = new Float32Array(total * dimensions);
  const centres = new Float32Array(Math.ceil(Math.sqrt(total)) * dimensions);
  for (let i = 0; i < centres.length; i++) centres[i] = gaussian(random);
  normalizeRows(centres, dimensions);
  const noise = kind === 'random' ? 1 : 1 / Math.sqrt(dimensions);
  for (let row = 0; row < total; row++) {
    const centre = Math.floor(random() * (centres.length / dimensions)) * dimensions;
    for (let i = 0; i < dimensions; i++) all[row * dimensions + i] = (kind === 'random' ? 0 : centres[centre + i]!) + noise * gaussian(random);
  }
  normalizeRows(all, dimensions);
  return { name: `${kind}`, dimensions, data: all.subarray(0, count * dimensions), queries: all.subarray(count * dimensions) };
}

/** The exact k nearest rows (by dot product, i.e. cosine) of each query: the ground truth recall is measured against. */
export function exactTopK(set: VectorSet, k: number): Int32Array[] {
  const { dimensions, data, queries } = set;
  const count = data.length / dimensions;
  const results: Int32Array[] = [];
  for (let q = 0; q < queries.length; q += dimensions) {
    const best = new Int32Array(k).fill(-1);
    const scores = new Float64Array(k).fill(-Infinity);
    for (let row = 0, at = 0; row < count; row++, at += dimensions) {
      let dot = 0;
      for (let i = 0; i < dimensions; i++) dot += data[at + i]! * queries[q + i]!;
      if (dot <= scores[k - 1]!) continue;
      let j = k - 1;
      for (; j > 0 && scores[j - 1]! < dot; j--) {
        scores[j] = scores[j - 1]!;
        best[j] = best[j - 1]!;
      }
      scores[j] = dot;
      best[j] = row;
    }
    results.push(best);
  }
  return results;
}
