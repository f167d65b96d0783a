import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/match/analyzer.js';
import { coverageDetail, weightedTerms } from '../../src/match/coverage.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';
import synonymsTable from '../../src/match/synonyms.json' with { type: 'json' };
import table from '../../src/match/word-relations.json' with { type: 'json' };
import { wordRelations } from '../../src/match/word-relations.js';
import { synonymsFromWordNet } from '../../tools/wordnet-tables/synonyms.js';
import { wordRelationsFromWordNet } from '../../tools/wordnet-tables/word-relations.js';

/** No soft word meaning: whatever is covered here is covered by WordNet's relations alone. */
const exactOnly = { similarity: (a: string, b: string) => (a === b ? 1 : 0) } as unknown as TermSimilarity;
const covered = (question: string, evidence: string) => coverageDetail(weightedTerms(question, () => 1, { wordRelations: true }), tokenize(evidence), exactOnly).coverage;

describe('WordNet word relations in coverage', () => {
  it('reads a table that is current with the installed WordNet (rebuild: npx tsx tools/wordnet-tables/build.ts)', () => {
    expect(table).toEqual(wordRelationsFromWordNet());
  });

  it('reads a synonyms table that is current with the installed WordNet', () => {
    expect(synonymsTable).toEqual(synonymsFromWordNet());
  });

  it("gives a word the synonyms of its most frequent senses, by its lemmas", () => {
    expect(wordRelations().synonyms('nations')).toEqual(expect.arrayContaining(['country', 'land']));
    expect(wordRelations().synonyms('penalties')).toContain('punishment');
    expect(wordRelations().synonyms('xyzzy')).toEqual([]);
  });

  it('relates nouns and verbs derived from one another, by their lemmas', () => {
    expect(wordRelations().derived('founder')).toContain('found');
    expect(wordRelations().derived('died')).toContain('death');
  });

  it('gives a two-word verb the single words of its most frequent sense', () => {
    expect(wordRelations().phrase('passed', 'away')).toContain('die');
    expect(wordRelations().phrase('take', 'part')).toContain('participate');
    expect(wordRelations().phrase('blue', 'sky')).toEqual([]);
  });

  it('covers a question worded with a derivation or a two-word verb', () => {
    expect(covered('Who was the founder of Antioch?', 'Bohemond founded Antioch.')).toBe(1);
    expect(covered('When did Tesla pass away?', 'Tesla died in 1943.')).toBe(1);
    expect(covered('Which countries took part in the exercise?', 'Five countries participated in the exercise.')).toBe(1);
    // Unrelated words stay uncovered, and without word relations (the checker's claims) a derivation is another word.
    expect(covered('Who was the founder of Antioch?', 'Bohemond ruled Antioch.')).toBeLessThan(1);
    expect(coverageDetail(weightedTerms('Who was the founder of Antioch?', () => 1), tokenize('Bohemond founded Antioch.'), exactOnly).coverage).toBeLessThan(1);
  });
});
