import { beforeAll, describe, expect, it } from 'vitest';
import type { Docent } from '../../src/service.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const text = [
  'The Harbour Museum',
  'The Harbour Museum opened in 1898 in the old customs house. It holds 4,000 objects from the age of sail.',
  'Its most famous exhibit is the clipper ship Meridian, restored by volunteers in 1976.',
  'Admission is free on Sundays. Guided tours run every hour from 10 am.',
].join('\n\n');

let docent: Docent;

beforeAll(async () => {
  docent = await openTestDocent(await makeCorpus({ 'museum.md': text }), { CHUNK_SIZE: '200', CHUNK_OVERLAP: '0' });
});

describe('ExtractiveAnswerer', () => {
  it('quotes the sentence that answers, verbatim, with a [n] marker and its exact span', async () => {
    const result = await docent.ask('When did the Harbour Museum open?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toBe('The Harbour Museum opened in 1898 in the old customs house.');
    expect(result.answer.startsWith('The Harbour Museum opened in 1898 in the old customs house. [1]')).toBe(true);
    for (const citation of result.citations) {
      expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(result.answer).toContain(`${citation.quote} [${citation.n}]`);
    }
    expect(result.citations.map((c) => c.n)).toEqual(result.citations.map((_, i) => i + 1));
    expect(result.citations.length).toBeLessThanOrEqual(3);
  });

  it('prefers the sentence with the kind of phrase asked for', async () => {
    const result = await docent.ask('Who restored the clipper ship Meridian?');
    expect(result.citations[0]!.quote).toContain('restored by volunteers');
  });

  it('reads a request word that opens the question ("Tell me …", "Explain …") as a word, not as a name the evidence must state', async () => {
    for (const question of ['Tell me who restored the clipper ship Meridian.', 'Explain who restored the clipper ship Meridian.']) {
      const result = await docent.ask(question);
      expect(result.answerable, question).toBe(true);
      expect(result.citations[0]!.quote, question).toContain('restored by volunteers');
    }
  });

  it('declines, with no citations, when the corpus does not hold the answer', async () => {
    for (const question of ['How much does a ticket to the Harbour Museum cost on Mondays?', 'Who is the director of the Louvre?']) {
      const result = await docent.ask(question);
      expect(result, question).toMatchObject({ answerable: false, citations: [] });
    }
  });

  it('streams the answer as deltas that add up to it, after the passages', async () => {
    const events: string[] = [];
    let streamed = '';
    const result = await docent.ask('When did the Harbour Museum open?', {
      onEvent: (event) => {
        events.push(event.type);
        if (event.type === 'delta') streamed += event.text;
      },
    });
    expect(events[0]).toBe('passages');
    expect(events.at(-1)).toBe('done');
    expect(streamed).toBe(result.answer);
  });
});

describe('ExtractiveAnswerer, a sentence that continues the best one', () => {
  const art = [
    'Norman art',
    'By far the most famous work of Norman art is the Bayeux Tapestry, a long embroidered cloth. It was commissioned by Odo, the Bishop of Bayeux. The cloth is kept in a museum in Normandy.',
  ].join('\n\n');
  let artDocent: Docent;

  beforeAll(async () => {
    artDocent = await openTestDocent(await makeCorpus({ 'art.md': art }), { CHUNK_SIZE: '400', CHUNK_OVERLAP: '0' });
  });

  it('quotes the next sentence when it points back and holds the kind of phrase asked for, each by its own exact span', async () => {
    const result = await artDocent.ask('Who ordered the making of the most famous work of Norman art, the Bayeux Tapestry?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toContain('By far the most famous work of Norman art');
    expect(result.citations[1]!.quote).toBe('It was commissioned by Odo, the Bishop of Bayeux.');
    for (const citation of result.citations) expect(art.slice(citation.start, citation.end)).toBe(citation.quote);
  });

  it('does not add it when the question asks for another kind of phrase', async () => {
    const result = await artDocent.ask('How long is the most famous work of Norman art, the Bayeux Tapestry?');
    expect(result.answerable).toBe(true);
    expect(result.citations[0]!.quote).toContain('By far the most famous work of Norman art');
    expect(result.citations.map((citation) => citation.quote)).not.toContain('It was commissioned by Odo, the Bishop of Bayeux.');
  });
});
