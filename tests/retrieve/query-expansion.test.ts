import { describe, expect, it } from 'vitest';
import type { TermAlternative } from '../../src/index/bm25-top.js';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { termOf } from '../../src/match/analyzer.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';
import { EXPANSION_FLOOR, expandedQueryTerms, MAX_ALTERNATIVES } from '../../src/retrieve/query-expansion.js';
import { wordRelations } from '../../src/match/word-relations.js';

/** Word similarities as given (symmetric), 0 for any other pair: what is expanded here is decided by these alone. */
function similarities(pairs: Record<string, number>): TermSimilarity {
  const of = (a: string, b: string) => (a === b ? 1 : (pairs[`${a}~${b}`] ?? pairs[`${b}~${a}`] ?? 0));
  return { prepare: async () => {}, similarity: of } as unknown as TermSimilarity;
}

const everyTerm = { has: () => true };

describe('query expansion', () => {
  it("adds a common word's WordNet synonyms, weighted below the word by how alike the two are", async () => {
    expect(wordRelations().synonyms('nations')).toContain('country');
    const terms = await expandedQueryTerms('Which nations joined?', { ...everyTerm, similarity: similarities({ 'nations~country': 0.8 }) });
    expect(terms[0]).toEqual([
      { term: termOf('nations'), weight: 1 },
      { term: termOf('country'), weight: 0.8 },
    ]);
    expect(terms[1]).toBe(termOf('joined'));
  });

  it('leaves names, acronyms and numbers as they are: a cousin is not a synonym', async () => {
    // Alike enough to stand for one another, if they were common words: every pair of words here is.
    const similarity = { prepare: async () => {}, similarity: () => 0.9 } as unknown as TermSimilarity;
    const terms = await expandedQueryTerms('Did France and the US sign in 2009?', { ...everyTerm, similarity });
    expect(terms.filter((term) => typeof term === 'string')).toEqual([termOf('france'), 'us', '2009']);
    expect(terms.filter((term) => typeof term !== 'string')).toHaveLength(1);
  });

  it('keeps at most a few alternatives per word, the most alike first', async () => {
    const synonyms = wordRelations().synonyms('country');
    expect(synonyms.length).toBeGreaterThan(MAX_ALTERNATIVES);
    const alike = Object.fromEntries(synonyms.map((word, i) => [`country~${word}`, 0.6 + i / 100]));
    const [group] = await expandedQueryTerms('country', { ...everyTerm, similarity: similarities(alike) });
    const alternatives = (group as TermAlternative[]).slice(1);
    expect(alternatives.map((a) => a.term)).toEqual(synonyms.slice(-MAX_ALTERNATIVES).reverse().map(termOf));
  });

  it('keeps only the alternatives the corpus uses and alike enough to the word', async () => {
    const synonyms = wordRelations().synonyms('country');
    const alike = Object.fromEntries(synonyms.map((word, i) => [`country~${word}`, i === 0 ? EXPANSION_FLOOR - 0.01 : 0.9]));
    const unused = termOf(synonyms[1]!);
    const [group] = await expandedQueryTerms('country', { has: (term) => term !== unused, similarity: similarities(alike) });
    const terms = (group as TermAlternative[]).slice(1).map((a) => a.term);
    expect(terms).not.toContain(termOf(synonyms[0]!));
    expect(terms).not.toContain(unused);
    expect(terms.sort()).toEqual(synonyms.slice(2).map(termOf).sort());
  });

  it('does not add a synonym that is itself a word of the query', async () => {
    const terms = await expandedQueryTerms('nations and countries', { ...everyTerm, similarity: similarities({ 'nations~country': 0.8, 'countries~nation': 0.8 }) });
    expect(terms).toEqual([termOf('nations'), termOf('countries')]);
  });
});

describe('BM25 with alternatives', () => {
  const lexical = LexicalIndex.build([
    { id: 'own', text: 'Ninety nations sent observers.', context: '' },
    { id: 'synonym', text: 'Ninety countries sent observers.', context: '' },
    { id: 'other', text: 'The observers wrote reports.', context: '' },
  ]);
  const group = (weight: number) => [
    { term: termOf('nations'), weight: 1 },
    { term: termOf('countries'), weight },
  ];

  it('finds a chunk that uses only the alternative, below one that uses the word itself', () => {
    const hits = lexical.searchTerms([group(0.4), termOf('observers')], 3);
    expect(hits.map((hit) => hit.id)).toEqual(['own', 'synonym', 'other']);
    expect(hits[1]!.score).toBeLessThan(hits[0]!.score);
  });

  it('counts a group as one query term: an alternative at full weight scores as the word itself', () => {
    const [own, synonym] = lexical.searchTerms([group(1), termOf('observers')], 2);
    expect(synonym!.score).toBeCloseTo(own!.score, 10);
  });

  it('scores plain terms exactly as a search of the question', () => {
    expect(lexical.searchTerms([termOf('nations'), termOf('observers')], 3)).toEqual(lexical.search('nations observers', 3));
  });
});
