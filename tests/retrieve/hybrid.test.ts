import { beforeAll, describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../src/retrieve/hybrid.js';

const CLASSIC_RRF = { k: 60, bm25Weight: 1, denseWeight: 1 };
import type { Docent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

let docent: Docent;

beforeAll(async () => {
  docent = await openTestDocent(
    await makeCorpus({
      'animals.md': 'Cats purr when they are content. Dogs bark at strangers.\n\nParrots can imitate human speech.',
      'plants.md': 'Cacti store water in their stems.\n\nFerns reproduce with spores rather than seeds.',
      'space.md': 'Mars has two small moons, Phobos and Deimos.\n\nJupiter is the largest planet.',
    }),
    { CHUNK_SIZE: '100', CHUNK_OVERLAP: '0' },
  );
});

describe('HybridRetriever', () => {
  it('fuses BM25 and dense ranks with reciprocal rank fusion and reports both ranks', async () => {
    const retriever = new HybridRetriever(docent.index, hashEmbedder(), 'hybrid', CLASSIC_RRF);
    const [top, ...rest] = await retriever.retrieve('How do ferns reproduce?', 3);
    expect(top!.text).toContain('Ferns reproduce with spores');
    expect(top!.ranks).toEqual({ bm25: 1, dense: 1 });
    expect(top!.score).toBeCloseTo(2 / 61, 10);
    for (const passage of rest) expect(passage.score).toBeLessThanOrEqual(top!.score);
  });

  it('runs either component alone, leaving the other rank null', async () => {
    const bm25 = await new HybridRetriever(docent.index, hashEmbedder(), 'bm25', CLASSIC_RRF).retrieve('Phobos Deimos', 2);
    expect(bm25[0]!.text).toContain('Phobos');
    expect(bm25.every((p) => p.ranks.dense === null)).toBe(true);
    const dense = await new HybridRetriever(docent.index, hashEmbedder(), 'dense', CLASSIC_RRF).retrieve('Phobos Deimos', 2);
    expect(dense[0]!.text).toContain('Phobos');
    expect(dense.every((p) => p.ranks.bm25 === null)).toBe(true);
  });

  it('returns passages whose text is the exact slice of their source', async () => {
    for (const passage of await docent.search('water stems spores moons', 10)) {
      expect(passage.text).toBe(docent.index.documents.get(passage.source)!.slice(passage.start, passage.end));
    }
  });
});
