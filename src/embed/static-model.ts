import { Tensor, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { PlainWordPiece } from './plain-words.js';
import { StaticTokenIds, type PieceTokenizer } from './static-tokens.js';

/** Texts in one `embed` call from which plain words skip the tokenizer: an index build's batches, not a server's single queries. */
const PLAIN_WORDS_MIN_TEXTS = 256;
/** Padded tokens per session run: big enough to amortise a run, small enough to keep ORT's buffers small. */
const TOKENS_PER_RUN = 16_384;
const MAX_TEXTS_PER_RUN = 512;

type Tokenizer = FeatureExtractionPipeline['tokenizer'];
type Model = FeatureExtractionPipeline['model'];

/** transformers.js' tokenizer as the pieces' tokenizer. */
export const transformersTokenizer = (tokenizer: Tokenizer): PieceTokenizer => ({
  encode: (text, options) => tokenizer.encode(text, options),
  maxLength: tokenizer.model_max_length ?? 512,
  plainWords: () => PlainWordPiece.from(tokenizer._tokenizerJSON) ?? null,
});

/**
 * Runs one of Docent's generated static models through transformers.js: its tokenizer and its ONNX
 * session, whose graph pools and normalises (`sentence_embedding`), so only `[batch, dims]` comes back.
 * Plain words go through a trie of the vocabulary (plain-words.ts) and every other distinct piece (a run
 * between white space and punctuation) through the tokenizer once; texts are sorted by length and packed
 * into runs of similar length, so padding costs little.
 */
export class StaticModelRunner {
  readonly #tokenIds: StaticTokenIds;

  constructor(
    tokenizer: Tokenizer,
    private readonly model: Model,
  ) {
    this.#tokenIds = new StaticTokenIds(transformersTokenizer(tokenizer));
  }

  /** The ids `tokenizer.encode(text)` returns, with special tokens and truncation. */
  tokenIds(text: string): number[] {
    return this.#tokenIds.of(text);
  }

  /** One L2-normalised vector per text, in input order (views into each run's output buffer). */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length >= PLAIN_WORDS_MIN_TEXTS) this.#tokenIds.usePlainWords();
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
