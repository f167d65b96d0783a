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

    await offThread.write(path.join(dir, 'off-thread.hnsw'));
    await inPlace.write(path.join(dir, 'in-place.hnsw'));
    const [a, b] = await Promise.all([fs.readFile(path.join(dir, 'off-thread.hnsw')), fs.readFile(path.join(dir, 'in-place.hnsw'))]);
    expect(a.equals(b)).toBe(true);
    expect(offThread.size).toBe(count);
    expect(offThread.efSearch).toBe(PARAMETERS.efSearch);
    expect(offThread.search(rows[7]!, 1)[0]?.label).toBe(7);
    // The scratch file the graph passed through is gone.
    expect((await fs.readdir(dir)).sort()).toEqual(['in-place.hnsw', 'off-thread.hnsw']);
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
