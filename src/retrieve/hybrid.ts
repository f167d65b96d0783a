import type { Embedder } from '../embed/types.js';
import type { ChunkRecord, CorpusIndex } from '../index/store.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { expandedQueryTerms } from './query-expansion.js';
import type { Passage, Retriever, RetrieverMode } from './types.js';

export interface FusionOptions {
  /** RRF's rank constant: smaller values let the top ranks of each list count for more. */
  k: number;
  /** Weight of the BM25 list's reciprocal ranks. */
  bm25Weight: number;
  /** Weight of the vector list's reciprocal ranks. */
  denseWeight: number;
}


/** How deep each component list goes before fusion. */
const CANDIDATES = 50;

interface Candidate {
  chunk: ChunkRecord;
  bm25: { rank: number; score: number } | null;
  dense: { rank: number; score: number } | null;
}

function rrf(candidate: Candidate, { k, bm25Weight, denseWeight }: FusionOptions): number {
  return (candidate.bm25 ? bm25Weight / (k + candidate.bm25.rank) : 0) + (candidate.dense ? denseWeight / (k + candidate.dense.rank) : 0);
}

/** BM25 and HNSW result lists fused by reciprocal rank fusion; either list alone in the other modes. */
export class HybridRetriever implements Retriever {
  constructor(
    private readonly index: CorpusIndex,
    private readonly embedder: Embedder,
    readonly mode: RetrieverMode,
    private readonly fusion: FusionOptions,
    /** Word similarity for query expansion; without it BM25 searches the question's own terms only. */
    private readonly similarity?: TermSimilarity,
  ) {}

  async retrieve(query: string, k: number): Promise<Passage[]> {
    const candidates = new Map<string, Candidate>();
    const candidate = (chunk: ChunkRecord) => {
      let entry = candidates.get(chunk.id);
      if (!entry) candidates.set(chunk.id, (entry = { chunk, bm25: null, dense: null }));
      return entry;
    };
    const depth = Math.max(CANDIDATES, k);
    if (this.mode !== 'dense') {
      const { lexical } = this.index;
      const hits = this.similarity ? lexical.searchTerms(await expandedQueryTerms(query, { has: (term) => lexical.has(term), similarity: this.similarity }), depth) : lexical.search(query, depth);
      hits.forEach((hit, i) => {
        const chunk = this.index.chunkById.get(hit.id);
        if (chunk) candidate(chunk).bm25 = { rank: i + 1, score: hit.score };
      });
    }
    if (this.mode !== 'bm25') {
      const vector = await this.embedder.embedQuery(query);
      (await this.index.vectors.search(vector, depth)).forEach((hit, i) => {
        const chunk = this.index.chunkByLabel.get(hit.label);
        if (chunk) candidate(chunk).dense = { rank: i + 1, score: hit.similarity };
      });
    }
    const score = (entry: Candidate) =>
      this.mode === 'hybrid' ? rrf(entry, this.fusion) : ((this.mode === 'bm25' ? entry.bm25?.score : entry.dense?.score) ?? 0);
    return [...candidates.values()]
      .map((entry) => ({ entry, score: score(entry) }))
      .sort((a, b) => b.score - a.score || a.entry.chunk.id.localeCompare(b.entry.chunk.id))
      .slice(0, k)
      .map(({ entry, score }) => ({
        chunkId: entry.chunk.id,
        source: entry.chunk.source,
        start: entry.chunk.start,
        end: entry.chunk.end,
        text: entry.chunk.text,
        title: this.index.sources.get(entry.chunk.source)?.title ?? entry.chunk.source,
        section: entry.chunk.section,
        ...(entry.chunk.page ? { page: entry.chunk.page } : {}),
        score,
        ranks: { bm25: entry.bm25?.rank ?? null, dense: entry.dense?.rank ?? null },
      }));
  }
}
