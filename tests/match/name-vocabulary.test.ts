import { describe, expect, it } from 'vitest';
import { spelledIn } from '../../src/answer/name-spelling.js';
import { analyse, type Fact } from '../../src/match/facts.js';
import { nameVocabularies, sharesGroup } from '../../src/match/name-vocabulary.js';
import { nameMatcher } from '../../src/match/names.js';

const anyName = { isNameAtStart: () => true };
const nameIn = (text: string): Fact => analyse(text, anyName).facts.find((fact) => fact.kind === 'name')!;

describe('name vocabulary', () => {
  const groups: Record<string, number[]> = { britain: [1], uk: [1], 'united kingdom': [1, 2], gb: [2] };
  const vocabularyOf = nameVocabularies(() => (name) => groups[name]);

  it("lists a text's distinct words, its phrases of up to four words and their alias groups, once per analysis", () => {
    const text = analyse('The United Kingdom Border Agency met the UK envoy and the UK team.', anyName);
    const vocabulary = vocabularyOf(text);
    expect(vocabularyOf(text)).toBe(vocabulary);
    expect(vocabulary.words.filter((word) => word === 'uk')).toHaveLength(1);
    expect(vocabulary.phrases.has('united kingdom border agency')).toBe(true);
    expect(vocabulary.phrases.has('the united kingdom border agency')).toBe(false);
    expect([...vocabulary.wordGroups]).toEqual([1]);
    expect([...vocabulary.phraseGroups].sort()).toEqual([1, 2]);
    expect(sharesGroup(groups.gb, vocabulary.phraseGroups)).toBe(true);
    expect(sharesGroup(groups.gb, vocabulary.wordGroups)).toBe(false);
    expect(sharesGroup(undefined, vocabulary.phraseGroups)).toBe(false);
  });

  it('finds names by their words, stems, WordNet aliases and phrases as before', () => {
    const names = nameMatcher();
    const evidence = analyse('The German defense minister met the United Kingdom envoy in Gospić.', anyName);
    const found = (claim: string) => names.found(nameIn(claim), claim, evidence);
    expect(found('Germany sent a minister.')).toBe(true);
    expect(found('An envoy of Britain came.')).toBe(true);
    expect(found('The United Kingdom sent an envoy.')).toBe(true);
    expect(found('France sent an envoy.')).toBe(false);
    expect(spelledIn(nameIn('He went to Gospic.'), evidence)).toBe(true);
    expect(spelledIn(nameIn('He went to Split.'), evidence)).toBe(false);
  });
});
