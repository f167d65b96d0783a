import { describe, expect, it } from 'vitest';
import { replacedWords } from '../../src/answer/replaced-words.js';
import { questionFacts } from '../../src/answer/specifics.js';
import { analyse } from '../../src/match/facts.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';

// A model that finds two different words no synonyms, except the pairs listed: WordNet's tables and the lexicon decide the rest.
const synonyms = new Set(['big/large', 'large/big']);
const model = { modelSimilarity: (a: string, b: string) => (a === b || synonyms.has(`${a}/${b}`) ? 1 : 0.2) } as unknown as TermSimilarity;
const replaced = (question: string, evidence: string, context: string[] = [], rarest: string[] = []) =>
  replacedWords(questionFacts(question, () => true), analyse(evidence), context.map((text) => analyse(text)), model, (word) => rarest.includes(word.word)).map((token) => token.text);

describe('words of a question replaced beside the same neighbour in the evidence', () => {
  it('finds a noun or a name the evidence replaces in the same compound', () => {
    expect(replaced('How many US states have banned capital punishment?', '30 US states have banned corporal punishment.')).toEqual(['capital']);
    expect(replaced('Under what system were the Victorian Legislative Assembly elections held?', 'The Victorian Legislative Council elections were held under a new system.')).toEqual(['Assembly']);
    expect(replaced('What did the defense ministries sign on trade collaboration?', 'The defense ministries signed a protocol on policy collaboration.')).toEqual(['trade']);
  });

  it('finds a name the evidence replaces after the same word and preposition, even one its context says', () => {
    expect(replaced('In which decade did Robert Crispin lead the Normans of Antioch?', 'In the 1060s, Robert Crispin led the Normans of Edessa.', ['Antioch fell to the Normans.'])).toEqual(['Antioch']);
    expect(replaced('What happened when pilgrims returning from Rome called at Salerno?', 'Pilgrims returning from Jerusalem called at Salerno.')).toEqual(['Rome']);
    expect(replaced('Who led the Normans of Edessa?', 'Robert Crispin led the Normans of Edessa.')).toEqual([]);
    expect(replaced('Which pilgrims returned from Britain?', 'Pilgrims returned from the UK.')).toEqual([]);
  });

  it('finds an opposite beside the same neighbour, stop words included', () => {
    expect(replaced("Which is Australia's least densely populated state?", "Victoria is Australia's most densely populated state.")).toEqual(['least']);
    expect(replaced('Which king of East Francia made the treaty?', 'The treaty was made by King Charles III of West Francia.')).toEqual(['East']);
    expect(replaced('In what year did China conduct the last BRICS consultation?', 'That year, China conducted the first BRICS consultation.')).toEqual(['last']);
    expect(replaced('Which amateur surfers live in southern California?', 'Professional surfers live in southern California.')).toEqual(['amateur']);
  });

  it('leaves a word the evidence or its context says, or says by a synonym, a kind or a slip of spelling', () => {
    expect(replaced('Which professional snowboarder lives in southern California?', 'Professional snowboarder Shaun White lives in southern California.')).toEqual([]);
    expect(replaced('How many US states have banned capital punishment?', '30 US states have banned corporal punishment.', ['Capital punishment is banned too.'])).toEqual([]);
    expect(replaced('Which peacekeeping drills did China join?', 'China joined peacekeeping exercises.')).toEqual([]);
    expect(replaced('In big power stations, what are turbines connected to?', 'In large power stations, turbines are connected to generators.')).toEqual([]);
    expect(replaced('When was Setanta awarded Primier League rights?', 'Setanta was awarded Premier League rights in 2006.')).toEqual([]);
  });

  it('leaves verbs, adjectives, owners and the kind of answer asked for', () => {
    expect(replaced('Which states outlawed corporal punishment?', 'Thirty states banned corporal punishment.')).toEqual([]);
    expect(replaced('What type of machine checks multiple possibilities?', 'A machine checks different possibilities.')).toEqual([]);
    expect(replaced('What city did Tesla move to?', "Tesla's uncles paid for his move.")).toEqual([]);
    expect(replaced('Which Irish channel won two packages?', 'The Irish broadcaster Setanta won two packages.')).toEqual([]);
  });

  it('finds an adjective replaced by a noun, or a noun by an adjective, only when it is the question\'s rarest word', () => {
    const question = 'What did the foreign ministries of China and Pakistan sign in May?';
    const evidence = 'In May, the defense ministries of China and Pakistan signed a protocol.';
    expect(replaced(question, evidence, [], ['foreign'])).toEqual(['foreign']);
    expect(replaced(question, evidence)).toEqual([]);
    expect(replaced('When did Virgin Media remove the premium channels?', 'In 2007, Virgin Media removed the basic channels.', [], ['premium'])).toEqual(['premium']);
    // An adjective beside an adjective is as often a looser word for it: never a specific.
    expect(replaced('What type of machine checks multiple possibilities?', 'A machine checks different possibilities.', [], ['multiple'])).toEqual([]);
  });
});
