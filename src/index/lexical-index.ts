import MiniSearch from 'minisearch';
import { terms } from '../match/analyzer.js';

export interface LexicalHit {
  id: string;
  score: number;
}

/** BM25 over chunk texts (MiniSearch), sharing the analyzer the answerer uses for term matching. */
export class LexicalIndex {
  readonly #search: MiniSearch<{ id: string; text: string }>;
  readonly #documentFrequency = new Map<string, number>();
  readonly #documentCount: number;

  constructor(chunks: ReadonlyArray<{ id: string; text: string }>) {
    this.#search = new MiniSearch({
      fields: ['text'],
      tokenize: (text) => terms(text),
      processTerm: (term) => term,
    });
    this.#search.addAll(chunks);
    for (const chunk of chunks) {
      for (const term of new Set(terms(chunk.text))) this.#documentFrequency.set(term, (this.#documentFrequency.get(term) ?? 0) + 1);
    }
    this.#documentCount = chunks.length;
  }

  search(query: string, limit: number): LexicalHit[] {
    return this.#search
      .search(query, { combineWith: 'OR' })
      .slice(0, limit)
      .map((result) => ({ id: String(result.id), score: result.score }));
  }

  /** BM25-style inverse document frequency; terms the corpus never uses weigh the most. */
  idf(term: string): number {
    const df = this.#documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.#documentCount - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.#documentFrequency.has(term);
  }
}
