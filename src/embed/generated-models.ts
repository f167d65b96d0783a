import { createHash } from 'node:crypto';
import type { VocabularyOptions } from '../../tools/build-model/tokenizer-vocab.js';
import type { DistributionalParameters } from '../../tools/build-model/distributional.js';
import type { SemanticParameters, VectorParameters } from '../../tools/build-model/vectors.js';

/** Bump when the builder's algorithm changes in a way the parameters below do not capture. */
export const BUILDER_VERSION = 4;

export interface GeneratedModelSpec {
  name: string;
  kind: 'lexical' | 'wordnet';
  vocabulary: VocabularyOptions;
  vectors: VectorParameters;
  semantic?: SemanticParameters;
  /** Word vectors learnt from text, mixed into WordNet's (see tools/build-model/distributional.ts). */
  distributional?: DistributionalParameters;
}

const vocabulary: VocabularyOptions = { pieceCount: 3000, maxNumber: 9999 };
const vectors: VectorParameters = { dimensions: 256, nonZeros: 16, seed: 'docent', sifA: 3e-3, stopWordWeight: 0.02 };

export const GENERATED_MODELS: readonly GeneratedModelSpec[] = [
  { name: 'docent-lexical-v1', kind: 'lexical', vocabulary, vectors },
  {
    name: 'docent-wordnet-v1',
    kind: 'wordnet',
    // More dimensions (less random-indexing cross-talk) paid for by dropping rare lemmas, which split into
    // pieces instead; every token, pieces and numbers included, weighted by its IDF in WordNet's own text.
    vocabulary: { ...vocabulary, minGlossCount: 1 },
    vectors: { ...vectors, dimensions: 768, reference: { idfPower: 1 } },
    semantic: { senseExponent: 0.5, relatedWeight: 0.5, broaderWeight: 0.5, glossWeight: 0.5, phraseWeight: 0.3, identityWeight: 0.15 },
    // GloVe's distributional meaning beside WordNet's (troops~soldiers, drill~exercise): measured in
    // README "GloVe in the static model", 0.4 gave the best dense retrieval with hybrid unchanged.
    distributional: { source: 'glove-100d', weight: 0.4 },
  },
];

export function generatedModelSpec(name: string): GeneratedModelSpec | undefined {
  return GENERATED_MODELS.find((spec) => spec.name === name);
}

/** `name@hash`: changes whenever anything that shapes the vectors changes, so stale indexes are detected. */
export function generatedModelVersion(spec: GeneratedModelSpec): string {
  const hash = createHash('sha256').update(JSON.stringify({ builder: BUILDER_VERSION, ...spec })).digest('hex');
  return `${spec.name}@${hash.slice(0, 12)}`;
}
