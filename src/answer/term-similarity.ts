import type { Embedder } from '../embed/types.js';

/** Word-to-word similarity from the embedding model, so "drill" can stand for "exercise" when checking coverage. */
export class TermSimilarity {
  readonly #vectors = new Map<string, number[]>();

  constructor(private readonly embedder: Embedder) {}

  /** Embeds, in one batch, the words not seen before. */
  async prepare(words: Iterable<string>): Promise<void> {
    const missing = [...new Set(words)].filter((word) => !this.#vectors.has(word));
    if (missing.length === 0) return;
    const vectors = await this.embedder.embedDocuments(missing);
    missing.forEach((word, i) => this.#vectors.set(word, vectors[i] ?? []));
  }

  /** Cosine similarity of two prepared words (0 for unprepared ones). */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    const u = this.#vectors.get(a);
    const v = this.#vectors.get(b);
    if (!u || !v) return 0;
    let dot = 0;
    for (let i = 0; i < u.length; i++) dot += u[i]! * v[i]!;
    return dot;
  }
}
