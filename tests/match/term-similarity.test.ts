import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/match/analyzer.js';
import { TermSimilarity, VECTOR_GENERATION_WORDS } from '../../src/match/term-similarity.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

/** The test embedder, counting the words it is asked to embed. */
function countingEmbedder() {
  const inner = hashEmbedder();
  const embedded: string[] = [];
  return { embedded, embedder: { ...inner, info: inner.info, embedDocuments: (texts: string[]) => (embedded.push(...texts), inner.embedDocuments(texts)), embedQuery: (text: string) => inner.embedQuery(text) } };
}

describe('TermSimilarity.prepareTokens', () => {
  it('embeds each new word once, reads a prepared token list no more, and gives the similarities prepare gives', async () => {
    const { embedded, embedder } = countingEmbedder();
    const similarity = new TermSimilarity(embedder);
    const sentence = tokenize('Peacekeepers trained engineers in Lebanon.');
    await similarity.prepareTokens(['soldiers'], [sentence]);
    expect(embedded).toEqual(['soldiers', 'peacekeepers', 'trained', 'engineers', 'lebanon']);
    embedded.length = 0;
    // The same list again (a cached sentence): nothing to embed; a new one: only its new words.
    await similarity.prepareTokens(['soldiers'], [sentence, tokenize('Engineers built roads.')]);
    expect(embedded).toEqual(['built', 'roads']);

    const plain = new TermSimilarity(hashEmbedder());
    await plain.prepare(['soldiers', ...sentence.map((token) => token.word)]);
    for (const token of sentence) expect(similarity.similarity('soldiers', token.word)).toBe(plain.similarity('soldiers', token.word));
  });
});

describe('TermSimilarity.prepare in concurrent requests', () => {
  it('waits for a word another request is embedding instead of embedding it again, and gives the similarities one request gives', async () => {
    const { embedded, embedder } = countingEmbedder();
    const similarity = new TermSimilarity(embedder);
    // The same question on several connections at once: each request prepares before any batch is done.
    await Promise.all([similarity.prepare(['soldiers', 'troops']), similarity.prepare(['troops', 'soldiers', 'army']), similarity.prepareTokens(['soldiers'], [tokenize('Troops and marines.')])]);
    expect(embedded).toEqual(['soldiers', 'troops', 'army', 'marines']);
    const plain = new TermSimilarity(hashEmbedder());
    await plain.prepare(['soldiers', 'troops', 'army', 'marines']);
    for (const word of ['troops', 'army', 'marines']) expect(similarity.similarity('soldiers', word)).toBe(plain.similarity('soldiers', word));
  });
});

describe('TermSimilarity.similarity', () => {
  it('gives every pair the value a fresh instance computes, word after word and after its memo starts afresh', async () => {
    const words = Array.from({ length: 600 }, (_, i) => `w${i}`);
    const remembering = new TermSimilarity(hashEmbedder());
    await remembering.prepare([...words, 'troops', 'soldiers']);
    const pairs: Array<[string, string]> = words.flatMap((word, i) => [[word, 'troops'], [word, 'soldiers'], ['troops', word], [word, words[(i * 7) % words.length]!]] as Array<[string, string]>);
    const first = pairs.map(([a, b]) => remembering.similarity(a, b));
    // A second pass reads the memo (and the rows kept after more than 512 words were compared).
    expect(pairs.map(([a, b]) => remembering.similarity(a, b))).toEqual(first);
    const fresh = new TermSimilarity(hashEmbedder());
    await fresh.prepare([...words, 'troops', 'soldiers']);
    // Asked in the opposite order, its memo is in other states at every step.
    expect([...pairs].reverse().map(([a, b]) => fresh.similarity(a, b)).reverse()).toEqual(first);
  });

  it('is the dot product of the two words’ vectors summed one product at a time, to the last bit, at any number of dimensions', async () => {
    for (const dimensions of [7, 128, 130]) {
      // Vectors of arbitrary fractions (the hash embedder's are small multiples of one value, whose sums are exact in any order).
      const vectorOf = (word: string) => Array.from({ length: dimensions }, (_, k) => Math.sin((word.charCodeAt(k % word.length) + 1) * (k + 1) * 12.9898) * 0.3);
      const embedder = { ...hashEmbedder(dimensions), embedDocuments: async (texts: string[]) => texts.map(vectorOf) };
      const words = ['soldiers', 'troops', 'army', 'marines', 'engineers'];
      const similarity = new TermSimilarity(embedder);
      await similarity.prepare(words);
      const vectors = words.map((word) => Float32Array.from(vectorOf(word)));
      for (const [i, u] of vectors.entries()) {
        for (const [j, v] of vectors.entries()) {
          if (i === j) continue;
          let dot = 0;
          for (let k = 0; k < dimensions; k++) dot += u[k]! * v[k]!;
          expect(similarity.modelSimilarity(words[i]!, words[j]!)).toBe(dot);
        }
      }
    }
  });
});

describe('TermSimilarity with a bounded vector cache', () => {
  it('reads a prepared token list again once the cache has rotated, and its similarities stay those of a fresh instance', async () => {
    const { embedded, embedder } = countingEmbedder();
    const similarity = new TermSimilarity(embedder);
    const sentence = tokenize('Peacekeepers trained engineers in Lebanon.');
    await similarity.prepareTokens(['soldiers'], [sentence]);
    // More new words than a generation holds, twice: the sentence's vectors are gone.
    for (let round = 0; round < 2; round++) await similarity.prepare(Array.from({ length: VECTOR_GENERATION_WORDS }, (_, i) => `filler${round}x${i}`));
    embedded.length = 0;
    await similarity.prepareTokens(['soldiers'], [sentence]);
    expect(embedded).toEqual(['soldiers', 'peacekeepers', 'trained', 'engineers', 'lebanon']);
    const plain = new TermSimilarity(hashEmbedder());
    await plain.prepare(['soldiers', ...sentence.map((token) => token.word)]);
    for (const token of sentence) expect(similarity.similarity('soldiers', token.word)).toBe(plain.similarity('soldiers', token.word));
  });
});
