import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_HNSW, EF_REFERENCE_SIZE, efSearchFor, GRAPH_REFERENCE_SIZE, graphFor, VectorIndex } from '../../src/index/vector-index.js';

describe('efSearchFor', () => {
  it('keeps the configured breadth up to the reference size, so small indexes answer as before', () => {
    for (const size of [0, 1, 10_000, EF_REFERENCE_SIZE]) expect(efSearchFor(DEFAULT_HNSW, size, 10)).toBe(DEFAULT_HNSW.efSearch);
  });

  it('widens with the square root of the size past the reference size', () => {
    expect(efSearchFor(DEFAULT_HNSW, 4 * EF_REFERENCE_SIZE, 10)).toBe(2 * DEFAULT_HNSW.efSearch);
    expect(efSearchFor(DEFAULT_HNSW, 10 * EF_REFERENCE_SIZE, 10)).toBe(Math.ceil(DEFAULT_HNSW.efSearch * Math.sqrt(10)));
    expect(efSearchFor({ efSearch: 64, adaptiveEfSearch: true }, 9 * EF_REFERENCE_SIZE, 10)).toBe(192);
  });

  it('stays fixed when not adaptive, and is never under twice k', () => {
    expect(efSearchFor({ efSearch: 64, adaptiveEfSearch: false }, 100 * EF_REFERENCE_SIZE, 10)).toBe(64);
    expect(efSearchFor({ efSearch: 64, adaptiveEfSearch: false }, 1000, 50)).toBe(100);
    expect(efSearchFor(DEFAULT_HNSW, 16 * EF_REFERENCE_SIZE, 300)).toBe(600);
  });

  it('is configured by HNSW_EF_SEARCH and HNSW_EF_SEARCH_ADAPTIVE, and applied by the index', () => {
    expect(loadConfig({}, '/tmp').hnsw).toMatchObject({ efSearch: 128, adaptiveEfSearch: true });
    const fixed = loadConfig({ HNSW_EF_SEARCH: '200', HNSW_EF_SEARCH_ADAPTIVE: 'false' }, '/tmp').hnsw;
    expect(fixed).toMatchObject({ efSearch: 200, adaptiveEfSearch: false });
    const index = VectorIndex.create(2, 4, fixed);
    expect([index.efSearch, index.adaptiveEfSearch]).toEqual([200, false]);
    index.add(0, [1, 0]);
    index.add(1, [0, 1]);
    expect(index.search([1, 0.1], 1)).toEqual([{ label: 0, similarity: expect.closeTo(0.995, 3) }]);
  });
});

describe('graphFor', () => {
  it('keeps the configured graph up to the reference size and builds at least M 24 / efConstruction 200 beyond', () => {
    expect(graphFor(DEFAULT_HNSW, GRAPH_REFERENCE_SIZE)).toEqual({ m: 16, efConstruction: 100 });
    expect(graphFor(DEFAULT_HNSW, GRAPH_REFERENCE_SIZE + 1)).toEqual({ m: 24, efConstruction: 200 });
    expect(graphFor({ ...DEFAULT_HNSW, m: 32, efConstruction: 150 }, 10 * GRAPH_REFERENCE_SIZE)).toEqual({ m: 32, efConstruction: 200 });
    expect(graphFor({ ...DEFAULT_HNSW, adaptiveGraph: false }, 10 * GRAPH_REFERENCE_SIZE)).toEqual({ m: 16, efConstruction: 100 });
  });

  it('is configured by HNSW_GRAPH_ADAPTIVE and applied when the index is created', async () => {
    expect(loadConfig({}, '/tmp').hnsw.adaptiveGraph).toBe(true);
    expect(loadConfig({ HNSW_GRAPH_ADAPTIVE: 'false' }, '/tmp').hnsw.adaptiveGraph).toBe(false);
    // hnswlib's file header stores the bytes per point, which grow with M (2M links on the bottom layer).
    const bytesPerPoint = async (capacity: number) => {
      const index = VectorIndex.create(2, capacity, DEFAULT_HNSW);
      index.add(0, [1, 0]);
      const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'docent-graph-')), 'v.hnsw');
      await index.write(file);
      const header = await fs.readFile(file);
      await fs.rm(path.dirname(file), { recursive: true });
      return Number(header.readBigUInt64LE(24));
    };
    const small = await bytesPerPoint(10);
    const large = await bytesPerPoint(GRAPH_REFERENCE_SIZE + 1);
    expect(large - small).toBe((24 - 16) * 2 * 4);
  });
});
