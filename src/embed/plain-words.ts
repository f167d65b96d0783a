import { z } from 'zod';

/**
 * WordPiece for plain words — runs of ASCII letters and digits — without transformers.js. For such a
 * word BERT's normaliser only lowercases, its pre-tokeniser leaves it whole, and WordPiece takes the
 * longest vocabulary token from each position (`##`-prefixed after the first): a walk down a trie of
 * the vocabulary gives the same ids with no string built per word. Most of an English corpus is plain
 * words; transformers.js' `encode` costs tens of microseconds per call, and a build meets more than a
 * hundred thousand distinct words at 100k chunks. Other pieces keep going through the tokenizer.
 */

/** The parts of a `tokenizer.json` this reproduces; any other tokenizer is left to transformers.js. */
const bertWordPieceSchema = z.object({
  normalizer: z.object({ type: z.literal('BertNormalizer'), lowercase: z.boolean() }),
  pre_tokenizer: z.object({ type: z.literal('BertPreTokenizer') }),
  model: z.object({
    type: z.literal('WordPiece'),
    unk_token: z.string(),
    continuing_subword_prefix: z.string(),
    max_input_chars_per_word: z.number().int().positive(),
    // Checked entry by entry while the trie is built: zod would copy 100k entries.
    vocab: z.custom<Record<string, number>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
  }),
  added_tokens: z.array(z.object({ content: z.string() })),
});

/** 0-9, A-Z, a-z as 0…61; -1 for any other UTF-16 code unit. */
function plainIndex(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code >= 97 && code <= 122) return code - 61;
  return -1;
}

export const isPlainCode = (code: number) => plainIndex(code) >= 0;

/** Vocabulary tokens made of plain characters, as a trie in flat arrays (first child, next sibling). */
class PlainTrie {
  #firstChild: number[] = [-1];
  #nextSibling: number[] = [-1];
  #character: number[] = [-1];
  /** The token id that ends at a node; -1 where none does. */
  readonly tokenAt: number[] = [-1];

  /** The child of `node` for plain character index `character`; -1 when there is none. */
  child(node: number, character: number): number {
    for (let at = this.#firstChild[node]!; at >= 0; at = this.#nextSibling[at]!) if (this.#character[at] === character) return at;
    return -1;
  }

  /** Adds `token` (plain characters only) under `id`. */
  insert(token: string, id: number): void {
    let node = 0;
    for (let i = 0; i < token.length; i++) {
      const character = plainIndex(token.charCodeAt(i));
      let next = this.child(node, character);
      if (next < 0) {
        next = this.tokenAt.push(-1) - 1;
        this.#character.push(character);
        this.#firstChild.push(-1);
        this.#nextSibling.push(this.#firstChild[node]!);
        this.#firstChild[node] = next;
      }
      node = next;
    }
    this.tokenAt[node] = id;
  }
}

export class PlainWordPiece {
  readonly #initial = new PlainTrie();
  readonly #continuing = new PlainTrie();

  private constructor(
    readonly lowercase: boolean,
    private readonly unknown: number,
    private readonly maxChars: number,
  ) {}

  /**
   * The fast path for a `tokenizer.json` (transformers.js keeps it as `_tokenizerJSON`) when it is a
   * BERT WordPiece tokenizer whose added tokens cannot be plain words; undefined otherwise.
   */
  static from(tokenizerJson: unknown): PlainWordPiece | undefined {
    const parsed = bertWordPieceSchema.safeParse(tokenizerJson);
    if (!parsed.success) return undefined;
    const { normalizer, model, added_tokens: added } = parsed.data;
    // An added token is matched before WordPiece: one that is a plain word would have to win over it.
    if (added.some(({ content }) => [...content].every((char) => isPlainCode(char.charCodeAt(0))))) return undefined;
    const unknown = model.vocab[model.unk_token];
    if (!Number.isInteger(unknown)) return undefined;
    const pieces = new PlainWordPiece(normalizer.lowercase, unknown!, model.max_input_chars_per_word);
    const prefix = model.continuing_subword_prefix;
    for (const [token, id] of Object.entries(model.vocab)) {
      if (!Number.isInteger(id)) return undefined;
      const continuing = prefix !== '' && token.startsWith(prefix);
      const body = continuing ? token.slice(prefix.length) : token;
      if (body !== '' && [...body].every((char) => isPlainCode(char.charCodeAt(0)))) (continuing ? pieces.#continuing : pieces.#initial).insert(body, id);
    }
    return pieces;
  }

  /** Appends to `ids` the ids of the plain word `text.slice(from, to)`, as `tokenizer.encode` gives them. */
  encode(text: string, from: number, to: number, ids: number[]): void {
    if (to - from > this.maxChars) {
      ids.push(this.unknown);
      return;
    }
    const mark = ids.length;
    for (let start = from; start < to; ) {
      const trie = start === from ? this.#initial : this.#continuing;
      let node = 0;
      let token = -1;
      let end = start;
      for (let i = start; i < to; i++) {
        node = trie.child(node, this.#characterAt(text, i));
        if (node < 0) break;
        if (trie.tokenAt[node]! >= 0) [token, end] = [trie.tokenAt[node]!, i + 1];
      }
      if (token < 0) {
        // No token starts here: the whole word is unknown.
        ids.length = mark;
        ids.push(this.unknown);
        return;
      }
      ids.push(token);
      start = end;
    }
  }

  #characterAt(text: string, i: number): number {
    const index = plainIndex(text.charCodeAt(i));
    // Upper case A-Z (10…35) to lower case a-z (36…61), as the normaliser lowercases.
    return this.lowercase && index >= 10 && index < 36 ? index + 26 : index;
  }
}
