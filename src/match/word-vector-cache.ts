/**
 * The embedding model's vectors of the words met so far, bounded: two generations of at most
 * `generationWords` words each. A new word goes into the current generation; when that is full, it
 * becomes the previous one and the one before is dropped. A word read again (`keep`) moves to the
 * current generation, so the words of a question in progress outlive one rotation. Unbounded, the
 * vectors of a 100k-chunk corpus's whole vocabulary took hundreds of MiB in every worker (issue 10).
 */
export class WordVectorCache {
  #current = new Map<string, Float32Array>();
  #previous = new Map<string, Float32Array>();
  #generation = 0;

  constructor(readonly generationWords: number) {}

  /** Bumped at each rotation: what was checked present before may since have gone. */
  get generation(): number {
    return this.#generation;
  }

  get(word: string): Float32Array | undefined {
    return this.#current.get(word) ?? this.#previous.get(word);
  }

  /** True when the word's vector is held; it is then in the current generation. */
  keep(word: string): boolean {
    if (this.#current.has(word)) return true;
    const vector = this.#previous.get(word);
    if (!vector) return false;
    this.#previous.delete(word);
    this.set(word, vector);
    return true;
  }

  set(word: string, vector: Float32Array): void {
    if (this.#current.size >= this.generationWords) {
      this.#previous = this.#current;
      this.#current = new Map();
      this.#generation++;
    }
    this.#current.set(word, vector);
  }
}
