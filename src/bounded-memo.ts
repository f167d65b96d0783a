/**
 * A memo of a pure function with at most `limit` entries, the least recently used dropped first:
 * for work repeated across requests (the same corpus sentence read as a claim again and again)
 * whose inputs are unbounded. One per index version, so nothing outlives the index it was computed from.
 */
export class BoundedMemo<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(
    private readonly compute: (key: K) => V,
    readonly limit: number,
  ) {}

  get(key: K): V {
    if (this.#entries.has(key)) {
      const value = this.#entries.get(key)!;
      // Re-inserted so that Map order is recency order.
      this.#entries.delete(key);
      this.#entries.set(key, value);
      return value;
    }
    const value = this.compute(key);
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
    return value;
  }

  /** Forgets `key` (a value that turned out not to be worth keeping, such as a failed promise). */
  delete(key: K): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
