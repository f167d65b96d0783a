import { Tensor, type FeatureExtractionPipeline } from '@huggingface/transformers';

/**
 * Pieces cut where BERT's normaliser and pre-tokeniser always cut too, so tokenizing each piece alone
 * gives the same ids as tokenizing the whole text (`encode("a(b") = encode("a") + encode("(") + encode("b")`):
 * at ASCII white space, and around every ASCII punctuation mark, which the pre-tokeniser makes a word
 * of its own. Cutting at punctuation too keeps the distinct pieces of code-heavy manuals
 * ("pg_stat_activity.pid,") few, so most are tokenized once.
 */
const PIECE = /[^ \t\n\r\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g;
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
 * Each distinct piece (a run between white space and punctuation) is tokenized once; texts are sorted by length and packed
 * into runs of similar length, so padding costs little.
 */
export class StaticModelRunner {
  readonly #memo = new Map<string, readonly number[]>();
  readonly #prefix: readonly number[];
  readonly #suffix: readonly number[];
  readonly #maxContent: number;

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
    for (const [piece] of text.matchAll(PIECE)) {
      let pieceIds = this.#memo.get(piece);
      if (pieceIds === undefined) {
        if (this.#memo.size >= MEMO_LIMIT) this.#memo.clear();
        pieceIds = this.tokenizer.encode(piece, { add_special_tokens: false });
        this.#memo.set(piece, pieceIds);
      }
      for (const id of pieceIds) ids.push(id);
    }
    ids.length = Math.min(ids.length, this.#prefix.length + this.#maxContent);
    ids.push(...this.#suffix);
    return ids;
  }

  /** One L2-normalised vector per text, in input order (views into each run's output buffer). */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
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
