import fs from 'node:fs';
import { dataFile, lineAt, parseSynset } from './synsets.js';

/**
 * The table behind src/match/synonyms.ts: each single-word lemma of WordNet's nouns, verbs and
 * adjectives with the other single-word lemmas of its most frequent senses ("nation" → country,
 * land; "drill" → exercise, practice; "beat" → defeat, …), for query expansion in retrieval.
 */

/** Senses read per lemma and part of speech: the ones a question is likely to mean (WordNet's index files list the most frequent first). */
export const SYNONYM_SENSES = 2;

const PARTS = [
  { index: 'index.noun', data: 'data.noun' },
  { index: 'index.verb', data: 'data.verb' },
  { index: 'index.adj', data: 'data.adj' },
] as const;

const isWord = (lemma: string) => /^\p{Ll}+$/u.test(lemma);

/** Lemma → its synonyms, both in WordNet's order (most frequent sense first, nouns before verbs before adjectives). */
export function synonymsFromWordNet(): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const part of PARTS) {
    const data = fs.readFileSync(dataFile(part.data), 'latin1');
    for (const line of fs.readFileSync(dataFile(part.index), 'latin1').split('\n')) {
      const fields = line.split(' ');
      const lemma = fields[0] ?? '';
      if (!isWord(lemma)) continue;
      // lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets…
      const offsets = fields.slice(4 + Number(fields[3]) + 2).filter((field) => /^\d{8}$/.test(field));
      for (const offset of offsets.slice(0, SYNONYM_SENSES)) {
        for (const other of parseSynset(lineAt(data, Number(offset)), '').lemmas) {
          if (other === lemma || !isWord(other)) continue;
          synonyms.set(lemma, (synonyms.get(lemma) ?? new Set()).add(other));
        }
      }
    }
  }
  return Object.fromEntries([...synonyms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([lemma, others]) => [lemma, [...others]]));
}
