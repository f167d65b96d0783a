import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/match/analyzer.js';
import { TermSimilarity } from '../../src/match/term-similarity.js';
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
