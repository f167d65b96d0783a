/**
 * A read-only map whose values are made on first `get` and kept: at start-up a version's documents
 * are only listed, and a document's text and structure are decoded when an answer, a quote or a
 * listing first asks for them (at 100k chunks decoding them all took seconds before the first request).
 */
export class LazyMap<V> implements ReadonlyMap<string, V> {
  readonly #made = new Map<string, V>();
  #all: Map<string, V> | undefined;

  /** `keys` in the order the map lists them; `make(key)` is called at most once per key. */
  constructor(
    private readonly keyOrder: ReadonlySet<string>,
    private readonly make: (key: string) => V,
  ) {}

  get size(): number {
    return this.keyOrder.size;
  }

  has(key: string): boolean {
    return this.keyOrder.has(key);
  }

  get(key: string): V | undefined {
    if (!this.keyOrder.has(key)) return undefined;
    let value = this.#made.get(key);
    if (value === undefined) this.#made.set(key, (value = this.make(key)));
    return value;
  }

  keys(): MapIterator<string> {
    return this.keyOrder.keys();
  }

  /** Listing the values makes every one of them (once): whoever walks all documents needs them all. */
  values(): MapIterator<V> {
    return this.#every().values();
  }

  entries(): MapIterator<[string, V]> {
    return this.#every().entries();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#every()) callback.call(thisArg, value, key, this);
  }

  #every(): Map<string, V> {
    this.#all ??= new Map([...this.keyOrder].map((key) => [key, this.get(key)!]));
    return this.#all;
  }
}
