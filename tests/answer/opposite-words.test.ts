import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import { openDocent } from '../../src/service.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

const text = [
  '# CREATE COUNTER',
  '## START WITH',
  'The clause START WITH start sets the first value the counter returns.',
  'The default for a descending counter is the largest value of the data type.',
  'The default for an ascending counter is 1.',
].join('\n\n');

/** The test embedder, with word vectors that put "descending" next to "ascending", as real word vectors do. */
function oppositesNearby(): Embedder {
  const inner = hashEmbedder();
  const near = (texts: string[]) => texts.map((text) => (text === 'descending' ? 'ascending counting' : text));
  return { ...inner, info: inner.info, embedDocuments: (texts) => inner.embedDocuments(near(texts)) };
}

describe('a word of opposite meaning in ranking', () => {
  it('stands for no word of the question: the sentence on the ascending counter is quoted first, each citation exact', async () => {
    const corpus = await makeCorpus({ 'create-counter.md': text });
    const docent = await openDocent(await testConfig(corpus, { CHUNK_SIZE: '600', CHUNK_OVERLAP: '0' }), { embedder: oppositesNearby() });
    const result = await docent.ask('What is the default start value of an ascending counter?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toBe('The default for an ascending counter is 1.');
    for (const citation of result.citations) expect(docent.index.documents.get(citation.source)!.slice(citation.start, citation.end)).toBe(citation.quote);
  });
});
