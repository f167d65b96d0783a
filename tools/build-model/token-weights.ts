/**
 * How much each token counts in mean pooling. Baked into the vector's norm because the pooled
 * sentence vector is a plain average: without it "the" and "of" would dominate every sentence.
 */
import { referenceCounts } from './frequency.js';
import { STOP_WORDS } from './stop-words.js';
import type { VocabularyEntry } from './tokenizer-vocab.js';
import type { VectorParameters } from './vectors.js';
import type { WordNet } from './wordnet-reader.js';

const ALPHANUMERIC = /^[a-z0-9]/;

/** The weight every scheme gives alike: none for special tokens, the stop-word weight for stop words and punctuation. */
function fixedWeight({ token, kind }: VocabularyEntry, params: VectorParameters): number | undefined {
  if (kind === 'special') return 0;
  if (STOP_WORDS.has(token) || !ALPHANUMERIC.test(token.replace(/^##/, ''))) return params.stopWordWeight;
  return undefined;
}

function totalTagCount(wordnet: WordNet, lemmas: readonly string[]): number {
  return Math.max(0, ...lemmas.map((lemma) => (wordnet.senses.get(lemma) ?? []).reduce((sum, s) => sum + s.tagCount, 0)));
}

/** SIF weights from WordNet's sense tag counts, or from WordNet's own text when `params.reference` is set. */
export function tokenWeights(vocabulary: readonly VocabularyEntry[], wordnet: WordNet, params: VectorParameters): Float32Array {
  if (params.reference) return referenceWeights(vocabulary, wordnet, params, params.reference);
  let allTags = 0;
  for (const senses of wordnet.senses.values()) for (const sense of senses) allTags += sense.tagCount;
  return Float32Array.from(vocabulary, (entry) => {
    const fixed = fixedWeight(entry, params);
    if (fixed !== undefined) return fixed;
    if (entry.kind !== 'word') return 1;
    return params.sifA / (params.sifA + totalTagCount(wordnet, entry.lemmas) / allTags);
  });
}

function referenceWeights(
  vocabulary: readonly VocabularyEntry[],
  wordnet: WordNet,
  params: VectorParameters,
  reference: NonNullable<VectorParameters['reference']>,
): Float32Array {
  const counts = referenceCounts(vocabulary, wordnet);
  let total = 0;
  for (const count of counts) total += count;
  return Float32Array.from(vocabulary, (entry, id) => {
    const fixed = fixedWeight(entry, params);
    if (fixed !== undefined) return fixed;
    const p = (counts[id]! + 1) / total;
    if (reference.sifA !== undefined) return reference.sifA / (reference.sifA + p);
    return (Math.log(1 / p) / Math.log(total)) ** (reference.idfPower ?? 1);
  });
}
