import { describe, expect, it } from 'vitest';
import { swappedNouns } from '../../src/answer/swapped-nouns.js';
import { checkSpecifics, questionFacts } from '../../src/answer/specifics.js';
import { nameMatcher } from '../../src/match/names.js';
import { analyse } from '../../src/match/facts.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Word vectors that find every pair of different words equally (un)alike: the evidence noun taken as the replacement is then its first.
const flat = { similarity: (a: string, b: string) => (a === b ? 1 : 0.3) } as unknown as TermSimilarity;
const swapped = (question: string, evidence: string, context: string[] = []) =>
  swappedNouns(questionFacts(question, () => true), analyse(evidence), context.map((text) => analyse(text)), flat).map((token) => token.word);

describe('nouns of a question replaced by a sibling in the evidence', () => {
  it('finds another kind of the same thing', () => {
    expect(swapped('What share of Australian plums do Victorian farms produce?', 'Victorian farms produce nearly 90% of Australian pears.')).toEqual(['plums']);
    expect(swapped('Which orchestra player taught the violin?', 'He taught the cello.')).toEqual(['violin']);
  });

  it('leaves a noun the evidence or its context says, or says by a synonym or a broader word', () => {
    expect(swapped('What share of plums do farms produce?', 'Farms produce 90% of plums and pears.')).toEqual([]);
    expect(swapped('What share of plums do farms produce?', 'Farms produce 90% of pears.', ['Plums are grown there too.'])).toEqual([]);
    expect(swapped('Which handbook did experts draft?', 'Experts drafted the engineering manual.')).toEqual([]);
    expect(swapped('How strong were the quakes?', 'The earthquakes were strong.')).toEqual([]);
  });

  it('leaves the noun naming the kind of answer asked for', () => {
    expect(swapped('In which town was Luther born?', 'Luther was born in the city of Eisleben.')).toEqual([]);
  });
});

describe('a noun swapped for a sibling, as a specific of the question (checkSpecifics)', () => {
  const flatBoth = { similarity: flat.similarity, modelSimilarity: flat.similarity } as unknown as TermSimilarity;
  // IDF by word: the question's rarest words weigh 8, every other word 3.
  const swappedWith = (question: string, evidence: string, rare: readonly string[]) => {
    const facts = questionFacts(question, () => true);
    const rareTerms = new Set(facts.tokens.filter((token) => rare.includes(token.word)).map((token) => token.term));
    const idf = (term: string) => (rareTerms.has(term) ? 8 : 3);
    return checkSpecifics(facts, analyse(evidence), [], { names: nameMatcher(), similarity: flatBoth, isNameAtStart: () => true, idf }).swapped.map((token) => token.word);
  };

  it("is one when it is among the question's rarest words", () => {
    expect(swappedWith('What share of Australian plums do Victorian farms produce?', 'Victorian farms produce nearly 90% of Australian pears.', ['plums'])).toEqual(['plums']);
  });

  it('is no specific when the question has rarer words: a reworded ordinary noun', () => {
    const question = "Who put an end to Roussel de Bailleul's attempt to set up his own state in Asia Minor?";
    const evidence = 'Roussel found support from the local population, but was stopped by the Byzantine general Alexius Komnenos.';
    expect(swappedNouns(questionFacts(question, () => true), analyse(evidence), [], flat).map((token) => token.word)).toEqual(['attempt']);
    expect(swappedWith(question, evidence, ['roussel', 'bailleul'])).toEqual([]);
  });
});
