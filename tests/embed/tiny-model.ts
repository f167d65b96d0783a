import fs from 'node:fs';
import path from 'node:path';
import { modelFolderFiles, SPECIAL_TOKENS } from '../../tools/build-model/model-files.js';
import { emptyTable, setRow } from '../../tools/build-model/onnx-writer.js';

export const TINY_WORDS = ['query', 'passage', 'hello', 'world', 'cat', 'dog', ':'];

/** Writes a small BERT-like folder standing in for a downloaded pretrained model: one-hot-ish word vectors. */
export function writeTinyModel(dir: string, options: { dimensions: number; tokenTypeIds: boolean; output?: 'sentence' | 'tokens'; words?: readonly string[] }): void {
  const vocab = [...SPECIAL_TOKENS, ...(options.words ?? TINY_WORDS)];
  const embedding = emptyTable(vocab.length, options.dimensions);
  vocab.forEach((_, row) => {
    if (row < SPECIAL_TOKENS.length) return;
    const vector = new Float32Array(options.dimensions);
    vector[row % options.dimensions] = 1;
    vector[(row * 3) % options.dimensions]! += 0.5;
    setRow(embedding, row, vector);
  });
  for (const [relative, content] of modelFolderFiles({ vocab, embedding, tokenTypeIds: options.tokenTypeIds, output: options.output ?? 'tokens', modelMaxLength: 128 })) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
}

export const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
