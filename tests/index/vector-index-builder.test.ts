import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/index/vector-index.js';
import { VectorIndexBuilder } from '../../src/index/vector-index-builder.js';
import { syntheticVectors } from '../../bench/vectors.js';
import { keyedRandom } from '../../tools/build-model/random.js';

const PARAMETERS = { m: 16, efConstruction: 100, efSearch: 64, adaptiveEfSearch: true, adaptiveGraph: true };

describe('VectorIndexBuilder', () => {
  it('builds in a worker the same graph, byte for byte, as inserting on the main thread', async () => {
    const dimensions = 32;
    const count = 1500;
    const set = syntheticVectors('clustered', count, dimensions, 0, keyedRandom('builder-test', 'vectors'));
    const rows = Array.from({ length: count }, (_, i) => set.data.subarray(i * dimensions, (i + 1) * dimensions));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-builder-'));

    const builder = new VectorIndexBuilder(dimensions, count, PARAMETERS, path.join(dir, 'scratch.hnsw'));
    // Uneven batches, as the build sends them; labels in order, as the build assigns them.
    for (let from = 0; from < count; from += 400) {
      const labels = rows.slice(from, from + 400).map((_, i) => from + i);
      await builder.add(labels, rows.slice(from, from + 400));
    }
    const offThread = await builder.finish();
    await builder.close();
    const inPlace = VectorIndex.build(dimensions, rows, PARAMETERS);
    // The graph stays in the scratch file the worker wrote until it is used.
    expect(await fs.readdir(dir)).toEqual(['scratch.hnsw']);
    expect(offThread.size).toBe(count);

    // Writing a graph still on disk moves its file: the scratch file is gone.
    await offThread.write(path.join(dir, 'off-thread.hnsw'));
    await inPlace.write(path.join(dir, 'in-place.hnsw'));
    expect((await fs.readdir(dir)).sort()).toEqual(['in-place.hnsw', 'off-thread.hnsw']);
    const [a, b] = await Promise.all([fs.readFile(path.join(dir, 'off-thread.hnsw')), fs.readFile(path.join(dir, 'in-place.hnsw'))]);
    expect(a.equals(b)).toBe(true);
    expect(offThread.efSearch).toBe(PARAMETERS.efSearch);
    // Read from where it was moved on first use.
    expect(offThread.search(rows[7]!, 1)[0]?.label).toBe(7);
    expect(offThread.size).toBe(count);
  });

  it('reads a graph left on disk where it was relocated, before its first search when asked to', async () => {
    const rows = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]];
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-builder-'));
    const builder = new VectorIndexBuilder(4, rows.length, PARAMETERS, path.join(dir, 'scratch.hnsw'));
    await builder.add([0, 1, 2], rows);
    const index = await builder.finish();
    await fs.rename(path.join(dir, 'scratch.hnsw'), path.join(dir, 'moved.hnsw'));
    index.relocate(path.join(dir, 'moved.hnsw'));
    await index.load();
    // Loaded: the file is no longer needed.
    await fs.rm(path.join(dir, 'moved.hnsw'));
    expect(index.search([0, 0.1, 1, 0], 1)[0]?.label).toBe(2);
    index.remove(2);
    expect(index.size).toBe(2);
  });

  it('reports a failure of the worker instead of hanging', async () => {
    const builder = new VectorIndexBuilder(4, 1, PARAMETERS, path.join(os.tmpdir(), 'docent-no-such-folder', 'scratch.hnsw'));
    try {
      await builder.add([0], [[1, 0, 0, 0]]);
      await expect(builder.finish()).rejects.toThrow(/scratch\.hnsw/);
    } finally {
      await builder.close();
    }
  });
});
