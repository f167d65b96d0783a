import fs from 'node:fs';
import { dataFile, linkedLemmas } from './synsets.js';

/**
 * Builds the demonym part of the table behind src/match/word-relations.ts: WordNet's pertainym
 * pointers ("\" in data.adj) from a people's or a place's adjective to the proper noun it is of —
 * "Portuguese" → Portugal, "South Korean" → South Korea, "Norman" → Normandy. Both sides must be
 * written with a capital, so "naval" → navy and "royal" → king stay out: only names count.
 */

const isProper = (written: string) => /^\p{Lu}[\p{L}'.-]*(?:_\p{Lu}[\p{L}'.-]*)*$/u.test(written);
const spaced = (lemma: string) => lemma.replaceAll('_', ' ');

/** Demonym (lower case, spaces) → the proper nouns it pertains to (lower case, spaces). */
export function demonymsFromWordNet(): Record<string, string[]> {
  const adjectives = fs.readFileSync(dataFile('data.adj'), 'latin1');
  const nouns = fs.readFileSync(dataFile('data.noun'), 'latin1');
  const demonyms = new Map<string, Set<string>>();
  for (const { source: adjective, target: noun } of linkedLemmas(adjectives, '\\', 'n', nouns)) {
    if (!isProper(adjective) || !isProper(noun)) continue;
    const key = spaced(adjective.toLowerCase());
    demonyms.set(key, (demonyms.get(key) ?? new Set()).add(spaced(noun.toLowerCase())));
  }
  const sorted = [...demonyms].sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(sorted.map(([adjective, places]) => [adjective, [...places]]));
}
