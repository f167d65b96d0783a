import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertionGraph } from '../../src/index/hnsw-insert-graph.js';
import { BATCH_ADDON_FILE, loadBatchAddon } from '../../src/index/hnsw-insert-native.js';
import { syntheticVectors } from '../../bench/vectors.js';
import { keyedRandom } from '../../tools/build-model/random.js';

const PARAMETERS = { m: 16, efConstruction: 100, efSearch: 64, adaptiveEfSearch: true, adaptiveGraph: true };
const addon = loadBatchAddon();

/** Rows of unequal lengths, so both ways must normalise them alike. */
function points(count: number, dimensions: number): { labels: Int32Array; vectors: Float32Array } {
  const vectors = syntheticVectors('clustered', count, dimensions, 0, keyedRandom('insert-graph-test', 'vectors')).data.slice();
  for (let i = 0; i < vectors.length; i++) vectors[i]! *= 1 + (Math.floor(i / dimensions) % 7);
  return { labels: Int32Array.from({ length: count }, (_, i) => i), vectors };
}

/** Fills a graph of `capacity` in uneven batches, as the build sends them, and returns the bytes it writes. */
async function written(via: 'addon' | 'hnswlib-node', capacity: number, dimensions: number, count: number): Promise<Buffer> {
  const graph = insertionGraph({ dimensions, capacity, parameters: PARAMETERS }, via === 'addon' ? addon : undefined);
  expect(graph.via).toBe(via === 'addon' ? 'batch addon' : 'hnswlib-node');
  const { labels, vectors } = points(count, dimensions);
  for (let from = 0; from < count; from += 377) {
    const to = Math.min(count, from + 377);
    graph.add(labels.subarray(from, to), vectors.subarray(from * dimensions, to * dimensions));
  }
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'docent-insert-graph-')), via);
  await graph.write(file);
  return fs.readFile(file);
}

describe('the insertion worker’s graph', () => {
  it.skipIf(!addon)('is the same file, byte for byte, through the batch addon as through hnswlib-node', async () => {
    const [batch, perPoint] = await Promise.all([written('addon', 1200, 48, 1200), written('hnswlib-node', 1200, 48, 1200)]);
    expect(batch.length).toBeGreaterThan(1200 * 48 * 4);
    expect(batch.equals(perPoint)).toBe(true);
  });

  it.skipIf(!addon)('grows past its capacity as VectorIndex.add does, to the same file', async () => {
    const [batch, perPoint] = await Promise.all([written('addon', 250, 16, 1000), written('hnswlib-node', 250, 16, 1000)]);
    expect(batch.equals(perPoint)).toBe(true);
  });

  it.runIf(process.env.CI === 'true')('has the batch addon on CI, where the install compiled it', () => {
    expect(addon, `${BATCH_ADDON_FILE} should have been compiled by npm ci (scripts/native-hnsw-batch.mjs)`).toBeDefined();
  });

  it('falls back to hnswlib-node when the addon is missing or cannot be loaded', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-insert-graph-'));
    const broken = path.join(dir, 'hnsw_batch.node');
    await fs.writeFile(broken, 'not a shared library');
    expect(loadBatchAddon(path.join(dir, 'missing.node'))).toBeUndefined();
    expect(loadBatchAddon(broken)).toBeUndefined();
    const graph = insertionGraph({ dimensions: 4, capacity: 2, parameters: PARAMETERS }, loadBatchAddon(broken));
    expect(graph.via).toBe('hnswlib-node');
  });
});
