import fs from 'node:fs';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import onnxProto from 'onnx-proto';
import { graphNodes, TABLE_FILE } from '../../tools/build-model/onnx-writer.js';
import { StaticTokenIds } from './static-tokens.js';

const { onnx } = onnxProto;
const f = Math.fround;

/**
 * A query's vector from one of Docent's generated static models, computed in JavaScript from the
 * model's own files, so that a server embedding one query at a time loads neither transformers.js nor
 * ONNX Runtime (nor sharp, which transformers.js loads): about 60 MiB less per process. Indexing still
 * runs through transformers.js (load.ts), and so does any other model.
 *
 * The graph (tools/build-model/onnx-writer.ts) is a table lookup, a weighted sum and a division by the
 * L2 norm; the vector is the one ONNX Runtime gives, to the bit (tests/embed/static-query.test.ts):
 * - the sum is ORT's `MatMul` of `[1, tokens] × [tokens, dims]`, which on x86-64 runs MLAS's M=1 AVX
 *   kernel: each product rounded to float32, tokens added four at a time
 *   (`((p0 + p1) + p2) + p3`), each group then added to the running sum;
 * - `ReduceL2` adds the squares in order, each rounded to float32, then takes the square root.
 * Other architectures run other kernels (another summation order), so there the query goes through
 * transformers.js too. A model folder whose graph is not exactly the generated one is left to it as well.
 */
export interface StaticQueryModel {
  readonly dimensions: number;
  embed(text: string): Float32Array;
}

type Initializer = onnxProto.onnx.ITensorProto;

/** Float32 values of a raw-data initializer (copied: protobuf's bytes need not be 4-byte aligned). */
const floats = (tensor: Initializer) => new Float32Array(Uint8Array.from(tensor.rawData ?? []).buffer);

/** The graph onnx-writer.ts writes for a pooled model, node by node (op, inputs, output, attributes). */
function isPooledGraph(graph: onnxProto.onnx.IGraphProto): boolean {
  const shape = (node: { opType?: string | null; input?: string[] | null; output?: string[] | null; attribute?: Array<{ name?: string | null; i?: unknown; ints?: unknown[] | null }> | null }) =>
    JSON.stringify([node.opType, node.input, node.output, (node.attribute ?? []).map((a) => [a.name, Number(a.i ?? 0), (a.ints ?? []).map(Number)])]);
  const expected = graphNodes('sentence');
  const nodes = graph.node ?? [];
  return nodes.length === expected.length && nodes.every((node, i) => shape(node) === shape(expected[i]!));
}

function readTable(folder: string) {
  const model = onnx.ModelProto.decode(fs.readFileSync(path.join(folder, 'onnx', 'model.onnx')));
  if (!model.graph || !isPooledGraph(model.graph)) return undefined;
  const byName = new Map((model.graph.initializer ?? []).map((tensor) => [tensor.name, tensor]));
  const table = byName.get('table');
  const scales = byName.get('flat_scales');
  const epsilon = byName.get('epsilon');
  const external = Object.fromEntries((table?.externalData ?? []).map((entry) => [entry.key, entry.value]));
  if (!table || !scales || !epsilon || table.dataType !== onnx.TensorProto.DataType.INT8 || external.location !== TABLE_FILE || external.offset !== '0') return undefined;
  const [vocabSize, dimensions] = (table.dims ?? []).map(Number) as [number, number];
  const rowScales = floats(scales);
  if (rowScales.length !== vocabSize) return undefined;
  return { dimensions, rowScales, epsilon: floats(epsilon)[0]!, file: path.join(folder, 'onnx', TABLE_FILE) };
}

/** The folder's tokenizer, as transformers.js builds it (`new Tokenizer(tokenizer.json, tokenizer_config.json)`). */
function readTokenizer(folder: string): StaticTokenIds {
  const config = JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer_config.json'), 'utf8')) as { model_max_length?: number };
  const tokenizer = new Tokenizer(JSON.parse(fs.readFileSync(path.join(folder, 'tokenizer.json'), 'utf8')), config);
  return new StaticTokenIds({
    encode: (text, options) => tokenizer.encode(text, options).ids,
    maxLength: config.model_max_length ?? Infinity,
    // Single queries: the plain-word trie (for large batches) is never asked for.
    plainWords: () => null,
  });
}

/** The model in `folder` as a query embedder; undefined where ONNX Runtime's vectors would not be reproduced (see above). */
export function openStaticQueryModel(folder: string, arch: string = process.arch): StaticQueryModel | undefined {
  if (arch !== 'x64') return undefined;
  const table = readTable(folder);
  if (!table) return undefined;
  const { dimensions, rowScales, epsilon } = table;
  const tokenIds = readTokenizer(folder);
  // Rows are read when a query uses them (a query has a few dozen tokens; the table is 80 MB), from a
  // file held open for the process's life, as ONNX Runtime held its mapping.
  const fd = fs.openSync(table.file, 'r');
  return {
    dimensions,
    embed(text) {
      const ids = tokenIds.of(text);
      const rows = Buffer.alloc(ids.length * dimensions);
      ids.forEach((id, k) => fs.readSync(fd, rows, k * dimensions, dimensions, id * dimensions));
      const row = new Int8Array(rows.buffer, rows.byteOffset, rows.length);
      const pooled = new Float32Array(dimensions);
      const product = (k: number, d: number) => f(rowScales[ids[k]!]! * row[k * dimensions + d]!);
      let k = 0;
      for (; k + 4 <= ids.length; k += 4) {
        for (let d = 0; d < dimensions; d++) pooled[d] = f(f(f(f(product(k, d) + product(k + 1, d)) + product(k + 2, d)) + product(k + 3, d)) + pooled[d]!);
      }
      if (ids.length - k >= 2) {
        for (let d = 0; d < dimensions; d++) pooled[d] = f(f(product(k, d) + product(k + 1, d)) + pooled[d]!);
        k += 2;
      }
      if (k < ids.length) for (let d = 0; d < dimensions; d++) pooled[d] = f(product(k, d) + pooled[d]!);
      let squares = 0;
      for (let d = 0; d < dimensions; d++) squares = f(squares + f(pooled[d]! * pooled[d]!));
      const length = Math.max(f(Math.sqrt(squares)), epsilon);
      for (let d = 0; d < dimensions; d++) pooled[d] = f(pooled[d]! / length);
      return pooled;
    },
  };
}
