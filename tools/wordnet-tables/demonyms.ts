import fs from 'node:fs';
import { dataFile, parseSynset } from './synsets.js';

/**
 * Builds the demonym part of the table behind src/match/word-relations.ts: WordNet's pertainym
 * pointers ("\" in data.adj) from a people's or a place's adjective to the proper noun it is of —
 * "Portuguese" → Portugal, "South Korean" → South Korea, "Norman" → Normandy. Both sides must be
 * written with a capital, so "naval" → navy and "royal" → king stay out: only names count.
 */

/** The synset line starting at a byte offset of a data file read as latin1 (WordNet offsets are byte offsets). */
const lineAt = (text: string, offset: number) => text.slice(offset, text.indexOf('\n', offset));

const isProper = (written: string) => /^\p{Lu}[\p{L}'.-]*(?:_\p{Lu}[\p{L}'.-]*)*$/u.test(written);
const spaced = (lemma: string) => lemma.replaceAll('_', ' ');

/** Demonym (lower case, spaces) → the proper nouns it pertains to (lower case, spaces). */
export function demonymsFromWordNet(): Record<string, string[]> {
  const adjectives = fs.readFileSync(dataFile('data.adj'), 'latin1');
  const nouns = fs.readFileSync(dataFile('data.noun'), 'latin1');
  const demonyms = new Map<string, Set<string>>();
  for (const line of adjectives.split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const { written, pointers } = parseSynset(line, '\\');
    for (const { sourceLemma, targetOffset, targetPos, targetLemma } of pointers) {
      const adjective = written[sourceLemma - 1];
      if (targetPos !== 'n' || !adjective || !isProper(adjective)) continue;
      const noun = parseSynset(lineAt(nouns, targetOffset), '\\').written[targetLemma - 1];
      if (!noun || !isProper(noun)) continue;
      const key = spaced(adjective.toLowerCase());
      demonyms.set(key, (demonyms.get(key) ?? new Set()).add(spaced(noun.toLowerCase())));
    }
  }
  const sorted = [...demonyms].sort(([a], [b]) => (a < b ? -1 : 1));
  return Object.fromEntries(sorted.map(([adjective, places]) => [adjective, [...places]]));
}
