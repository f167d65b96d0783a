/**
 * Docent's retrieval beside peers on the same chunks, vectors and questions (SQuAD): MiniSearch alone
 * (BM25), Orama's hybrid search fed Docent's vectors, and exact brute-force vector search.
 * Hit@5 is the eval's evidence rule; latency is per query, and the peers get the query vector for free.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import MiniSearch from 'minisearch';
import { loadEvalCases, type EvalCase } from '../src/eval/datasets.js';
import { isEvidence } from '../src/eval/metrics.js';
import type { ChunkRecord } from '../src/index/store.js';
import type { Docent } from '../src/service.js';
import { latency, timed, type Latency } from './stats.js';
import { VectorIndex } from '../src/index/vector-index.js';

export interface PeerResult {
  name: string;
  hitAt5: number;
  latency: Latency;
  /** p50 latency over Docent's. */
  latencyRatio: number;
}

const K = 5;

function bruteForce(vectors: Float32Array, dimensions: number, query: ArrayLike<number>): number[] {
  const best: Array<[number, number]> = [];
  for (let row = 0; row * dimensions < vectors.length; row++) {
    let dot = 0;
    for (let i = 0; i < dimensions; i++) dot += vectors[row * dimensions + i]! * query[i]!;
    if (best.length < K || dot > best[K - 1]![1]) {
      best.push([row, dot]);
      best.sort((a, b) => b[1] - a[1]);
      best.length = Math.min(best.length, K);
    }
  }
  return best.map(([row]) => row);
}

export async function comparePeers(docent: Docent, questionsFile: string): Promise<{ questions: number; results: PeerResult[] }> {
  const { index, embedder } = docent;
  const cases = (await loadEvalCases(questionsFile, index.documents)).filter((item) => item.answerable);
  const chunks = index.chunks;
  const dimensions = embedder.info.dimensions;
  const packed = new Float32Array(chunks.length * dimensions);
  const { vectors } = index;
  if (!(vectors instanceof VectorIndex)) throw new Error('The peer comparison reads the embedded store (VECTOR_STORE=hnsw)');
  chunks.forEach((chunk, row) => packed.set(vectors.vector(chunk.label), row * dimensions));
  const queryVectors = await Promise.all(cases.map((item) => embedder.embedQuery(item.question)));

  const miniSearch = new MiniSearch<ChunkRecord>({ fields: ['text'], idField: 'id' });
  miniSearch.addAll([...chunks]);
  const orama = create({ schema: { text: 'string', embedding: `vector[${dimensions}]` } as const });
  await insertMultiple(orama, chunks.map((chunk, row) => ({ id: String(row), text: chunk.text, embedding: Array.from(packed.subarray(row * dimensions, (row + 1) * dimensions)) })));

  const methods: Array<{ name: string; top: (item: EvalCase, i: number) => Promise<Array<Pick<ChunkRecord, 'source' | 'start' | 'end' | 'text'>>> }> = [
    { name: 'Docent (hybrid: BM25 + HNSW, fused)', top: (item) => docent.search(item.question, K) },
    { name: 'MiniSearch alone (BM25)', top: async (item) => miniSearch.search(item.question).slice(0, K).map((hit) => index.chunkById.get(String(hit.id))!) },
    {
      name: 'Orama hybrid (same vectors)',
      top: async (item, i) => {
        const found = await oramaSearch(orama, { mode: 'hybrid', term: item.question, vector: { value: queryVectors[i]!, property: 'embedding' }, similarity: 0, limit: K });
        return found.hits.map((hit) => chunks[Number(hit.id)]!);
      },
    },
    { name: 'Exact vector search (brute force)', top: async (_item, i) => bruteForce(packed, dimensions, queryVectors[i]!).map((row) => chunks[row]!) },
  ];
  const results: PeerResult[] = [];
  for (const method of methods) {
    let hits = 0;
    const samples: number[] = [];
    for (const [i, item] of cases.entries()) {
      const [top, ms] = await timed(() => method.top(item, i));
      samples.push(ms);
      if (top.some((chunk) => isEvidence(item, chunk.source, chunk, chunk.text))) hits++;
    }
    const measured = latency(samples);
    results.push({ name: method.name, hitAt5: Math.round((hits / cases.length) * 1000) / 1000, latency: measured, latencyRatio: 0 });
  }
  const docentP50 = results[0]!.latency.p50Ms || 1;
  for (const result of results) result.latencyRatio = Math.round((result.latency.p50Ms / docentP50) * 100) / 100;
  return { questions: cases.length, results };
}
