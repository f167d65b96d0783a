import { createHash } from 'node:crypto';
import { terms } from '../../src/match/analyzer.js';
import type { Embedder } from '../../src/embed/types.js';

/** A fast bag-of-stems embedder for tests that exercise everything but the real model. */
export function hashEmbedder(dimensions = 128): Embedder {
  const embed = (text: string) => {
    const vector = new Array<number>(dimensions).fill(0);
    for (const term of terms(text)) {
      const digest = createHash('sha1').update(term).digest();
      for (let i = 0; i < 4; i++) vector[digest[i]! % dimensions]! += digest[i + 4]! % 2 === 0 ? 1 : -1;
    }
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => value / norm);
  };
  return {
    info: { model: 'test-hash', version: `test-hash@${dimensions}`, dimensions, pretrained: false },
    embedDocuments: async (texts) => texts.map(embed),
    embedQuery: async (text) => embed(text),
  };
}
