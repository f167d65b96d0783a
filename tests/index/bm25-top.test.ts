import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Top } from '../../src/index/bm25-top.js';
import { keyedRandom } from '../../tools/build-model/random.js';

interface Entry {
  id: string;
  text: string;
  context: string;
}

const WORDS = Array.from({ length: 60 }, (_, i) => `w${i}`);
const OPTIONS = { fields: ['text', 'context'], tokenize: (text: string) => text.split(' ').filter(Boolean) };

function corpus(count: number, random: () => number, from = 0): Entry[] {
  // Skewed word choice, so some terms reach most chunks and others few, and scores tie now and then.
  const word = () => WORDS[Math.floor(random() ** 2 * WORDS.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    id: `c${from + i}`,
    text: Array.from({ length: 1 + Math.floor(random() * 30) }, word).join(' '),
    context: Array.from({ length: Math.floor(random() * 4) }, word).join(' '),
  }));
}

/** MiniSearch's own ranking, as the lexical index used it before. */
function expected(search: MiniSearch<Entry>, terms: string[], limit: number, contextBoost: number, accept?: (id: string) => boolean) {
  return search
    .search(terms.join(' '), { combineWith: 'OR', boost: { context: contextBoost }, ...(accept ? { filter: (result) => accept(String(result.id)) } : {}) })
    .slice(0, limit)
    .map((result) => ({ id: String(result.id), score: result.score }));
}

describe('BM25 top-k over MiniSearch postings', () => {
  for (const contextBoost of [1, 0.5]) {
    it(`gives MiniSearch's ids, scores and order exactly, through additions and removals (context boost ${contextBoost})`, async () => {
      const random = keyedRandom('bm25-top', String(contextBoost));
      // The scorer reads an index whose removed chunks linger in the postings; MiniSearch answers from
      // a twin vacuumed clean (unvacuumed, its document counts depend on earlier searches).
      const scored = new MiniSearch<Entry>({ ...OPTIONS, autoVacuum: false });
      const search = new MiniSearch<Entry>({ ...OPTIONS, autoVacuum: false });
      const entries = corpus(400, random);
      for (const index of [scored, search]) index.addAll(entries);
      const top = new Bm25Top(scored, [['text', 1], ['context', contextBoost]]);
      const queries = Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]!));
      const check = () => {
        for (const [i, terms] of queries.entries()) {
          const unique = [...new Set([...terms, 'absent'])];
          const accept = i % 3 === 0 ? (id: string) => Number(id.slice(1)) % 2 === 0 : undefined;
          for (const limit of [1, 10, 50]) expect(top.top(unique, limit, accept)).toEqual(expected(search, unique, limit, contextBoost, accept));
        }
      };
      check();
      // Every third chunk, so removed postings sit between live ones.
      const added = corpus(150, random, 400);
      for (const index of [scored, search]) {
        for (const entry of entries.filter((_, i) => i % 3 === 0)) index.discard(entry.id);
        index.addAll(added);
      }
      await search.vacuum();
      top.invalidate();
      check();
    });
  }

  it('returns nothing for terms no chunk uses', () => {
    const search = new MiniSearch<Entry>(OPTIONS);
    search.addAll(corpus(20, keyedRandom('bm25-top', 'empty')));
    expect(new Bm25Top(search, [['text', 1]]).top(['nowhere'], 10)).toEqual([]);
  });
});
