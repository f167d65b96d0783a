import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** An int8 table with one float scale per row: row i is token id i's output vector. */
export interface EmbeddingTable {
  /** Row-major `[vocabSize, dimensions]`. */
  table: Int8Array;
  scales: Float32Array;
  vocabSize: number;
  dimensions: number;
}

export function emptyTable(vocabSize: number, dimensions: number): EmbeddingTable {
  return { table: new Int8Array(vocabSize * dimensions), scales: new Float32Array(vocabSize), vocabSize, dimensions };
}

/**
 * Quantises one row with its own scale: rows differ in norm by orders of magnitude (frequency
 * weighting), so a single global scale would crush the small rows to zero. Rows are quantised as they
 * are computed so the full float table never has to exist in memory.
 */
export function setRow(target: EmbeddingTable, row: number, vector: ArrayLike<number>): void {
  let max = 0;
  for (let i = 0; i < target.dimensions; i++) max = Math.max(max, Math.abs(vector[i]!));
  const offset = row * target.dimensions;
  target.scales[row] = max / 127;
  for (let i = 0; i < target.dimensions; i++) target.table[offset + i] = max === 0 ? 0 : Math.round((vector[i]! / max) * 127);
}

export interface OnnxWriteOptions {
  /** Declare a (ignored) `token_type_ids` input, as BERT-style tokenizers emit it. */
  tokenTypeIds: boolean;
  /**
   * `sentence`: the graph pools and normalises, returning `sentence_embedding [batch, dims]`, so no
   * `[batch, tokens, dims]` tensor ever reaches JavaScript. `tokens`: it returns `last_hidden_state`
   * per token, as a pretrained encoder does (transformers.js then pools).
   */
  output: 'sentence' | 'tokens';
}

const { INT, INTS } = onnx.AttributeProto.AttributeType;
const { INT64, INT8 } = onnx.TensorProto.DataType;
const FLOAT_TYPE = onnx.TensorProto.DataType.FLOAT;

const tensorInfo = (name: string, elemType: number, dims: Array<string | number>) =>
  onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) } } },
  });

const node = (opType: string, input: string[], output: string, attribute: object[] = []) => ({ opType, input, output: [output], name: output, attribute });
const intAttribute = (name: string, i: number) => ({ name, type: INT, i });

/**
 * Per token: `table[input_ids] * scale[input_ids]`. Pooled: the mask- and scale-weighted sum of the int8
 * rows as one batched MatMul (`[batch, 1, tokens] × [batch, tokens, dims]`), divided by its L2 norm.
 * Mean pooling then normalising equals normalising the sum, so dividing by the token count is skipped.
 */
export function graphNodes(output: OnnxWriteOptions['output']) {
  const rows = [node('Gather', ['table', 'input_ids'], 'rows_int8', [intAttribute('axis', 0)]), node('Cast', ['rows_int8'], 'rows', [intAttribute('to', FLOAT_TYPE)])];
  if (output === 'tokens') {
    return [...rows, node('Gather', ['scales', 'input_ids'], 'row_scales', [intAttribute('axis', 0)]), node('Mul', ['rows', 'row_scales'], 'last_hidden_state')];
  }
  return [
    ...rows,
    node('Gather', ['flat_scales', 'input_ids'], 'token_scales', [intAttribute('axis', 0)]),
    node('Cast', ['attention_mask'], 'mask', [intAttribute('to', FLOAT_TYPE)]),
    node('Mul', ['token_scales', 'mask'], 'token_weights'),
    node('Unsqueeze', ['token_weights', 'axis_1'], 'weight_rows'),
    node('MatMul', ['weight_rows', 'rows'], 'summed'),
    node('Squeeze', ['summed', 'axis_1'], 'pooled'),
    node('ReduceL2', ['pooled'], 'length', [{ name: 'axes', type: INTS, ints: [1] }, intAttribute('keepdims', 1)]),
    node('Max', ['length', 'epsilon'], 'safe_length'),
    node('Div', ['pooled', 'safe_length'], 'sentence_embedding'),
  ];
}

const rawFloats = (values: Float32Array) => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

/** The file, beside model.onnx, that holds the int8 table (ONNX external data). */
export const TABLE_FILE = 'model.onnx_data';

export interface OnnxFiles {
  model: Uint8Array;
  /** The table's bytes, for TABLE_FILE. */
  table: Uint8Array;
}

/**
 * Serialises a static embedding model: each token's row of an int8 table times its row scale, either per
 * token or pooled into one normalised sentence vector (see OnnxWriteOptions.output). The table goes to
 * an external data file, which ONNX Runtime memory-maps instead of copying: only the rows a corpus uses
 * become resident, and processes serving the same model share those pages.
 */
export function writeEmbeddingOnnx(embedding: EmbeddingTable, options: OnnxWriteOptions): OnnxFiles {
  const { table, scales, vocabSize, dimensions } = embedding;
  const inputs = [tensorInfo('input_ids', INT64, ['batch_size', 'sequence_length']), tensorInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])];
  if (options.tokenTypeIds) inputs.push(tensorInfo('token_type_ids', INT64, ['batch_size', 'sequence_length']));
  const pooled = options.output === 'sentence';
  const initializer = [
    {
      name: 'table',
      dataType: INT8,
      dims: [vocabSize, dimensions],
      dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
      externalData: [
        { key: 'location', value: TABLE_FILE },
        { key: 'offset', value: '0' },
        { key: 'length', value: String(table.byteLength) },
      ],
    },
    pooled
      ? { name: 'flat_scales', dataType: FLOAT_TYPE, dims: [vocabSize], rawData: rawFloats(scales) }
      : { name: 'scales', dataType: FLOAT_TYPE, dims: [vocabSize, 1], rawData: rawFloats(scales) },
  ];
  if (pooled) {
    initializer.push(
      { name: 'axis_1', dataType: INT64, dims: [1], rawData: new Uint8Array(BigInt64Array.of(1n).buffer) },
      { name: 'epsilon', dataType: FLOAT_TYPE, dims: [], rawData: rawFloats(Float32Array.of(1e-12)) },
    );
  }
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'docent',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'static_embedding',
      initializer,
      node: graphNodes(options.output),
      input: inputs,
      output: [
        pooled
          ? tensorInfo('sentence_embedding', FLOAT_TYPE, ['batch_size', dimensions])
          : tensorInfo('last_hidden_state', FLOAT_TYPE, ['batch_size', 'sequence_length', dimensions]),
      ],
    },
  });
  return { model: onnx.ModelProto.encode(model).finish(), table: new Uint8Array(table.buffer, table.byteOffset, table.byteLength) };
}
