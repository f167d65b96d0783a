import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatTurn } from '../src/retrieve/follow-up.js';
import type { Docent } from '../src/service.js';
import { makeCorpus, openTestDocent } from './helpers/fixtures.js';

const text = [
  'Nikola Tesla',
  'In 1881, Tesla moved to Budapest to work under Ferenc Puskás at a telegraph company, the Budapest Telephone Exchange. Within a few months, the Budapest Telephone Exchange became functional and Tesla was allocated the chief electrician position.',
  'In 1882, Tesla moved to Paris, where he worked as an engineer for the Continental Edison Company. He then travelled to New York City in 1884.',
  'Tesla was born in 1856 in the village of Smiljan. His father was an Orthodox priest.',
  // Positions are what this corpus is about: alone, "What position was he given there?" says too little to stand.
  'In Paris, Charles Batchelor was given a position as manager of the Continental Edison works.',
  'In New York, Edison gave Charles Batchelor a position overseeing the machine works.',
  'At Westinghouse, George Westinghouse was given a position on the board in Pittsburgh.',
  'In Colorado Springs, the position of the laboratory was given by the power company.',
].join('\n\n');

let docent: Docent;
beforeAll(async () => {
  docent = await openTestDocent(await makeCorpus({ 'tesla.md': text }), { CHUNK_SIZE: '400', CHUNK_OVERLAP: '0' });
});
afterAll(() => docent.close());

describe('a follow-up matched with the name it points back to', () => {
  it('answers what it asks, not the previous answer again: the other names of that answer only pull the answer back onto it', async () => {
    const asked = 'In which city did Tesla work for the Telephone Exchange in 1881?';
    const first = await docent.ask(asked);
    expect(first.answer).toContain('Budapest');
    const history: ChatTurn[] = [{ role: 'user', content: asked }, { role: 'assistant', content: first.answer }];
    const position = await docent.ask('What position was he given there?', { history });
    // Searched with the earlier question, as reported; matched with its subject, Tesla, beside its own words.
    expect(position.standaloneQuestion).toBe(`What position was he given there? (following up on: ${asked})`);
    expect(position.answerable).toBe(true);
    expect(position.citations[0]!.quote).toContain('chief electrician');
    for (const citation of position.citations) expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
  });
});
