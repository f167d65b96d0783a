import { beforeAll, describe, expect, it } from 'vitest';
import type { Docent } from '../../src/service.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const text = [
  'Universities',
  'The University of Warsaw was established in 1816, when the partitions separated Warsaw from the old academic centre in Kraków.',
  'Kraków is a university city with many students.',
].join('\n\n');

let docent: Docent;

beforeAll(async () => {
  docent = await openTestDocent(await makeCorpus({ 'universities.md': text }), { CHUNK_SIZE: '200', CHUNK_OVERLAP: '0' });
});

describe('a sentence outmatched by one stating the question\'s specifics differently', () => {
  it('declines instead of quoting a weaker sentence that merely names nothing wrong', async () => {
    // The best match is about the University of Warsaw; the sentence about Kraków does not say when anything was established.
    const result = await docent.ask('When was the University of Kraków established?');
    expect(result).toMatchObject({ answerable: false, citations: [] });
  });

  it('still answers the question the best match is about', async () => {
    const result = await docent.ask('When was the University of Warsaw established?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toContain('established in 1816');
  });
});
