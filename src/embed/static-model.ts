import { Tensor, type FeatureExtractionPipeline } from '@huggingface/transformers';
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
/** Texts in one `embed` call from which plain words skip the tokenizer: an index build's batches, not a server's single queries. */
const PLAIN_WORDS_MIN_TEXTS = 256;
/** Distinct pieces remembered; past this the memo starts afresh, bounding memory on huge corpora. */
const MEMO_LIMIT = 200_000;
/** Padded tokens per session run: big enough to amortise a run, small enough to keep ORT's buffers small. */
const TOKENS_PER_RUN = 16_384;
const MAX_TEXTS_PER_RUN = 512;

type Tokenizer = FeatureExtractionPipeline['tokenizer'];
type Model = FeatureExtractionPipeline['model'];

/**
 * Runs one of Docent's generated static models through transformers.js: its tokenizer and its ONNX
 * session, whose graph pools and normalises (`sentence_embedding`), so only `[batch, dims]` comes back.
 * Plain words go through a trie of the vocabulary (plain-words.ts) and every other distinct piece (a run
 * between white space and punctuation) through the tokenizer once; texts are sorted by length and packed
 * into runs of similar length, so padding costs little.
 */
export class StaticModelRunner {
  readonly #memo = new Map<string, readonly number[]>();
  readonly #prefix: readonly number[];
  readonly #suffix: readonly number[];
  readonly #maxContent: number;
  /** Built on the first large `embed` (its trie costs memory a server embedding queries does not need); null when the tokenizer is not one it reproduces. */
  #plainWords: PlainWordPiece | null | undefined;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
  ) {
    const [prefix, ...suffix] = tokenizer.encode('');
    this.#prefix = prefix === undefined ? [] : [prefix];
    this.#suffix = suffix;
    this.#maxContent = (tokenizer.model_max_length ?? 512) - this.#prefix.length - this.#suffix.length;
  }

  /** The ids `tokenizer.encode(text)` returns, with special tokens and truncation. */
  tokenIds(text: string): number[] {
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

  /** One L2-normalised vector per text, in input order (views into each run's output buffer). */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.#plainWords === undefined && texts.length >= PLAIN_WORDS_MIN_TEXTS) this.#plainWords = PlainWordPiece.from(this.tokenizer._tokenizerJSON) ?? null;
    const tokenized = texts.map((text) => this.tokenIds(text));
    const order = tokenized.map((_, i) => i).sort((a, b) => tokenized[a]!.length - tokenized[b]!.length);
    const vectors = new Array<Float32Array>(texts.length);
    for (let from = 0; from < order.length; ) {
      // Sorted ascending, so the last text of a run is its longest: grow the run while the padded size fits.
      let to = from + 1;
      while (to < order.length && to - from < MAX_TEXTS_PER_RUN && (to + 1 - from) * tokenized[order[to]!]!.length <= TOKENS_PER_RUN) to++;
      const run = order.slice(from, to);
      const output = await this.#run(run.map((i) => tokenized[i]!));
      const dimensions = output.length / run.length;
      run.forEach((i, row) => (vectors[i] = output.subarray(row * dimensions, (row + 1) * dimensions)));
      from = to;
    }
    return vectors;
  }

  async #run(batch: readonly number[][]): Promise<Float32Array> {
    const width = Math.max(...batch.map((ids) => ids.length));
    const inputIds = new BigInt64Array(batch.length * width);
    const mask = new BigInt64Array(batch.length * width);
    batch.forEach((ids, row) => {
      const offset = row * width;
      for (let i = 0; i < ids.length; i++) {
        inputIds[offset + i] = BigInt(ids[i]!);
        mask[offset + i] = 1n;
      }
    });
    const dims = [batch.length, width];
    const outputs = (await this.model({ input_ids: new Tensor('int64', inputIds, dims), attention_mask: new Tensor('int64', mask, dims) })) as Record<string, Tensor>;
    const pooled = outputs.sentence_embedding;
    if (!pooled) throw new Error('The generated model has no sentence_embedding output: rebuild it with `npm run build:model -- --force`.');
    return pooled.data as Float32Array;
  }
}
