/** Words and single punctuation marks of a text, with their offsets, as match/verb-roles.ts reads them beside a verb. */

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** Words and single punctuation marks, with their offsets. */
const ITEM = /[\p{L}\p{N}][\p{L}\p{N}'’\-–]*|[^\s\p{L}\p{N}]/gu;
export const items = (text: string, offset: number): Word[] =>
  [...text.matchAll(ITEM)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length }));

const WHITE_SPACE = /\s/u;
/** Characters a window of words first reaches out from a verb (doubled while a phrase needs more). */
const FIRST_WINDOW = 64;

/**
 * The words of `text` before `at` (nearest first) or from `at` on, read a window at a time: a phrase
 * beside a verb is a few words, and reading all of a passage's words for each of its verbs made a
 * long passage's first check cost more than the rest of the answer. No item holds white space, so a
 * window that starts (or ends) at white space cuts no word: its words are those of the whole text.
 */
export class WordsFrom {
  #words: Word[] = [];
  #edge: number;
  #size = FIRST_WINDOW;

  constructor(
    private readonly text: string,
    private readonly at: number,
    private readonly backward: boolean,
  ) {
    this.#edge = at;
  }

  /** The i-th word out from `at` (0: the nearest); undefined past the start (or end) of the text. */
  get(i: number): Word | undefined {
    while (i >= this.#words.length && this.#widen());
    return this.#words[i];
  }

  #widen(): boolean {
    const { text, at } = this;
    if (this.backward) {
      if (this.#edge === 0) return false;
      let from = Math.max(0, at - this.#size);
      while (from > 0 && !WHITE_SPACE.test(text[from - 1]!)) from--;
      this.#words = items(text.slice(from, at), from).reverse();
      this.#edge = from;
    } else {
      if (this.#edge === text.length) return false;
      let to = Math.min(text.length, at + this.#size);
      while (to < text.length && !WHITE_SPACE.test(text[to]!)) to++;
      this.#words = items(text.slice(at, to), at);
      this.#edge = to;
    }
    this.#size *= 2;
    return true;
  }
}
