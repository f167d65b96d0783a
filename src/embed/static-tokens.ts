import { isPlainCode, PlainWordPiece } from './plain-words.js';

/**
 * Pieces are cut where BERT's normaliser and pre-tokeniser always cut too, so tokenizing each piece
 * alone gives the same ids as tokenizing the whole text (`encode("a(b") = encode("a") + encode("(") + encode("b")`):
 * at ASCII white space, and around every ASCII punctuation mark, which the pre-tokeniser makes a word
 * of its own. Cutting at punctuation too keeps the distinct pieces of code-heavy manuals
 * ("pg_stat_activity.pid,") few, so most are tokenized once.
 */
const isAsciiSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
const isAsciiPunctuation = (code: number) => (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
/** Distinct pieces remembered; past this the memo starts afresh, bounding memory on huge corpora. */
const MEMO_LIMIT = 200_000;

/**
 * What token ids are made from: transformers.js' tokenizer, or @huggingface/tokenizers' own (the one
 * transformers.js wraps) where a server embeds queries without transformers.js (static-query.ts).
 */
export interface PieceTokenizer {
  /** The ids of a text, with or without the special tokens around it. */
  encode(text: string, options: { add_special_tokens: boolean }): number[];
  /** Tokens a text may have, special tokens included (transformers.js' `model_max_length`). */
  readonly maxLength: number;
  /** The plain-word trie of this tokenizer's vocabulary, or null when it is not one that trie reproduces. */
  plainWords(): PlainWordPiece | null;
}

/**
 * The ids `tokenizer.encode(text)` returns, with special tokens and truncation, computed piece by piece:
 * plain words go through a trie of the vocabulary (plain-words.ts) once `usePlainWords()` was called
 * (its trie costs memory a server embedding single queries does not need), and every other distinct
 * piece (a run between white space and punctuation) through the tokenizer once.
 */
export class StaticTokenIds {
  readonly #memo = new Map<string, readonly number[]>();
  readonly #prefix: readonly number[];
  readonly #suffix: readonly number[];
  readonly #maxContent: number;
  #plainWords: PlainWordPiece | null | undefined;

  constructor(private readonly tokenizer: PieceTokenizer) {
    const [prefix, ...suffix] = tokenizer.encode('', { add_special_tokens: true });
    this.#prefix = prefix === undefined ? [] : [prefix];
    this.#suffix = suffix;
    this.#maxContent = tokenizer.maxLength - this.#prefix.length - this.#suffix.length;
  }

  /** Builds the plain-word trie, for a large batch of texts. */
  usePlainWords(): void {
    this.#plainWords ??= this.tokenizer.plainWords();
  }

  of(text: string): number[] {
    const ids: number[] = [...this.#prefix];
    const plainWords = this.#plainWords ?? undefined;
    for (let at = 0; at < text.length; ) {
      const code = text.charCodeAt(at);
      if (isAsciiSpace(code)) {
        at++;
      } else if (isAsciiPunctuation(code)) {
        this.#pieceIds(text[at]!, ids);
        at++;
      } else {
        let end = at;
        let plain = plainWords !== undefined;
        for (let next = code; end < text.length && !isAsciiSpace(next) && !isAsciiPunctuation(next); next = text.charCodeAt(++end)) plain &&= isPlainCode(next);
        if (plain) plainWords!.encode(text, at, end, ids);
        else this.#pieceIds(text.slice(at, end), ids);
        at = end;
      }
    }
    ids.length = Math.min(ids.length, this.#prefix.length + this.#maxContent);
    ids.push(...this.#suffix);
    return ids;
  }

  /** Appends the ids of one piece, tokenized once and remembered. */
  #pieceIds(piece: string, ids: number[]): void {
    let pieceIds = this.#memo.get(piece);
    if (pieceIds === undefined) {
      if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
      pieceIds = this.tokenizer.encode(piece, { add_special_tokens: false });
      this.#memo.set(piece, pieceIds);
    }
    for (const id of pieceIds) ids.push(id);
  }
}
