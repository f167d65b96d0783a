import fs from 'node:fs';
import { termOf } from '../../src/match/analyzer.js';
import { dataFile, parseSynset, type Synset } from './synsets.js';

/**
 * The antonym pairs behind src/match/antonyms.ts, from WordNet's antonym pointers (`!` in its data
 * files): single words only (a multi-word lemma such as "break_even" is a phrase, not a word to meet
 * in a sentence), as matching forms (`termOf`: lemma, then stem), so inflections meet. Reading the
 * four data files (≈ 30 MB) cost every process about half a second the first time a claim was
 * checked, and so did taking the matching forms of the table's 62,000 words.
 *
 * WordNet links antonyms lemma to lemma ("permit" ! "forbid"), so the other words of the two senses
 * ("allow", "prohibit") and the adjectives only similar to a linked one ("numerous" & "many" ! "few")
 * are linked here too: for verbs and adjectives, every word of one sense against every word of the
 * opposite sense, and each satellite adjective against the opposite of its head.
 */
const DATA_FILES = ['data.adj', 'data.adv', 'data.verb', 'data.noun'];
/** Parts of speech whose senses are opposed as wholes; a noun's senses are too loose ("head" ! "tail"). */
const WHOLE_SENSES = new Set(['data.adj', 'data.verb']);

const singleWords = (lemmas: readonly string[]) => lemmas.filter((lemma) => !lemma.includes('_'));

/** Antonym pointers between single words, as matching forms, each pair once, in one direction. */
export function antonymPairsFromWordNet(): Array<[string, string]> {
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    if (a.includes('_') || b.includes('_')) return;
    const [ta, tb] = [termOf(a), termOf(b)];
    // One direction per pair: the reader links both.
    if (ta !== tb && !pairs.has(`${tb} ${ta}`)) pairs.add(`${ta} ${tb}`);
  };
  for (const file of DATA_FILES) {
    const lines = fs.readFileSync(dataFile(file), 'latin1').split('\n').filter((line) => /^\d{8} /.test(line));
    // Antonym pointers are reciprocal, so both synsets of a pair carry one.
    const synsets = lines.filter((line) => line.includes(' ! ')).map((line) => parseSynset(line, '!'));
    const byOffset = new Map(synsets.map((synset) => [synset.offset, synset]));
    const opposite = (offset: number) => byOffset.get(String(offset).padStart(8, '0'));
    for (const { lemmas, pointers } of synsets) {
      for (const { sourceLemma, targetOffset, targetLemma } of pointers) {
        const target = opposite(targetOffset);
        const [a, b] = [lemmas[sourceLemma - 1], target?.lemmas[targetLemma - 1]];
        if (a && b) add(a, b);
        if (!WHOLE_SENSES.has(file) || !target) continue;
        for (const word of singleWords(lemmas)) for (const other of singleWords(target.lemmas)) add(word, other);
      }
    }
    if (file === 'data.adj') for (const [a, b] of satellitePairs(lines, opposite)) add(a, b);
  }
  return [...pairs].map((pair) => pair.split(' ') as [string, string]);
}

/** Each satellite adjective ("numerous") against the words of the sense opposite to its head ("many" ! "few"). */
function* satellitePairs(lines: readonly string[], opposite: (offset: number) => Synset | undefined): Generator<[string, string]> {
  for (const line of lines) {
    if (line.split(' ', 3)[2] !== 's') continue;
    const satellite = parseSynset(line, '&');
    for (const { targetOffset } of satellite.pointers) {
      const head = opposite(targetOffset);
      if (!head) continue;
      for (const { targetOffset: opposed } of head.pointers) {
        for (const word of singleWords(satellite.lemmas)) for (const other of singleWords(opposite(opposed)?.lemmas ?? [])) yield [word, other];
      }
    }
  }
}
