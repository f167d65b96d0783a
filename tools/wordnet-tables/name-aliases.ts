import fs from 'node:fs';
import { dataFile, parseSynset } from './synsets.js';

/**
 * Builds the table behind src/match/name-aliases.ts: groups of names WordNet says are one — the
 * capitalised lemmas of a noun synset whose first lemma is a name ("Britain", "UK", "United
 * Kingdom"), and a name's adjective with the names it pertains to ("French" → France). Names are
 * lower case, with spaces; groups keep WordNet's order (nouns, then adjectives).
 */

/** A synset line whose first lemma is written with a capital. */
const NAMED_SYNSET = /^\d{8} \d\d [nasrv] [0-9a-f]{2} [A-Z]/;

const normalise = (lemma: string) => lemma.replace(/_/g, ' ').replace(/\./g, '').toLowerCase();

function* namedSynsets(file: string) {
  for (const line of fs.readFileSync(dataFile(file), 'latin1').split('\n')) {
    if (!NAMED_SYNSET.test(line)) continue;
    const { offset, written, pointers } = parseSynset(line, '\\');
    const names = written.filter((lemma) => /^\p{Lu}/u.test(lemma)).map(normalise);
    yield { offset: Number(offset), names, pertainsTo: pointers.filter((pointer) => pointer.targetPos === 'n').map((pointer) => pointer.targetOffset) };
  }
}

/** Each group's distinct names. */
export function nameAliasGroupsFromWordNet(): string[][] {
  const nouns = new Map<number, string[]>();
  const groups: string[][] = [];
  for (const { offset, names } of namedSynsets('data.noun')) {
    nouns.set(offset, names);
    if (names.length >= 2) groups.push([...new Set(names)]);
  }
  for (const { names, pertainsTo } of namedSynsets('data.adj')) {
    const targets = pertainsTo.flatMap((offset) => nouns.get(offset) ?? []);
    if (names.length > 0 && targets.length > 0) groups.push([...new Set([...names, ...targets])]);
  }
  return groups;
}
