import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/load.js';

const options = { model: 'docent-wordnet-v1', modelsDir: path.resolve('models'), queryPrefix: 'query: ' };

describe('embedQuery', () => {
  it('embeds a question asked several times at once once, and again once those calls have returned', async () => {
    const embedder = await loadEmbedder(options);
    const question = 'When was the Treaty of Westphalia signed?';
    const [first, second, other] = await Promise.all([embedder.embedQuery(question), embedder.embedQuery(question), embedder.embedQuery('What is photosynthesis?')]);
    // One computation shared by the calls in flight together; a different question is its own.
    expect(second).toBe(first);
    expect(other).not.toEqual(first);
    // Nothing is kept afterwards (no cache of answers to questions): a later call computes a new vector, equal to the first.
    const later = await embedder.embedQuery(question);
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
  }, 120_000);
});
