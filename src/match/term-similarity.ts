import type { Embedder } from '../embed/types.js';

/** Question words whose similarities are remembered; past this the memo starts afresh. */
const MEMO_WORDS = 512;

/** Word-to-word similarity from the embedding model, so "drill" can stand for "exercise" when checking coverage. */
export class TermSimilarity {
  readonly #vectors = new Map<string, Float32Array>();
  /**
   * The answerer and the checker compare the same few question words with the same passage words
   * many times per question: each pair's dot product is computed once.
   */
  readonly #memo = new Map<string, Map<string, number>>();

  constructor(private readonly embedder: Embedder) {}

  /** Embeds, in one batch, the words not seen before. */
  async prepare(words: Iterable<string>): Promise<void> {
    const missing = [...new Set(words)].filter((word) => !this.#vectors.has(word));
    if (missing.length === 0) return;
    const vectors = await this.embedder.embedDocuments(missing);
    missing.forEach((word, i) => this.#vectors.set(word, Float32Array.from(vectors[i] ?? [])));
  }

  /** Cosine similarity of two prepared words (0 for unprepared ones). */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    let row = this.#memo.get(a);
    const known = row?.get(b);
    if (known !== undefined) return known;
    const u = this.#vectors.get(a);
    const v = this.#vectors.get(b);
    if (!u || !v) return 0;
    let dot = 0;
    for (let i = 0; i < u.length; i++) dot += u[i]! * v[i]!;
    if (!row) {
      if (this.#memo.size >= MEMO_WORDS) this.#memo.clear();
      this.#memo.set(a, (row = new Map()));
    }
    row.set(b, dot);
    return dot;
  }
}
