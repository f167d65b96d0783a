import { describe, expect, it } from 'vitest';
import { questionFacts } from '../../src/answer/specifics.js';
import { swappedRoles } from '../../src/answer/swapped-roles.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// Two different words are one verb only when listed: WordNet's antonyms and the converses decide the rest.
const synonyms = new Set(['beat/defeated', 'founded/established']);
const model = { similarity: (a: string, b: string) => (a === b || synonyms.has(`${a}/${b}`) ? 1 : 0.2) } as unknown as TermSimilarity;
const swapped = (question: string, evidence: string) =>
  swappedRoles(questionFacts(question, () => true), analyse(evidence, { isNameAtStart: () => true }), nameMatcher(), model).map((token) => token.text);

describe('a question that keeps the names of its evidence and changes who does what', () => {
  it('finds a name the evidence puts in the other role beside the same verb, the passive read as such', () => {
    expect(swapped('Which team did the Carolina Panthers defeat in Super Bowl 50?', 'The Denver Broncos defeated the Carolina Panthers 24–10.')).toEqual(['defeat']);
    expect(swapped('Who hired George Westinghouse as a consultant?', 'They were licensed by George Westinghouse, who also hired Tesla for a short time.')).toEqual(['hired']);
    expect(swapped('Who did Scotland invade in 1072?', 'William invaded Scotland in 1072.')).toEqual(['invade']);
    expect(swapped('Who was Edison hired by?', 'Edison hired Tesla in 1884.')).toEqual(['hired']);
    // "they" is not the Seahawks it defeated.
    expect(swapped('Which team did the Seattle Seahawks defeat?', 'The Steelers were the home team; they defeated the Seattle Seahawks 21–10.')).toEqual(['defeat']);
  });

  it('finds a verb of opposite or converse meaning with the name in the same role, when the evidence never says the verb', () => {
    expect(swapped('Which bid did George Westinghouse lose in 1893?', 'In 1893, George Westinghouse won the bid to light the exposition.')).toEqual(['lose']);
    expect(swapped('How many PLA officers have taught courses hosted by the UN?', 'More than 100 PLA officers have attended courses hosted by the UN.')).toEqual(['taught']);
  });

  it('leaves the same roles, a passive that states them, a symmetric relation, a describing name and a doer known only by a pronoun', () => {
    expect(swapped('Which team did the Denver Broncos defeat?', 'The Denver Broncos defeated the Carolina Panthers 24–10.')).toEqual([]);
    expect(swapped('Who was Tesla hired by in 1884?', 'In 1884 Tesla was hired by Thomas Edison.')).toEqual([]);
    expect(swapped('Who hired Tesla in 1884?', 'In 1884 Tesla was hired by Thomas Edison.')).toEqual([]);
    expect(swapped('When was the FSO Car Factory founded?', 'The FSO Car Factory was established in 1951.')).toEqual([]);
    expect(swapped('Who did Berengaria of Navarre marry?', 'Richard the Lion-Heart married Berengaria of Navarre.')).toEqual([]);
    expect(swapped('What were the two Huguenot neighborhoods created in Berlin?', 'In Berlin, the Huguenots created two new neighbourhoods.')).toEqual([]);
    expect(swapped('What did Tesla invent in 1891?', 'In 1891 he invented the Tesla coil.')).toEqual([]);
    // The converse with the name in the other role says the same: the dean sent, Tesla received.
    expect(swapped('Who did Tesla receive a letter from?', 'The dean sent Tesla a letter.')).toEqual([]);
    expect(swapped('Which team won the game?', 'The Broncos won the game.')).toEqual([]);
  });
});
