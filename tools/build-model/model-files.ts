import { TABLE_FILE, writeEmbeddingOnnx, type EmbeddingTable, type OnnxWriteOptions } from './onnx-writer.js';

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export interface ModelFolderSpec {
  /** Token strings in id order; must start with SPECIAL_TOKENS. */
  vocab: readonly string[];
  embedding: EmbeddingTable;
  /** Whether the graph declares `token_type_ids` (the tokenizer emits them either way). */
  tokenTypeIds: boolean;
  /** What the graph returns: pooled sentence vectors (Docent's generated models) or per-token vectors. */
  output: OnnxWriteOptions['output'];
  modelMaxLength: number;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function specialTokenId(vocab: readonly string[], token: string): number {
  const id = vocab.indexOf(token);
  if (id < 0) throw new Error(`Vocabulary lacks special token ${token}`);
  return id;
}

/** A BERT-style WordPiece tokenizer in the Hugging Face `tokenizers` JSON format. */
function tokenizerJson(vocab: readonly string[], modelMaxLength: number): unknown {
  const special = (content: string) => ({
    id: specialTokenId(vocab, content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const cls = specialTokenId(vocab, '[CLS]');
  const sep = specialTokenId(vocab, '[SEP]');
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: modelMaxLength, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

/**
 * The files transformers.js needs to load a folder as a `feature-extraction` model, keyed by relative path.
 * `model_type: bert` makes transformers.js run the graph as an encoder and feed `token_type_ids` when declared.
 */
export function modelFolderFiles(spec: ModelFolderSpec): Map<string, Uint8Array | string> {
  const { vocab, embedding } = spec;
  if (vocab.length !== embedding.vocabSize) throw new Error(`Vocabulary has ${vocab.length} tokens but the table has ${embedding.vocabSize} rows`);
  const onnxFiles = writeEmbeddingOnnx(embedding, { tokenTypeIds: spec.tokenTypeIds, output: spec.output });
  return new Map<string, Uint8Array | string>([
    [
      'config.json',
      json({
        architectures: ['BertModel'],
        model_type: 'bert',
        hidden_size: embedding.dimensions,
        vocab_size: embedding.vocabSize,
        max_position_embeddings: spec.modelMaxLength,
        pad_token_id: specialTokenId(vocab, '[PAD]'),
        'transformers.js_config': { dtype: 'fp32' },
      }),
    ],
    ['tokenizer.json', json(tokenizerJson(vocab, spec.modelMaxLength))],
    [
      'tokenizer_config.json',
      json({
        tokenizer_class: 'BertTokenizer',
        do_lower_case: true,
        strip_accents: true,
        model_max_length: spec.modelMaxLength,
        pad_token: '[PAD]',
        unk_token: '[UNK]',
        cls_token: '[CLS]',
        sep_token: '[SEP]',
        mask_token: '[MASK]',
      }),
    ],
    ['onnx/model.onnx', onnxFiles.model],
    [`onnx/${TABLE_FILE}`, onnxFiles.table],
  ]);
}
