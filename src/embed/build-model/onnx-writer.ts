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
}

const int64Input = (name: string) =>
  onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }] },
      },
    },
  });

/**
 * Serialises a static embedding model: `last_hidden_state = table[input_ids] * scale[input_ids]`.
 * The attention mask is declared because transformers.js feeds it, and pooling applies it outside the graph.
 */
export function writeEmbeddingOnnx(embedding: EmbeddingTable, options: OnnxWriteOptions): Uint8Array {
  const { table, scales } = embedding;
  const inputs = [int64Input('input_ids'), int64Input('attention_mask')];
  if (options.tokenTypeIds) inputs.push(int64Input('token_type_ids'));
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'docent',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'static_embedding',
      initializer: [
        {
          name: 'table',
          dataType: onnx.TensorProto.DataType.INT8,
          dims: [embedding.vocabSize, embedding.dimensions],
          rawData: new Uint8Array(table.buffer, table.byteOffset, table.byteLength),
        },
        {
          name: 'scales',
          dataType: onnx.TensorProto.DataType.FLOAT,
          dims: [embedding.vocabSize, 1],
          rawData: new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength),
        },
      ],
      node: [
        { opType: 'Gather', input: ['table', 'input_ids'], output: ['rows_int8'], name: 'gather_rows', attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
        { opType: 'Cast', input: ['rows_int8'], output: ['rows'], name: 'dequantize', attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }] },
        { opType: 'Gather', input: ['scales', 'input_ids'], output: ['row_scales'], name: 'gather_scales', attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
        { opType: 'Mul', input: ['rows', 'row_scales'], output: ['last_hidden_state'], name: 'scale_rows' },
      ],
      input: inputs,
      output: [
        onnx.ValueInfoProto.create({
          name: 'last_hidden_state',
          type: {
            tensorType: {
              elemType: onnx.TensorProto.DataType.FLOAT,
              shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }, { dimValue: embedding.dimensions }] },
            },
          },
        }),
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
