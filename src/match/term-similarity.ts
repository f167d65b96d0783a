import { wordVectorsOf, type Embedder } from '../embed/types.js';
import type { Token } from './analyzer.js';
import { WordVectorCache } from './word-vector-cache.js';
import type { WordVectorTable } from './word-vectors.js';

/** Which word meanings soft matching uses: the embedding model's (WordNet-built by default), GloVe's, or the better of both. */
export const WORD_MEANINGS = ['wordnet', 'glove', 'both'] as const;
export type WordMeaning = (typeof WORD_MEANINGS)[number];

/** Question words whose similarities are remembered; past this the memo starts afresh. */
const MEMO_WORDS = 512;

/**
 * Words whose model vectors one generation of the cache holds (≈ 3 KiB each at 768 dimensions; two
 * generations are kept): far more than the words of a question's passages, far fewer than a large corpus's vocabulary.
 * At 100k chunks 10,000 rather than 20,000 left a worker 49–50 MiB smaller after the bench's 189
 * questions asked twice (the first round's CPU within the run-to-run spread, the second's 3–12 %
 * more: words embedded again), and the warm-up (which fills one generation) 2.1–2.7 s of CPU shorter.
 */
export const VECTOR_GENERATION_WORDS = 10_000;

/**
 * Word-to-word similarity, so "drill" can stand for "exercise" when checking coverage: from the
 * embedding model (WordNet synonyms and relations with the default model), from distributional
 * GloVe vectors (words used alike: "troops" ~ "soldiers"), or the higher of the two.
 */
export class TermSimilarity {
  readonly #vectors = new WordVectorCache(VECTOR_GENERATION_WORDS);
  /**
   * The answerer and the checker compare the same few question words with the same passage words
   * many times per question: each pair's similarity is computed once.
   */
  readonly #memo = new Map<string, Map<string, number>>();
  readonly #useModel: boolean;
  /** The word compared last and its memo row: coverage compares one question word with a sentence's words in a row. */
  #lastWord: string | undefined;
  #lastRow: Map<string, number> | undefined;
  /** Token lists every word of which had its vector, with the cache generation then (see prepareTokens); kept as long as the list is. */
  readonly #preparedLists = new WeakMap<readonly Token[], number>();
  /**
   * Words being embedded now, with the batch that embeds them. Requests in flight at once share most
   * new words (the same question asked on many connections, passages that many questions retrieve):
   * without this each embedded them again (a fresh process at 100k chunks, 32 requests in flight:
   * 39,506 words in the first 3,000 requests, against 1,246 with it).
   */
  readonly #embedding = new Map<string, Promise<void>>();

  constructor(
    private readonly embedder: Embedder,
    private readonly glove?: WordVectorTable,
    readonly meaning: WordMeaning = glove ? 'both' : 'wordnet',
  ) {
    this.#useModel = meaning !== 'glove' || !glove;
  }

  /** The GloVe table, when loaded (also used to tell compound names apart). */
  get wordVectors(): WordVectorTable | undefined {
    return this.glove;
  }

  /** Embeds, in one batch, the words not seen before (GloVe needs no preparation). */
  async prepare(words: Iterable<string>): Promise<void> {
    if (!this.#useModel) return;
    // Most words are known by now: skip them before collecting, instead of collecting every word of every passage first.
    const unknown = new Set<string>();
    const batches = new Set<Promise<void>>();
    for (const word of words) {
      if (this.#vectors.keep(word)) continue;
      const embedding = this.#embedding.get(word);
      if (embedding) batches.add(embedding);
      else unknown.add(word);
    }
    if (unknown.size > 0) {
      const missing = [...unknown];
      const batch = this.#embed(missing);
      for (const word of missing) this.#embedding.set(word, batch);
      batches.add(batch);
    }
    await Promise.all(batches);
  }

  async #embed(missing: string[]): Promise<void> {
    try {
      // Float32Arrays straight from the model, not `embedDocuments`' number[]s (6 KiB of garbage per word at
      // 768 dimensions, then copied back); each copied out of its batch's buffer, which a word kept alone would hold whole.
      const vectors = await wordVectorsOf(this.embedder, missing);
      missing.forEach((word, i) => this.#vectors.set(word, vectors[i]?.slice() ?? new Float32Array(0)));
    } finally {
      for (const word of missing) this.#embedding.delete(word);
    }
  }

  /**
   * `prepare` for `words` and the words of token lists that come back request after request (the
   * cached sentences of the corpus): a list whose words were all prepared once is not read again.
   */
  async prepareTokens(words: Iterable<string>, lists: Iterable<readonly Token[]>): Promise<void> {
    if (!this.#useModel) return;
    const generation = this.#vectors.generation;
    // A list prepared before the cache last rotated is read again: its words may have gone, and those still held move to the current generation.
    const pending = [...lists].filter((tokens) => this.#preparedLists.get(tokens) !== generation);
    await this.prepare([...words, ...pending.flatMap((tokens) => tokens.map((token) => token.word))]);
    // Marked only when the cache did not rotate meanwhile: otherwise some of the words may already sit in the older generation.
    if (this.#vectors.generation === generation) for (const tokens of pending) this.#preparedLists.set(tokens, generation);
  }

  /** Cosine similarity of two words (0 when neither source knows them). */
  similarity(a: string, b: string): number {
    if (a === b) return 1;
    let row = a === this.#lastWord ? this.#lastRow : this.#memo.get(a);
    let value = row?.get(b);
    if (value === undefined) {
      const model = this.#useModel ? this.#modelSimilarity(a, b) : 0;
      const glove = this.meaning !== 'wordnet' ? (this.glove?.similarity(a, b) ?? 0) : 0;
      value = Math.max(model, glove);
      if (!row) {
        if (this.#memo.size >= MEMO_WORDS) this.#memo.clear();
        this.#memo.set(a, (row = new Map()));
      }
      row.set(b, value);
    }
    this.#lastWord = a;
    this.#lastRow = row;
    return value;
  }

  /**
   * The embedding model's similarity alone (0 when it is not used): with the default WordNet-built model, synonyms
   * score high and mere cousins low ("big" / "large" 0.77, "east" / "west" 0.40), where GloVe scores both high (0.71, 0.91).
   */
  modelSimilarity(a: string, b: string): number {
    return a === b ? 1 : this.#useModel ? this.#modelSimilarity(a, b) : 0;
  }

  #modelSimilarity(a: string, b: string): number {
    const u = this.#vectors.get(a);
    const v = this.#vectors.get(b);
    if (!u || !v) return 0;
    // Four products per loop step, added in the same order as one per step (so the same value to the
    // last bit): a first ask compares hundreds of new word pairs, and this loop ran 25–35 % faster.
    let dot = 0;
    let i = 0;
    for (const end = u.length - 3; i < end; i += 4) {
      dot += u[i]! * v[i]!;
      dot += u[i + 1]! * v[i + 1]!;
      dot += u[i + 2]! * v[i + 2]!;
      dot += u[i + 3]! * v[i + 3]!;
    }
    for (; i < u.length; i++) dot += u[i]! * v[i]!;
    return dot;
  }
}
