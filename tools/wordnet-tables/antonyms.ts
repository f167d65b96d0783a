import fs from 'node:fs';
import { dataFile, parseSynset } from './synsets.js';

/**
 * The antonym pairs behind src/match/antonyms.ts, from WordNet's antonym pointers (`!` in its data
 * files): single words only (a multi-word lemma such as "break_even" is a phrase, not a word to meet
 * in a sentence), as lemmas. Reading the four data files (≈ 30 MB) cost every process about half a
 * second the first time a claim was checked.
 */
const DATA_FILES = ['data.adj', 'data.adv', 'data.verb', 'data.noun'];

/** Antonym pointers between single words, each pair once. */
export function antonymPairsFromWordNet(): Array<[string, string]> {
  const pairs = new Set<string>();
  for (const file of DATA_FILES) {
    // Antonym pointers are reciprocal, so both synsets of a pair carry one: only those lines are read.
    const lines = fs.readFileSync(dataFile(file), 'latin1').split('\n').filter((line) => line.includes(' ! ') && !line.startsWith(' '));
    const synsets = lines.map((line) => parseSynset(line, '!'));
    const lemmasAt = new Map(synsets.map((synset) => [synset.offset, synset.lemmas]));
    for (const { lemmas, pointers } of synsets) {
      for (const { sourceLemma, targetOffset, targetLemma } of pointers) {
        const source = lemmas[sourceLemma - 1];
        const target = lemmasAt.get(String(targetOffset).padStart(8, '0'))?.[targetLemma - 1];
        if (source && target && !source.includes('_') && !target.includes('_')) pairs.add(`${source} ${target}`);
      }
    }
  }
  return [...pairs].map((pair) => pair.split(' ') as [string, string]);
}
