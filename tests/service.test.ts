import { describe, expect, it } from 'vitest';
import { openDocent } from '../src/service.js';
import type { Embedder } from '../src/embed/types.js';
import { hashEmbedder } from './helpers/hash-embedder.js';
import { makeCorpus, testConfig } from './helpers/fixtures.js';

/** The test embedder, recording every text it is asked to embed. */
function recordingEmbedder(): Embedder & { seen: string[] } {
  const inner = hashEmbedder();
  const seen: string[] = [];
  return {
    info: inner.info,
    seen,
    embedDocuments: (texts) => {
      seen.push(...texts);
      return inner.embedDocuments(texts);
    },
    embedQuery: (text) => inner.embedQuery(text),
  };
}

describe('Docent.warmUp', () => {
  it('embeds the corpus vocabulary once and asks its warm-up questions, so answering embeds only words it has not seen', async () => {
    const embedder = recordingEmbedder();
    const docent = await openDocent(await testConfig(await makeCorpus({ 'a.md': 'Lighthouses guide ships along rocky coasts. Keepers lived in them.' })), { embedder });
    embedder.seen.length = 0;
    await docent.warmUp();
    // The corpus's words, and "yes": the warm-up's yes/no question is answered "Yes. …", and the checker reads that claim.
    expect(new Set(embedder.seen)).toEqual(new Set(['lighthouses', 'guide', 'ships', 'along', 'rocky', 'coasts', 'keepers', 'lived', 'yes']));
    embedder.seen.length = 0;
    const result = await docent.ask('Who lived in the lighthouses?');
    expect(result.answerable).toBe(true);
    expect(embedder.seen).toEqual([]);
  });
});
