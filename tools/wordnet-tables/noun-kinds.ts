import fs from 'node:fs';
import { dataFile, lineAt, parseSynset } from './synsets.js';

/**
 * The table behind src/match/noun-kinds.ts: each single-word common noun of WordNet with its most
 * frequent senses (synsets, in WordNet's order), and every synset those lead to through hypernyms
 * (`@`) with its own hypernyms — enough to tell "pear" a sibling of "plum" (both an edible fruit),
 * "handbook" a kind of "manual" and "quake" the same as "earthquake" without WordNet's 15 MB data file.
 * A noun's rarer senses are kept too when a compound ending in it means the same ("picture" the film,
 * after "motion picture"): a source that says "motion picture industry" for a "film industry" rewords it.
 * Synsets are numbered densely in the order met, so the table stays small. Which nouns have their
 * senses in order of use, and which kinds are too broad to make siblings, come along.
 */

/** Senses kept per noun: those a question or a source is likely to mean (index.noun lists the most frequent first). */
export const NOUN_SENSES = 4;

/** A kind with more direct kinds under it than this ("person": 412, "time period": 139) is too broad to make two of them siblings. */
export const BROAD_KIND = 100;

export interface NounKindTable {
  /** Noun lemma → its first NOUN_SENSES synsets (dense numbers). */
  senses: Record<string, number[]>;
  /** Nouns whose senses WordNet orders by how often they were met in its tagged texts (tagsense_cnt > 0): their first sense is the usual one. */
  ordered: string[];
  /** Synset number → its hypernyms' numbers. */
  parents: number[][];
  /** Numbers of the synsets with more than BROAD_KIND hyponyms. */
  broad: number[];
}

export function nounKindsFromWordNet(): NounKindTable {
  const data = fs.readFileSync(dataFile('data.noun'), 'latin1');
  const numbers = new Map<number, number>();
  const parents: number[][] = [];
  const numberOf = (offset: number): number => {
    const known = numbers.get(offset);
    if (known !== undefined) return known;
    const id = parents.length;
    numbers.set(offset, id);
    parents.push([]);
    // Numbered before its hypernyms so a cycle (none in WordNet, but cheap to be safe from) cannot recurse forever.
    parents[id] = parseSynset(lineAt(data, offset), '@').pointers.map((pointer) => numberOf(pointer.targetOffset));
    return id;
  };
  const senses: Record<string, number[]> = {};
  const ordered: string[] = [];
  const index = fs.readFileSync(dataFile('index.noun'), 'latin1').split('\n');
  const compoundSenses = sensesOfCompounds(index);
  for (const line of index) {
    const fields = line.split(' ');
    // Common nouns of one word only: names are the specifics' business, and a question's tokens are single words.
    if (!/^\p{Ll}+$/u.test(fields[0] ?? '')) continue;
    const { tagged, offsets } = indexEntry(fields);
    // A rarer sense counts too when a compound ending in the noun means it: "picture" is a film (its 6th sense) because "motion picture" is.
    const kept = offsets.filter((offset, i) => i < NOUN_SENSES || compoundSenses.get(fields[0]!)?.has(offset));
    senses[fields[0]!] = kept.map((offset) => numberOf(Number(offset)));
    if (tagged > 0) ordered.push(fields[0]!);
  }
  const hyponyms = new Map<number, number>();
  for (const line of data.split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    for (const pointer of parseSynset(line, '@').pointers) hyponyms.set(pointer.targetOffset, (hyponyms.get(pointer.targetOffset) ?? 0) + 1);
  }
  const broad = [...numbers].filter(([offset]) => (hyponyms.get(offset) ?? 0) > BROAD_KIND).map(([, id]) => id);
  return { senses, ordered, parents, broad };
}

/** An index line's fields (lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets…): how many senses were met in tagged texts, and the senses, most frequent first. */
function indexEntry(fields: readonly string[]): { tagged: number; offsets: string[] } {
  const pointers = Number(fields[3]);
  return { tagged: Number(fields[4 + pointers + 1]), offsets: fields.slice(4 + pointers + 2).filter((field) => /^\d{8}$/.test(field)) };
}

/** Last word of each common compound noun ("picture" of "motion_picture") → the senses of those compounds. */
function sensesOfCompounds(index: readonly string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const line of index) {
    const fields = line.split(' ');
    if (!/^\p{Ll}+(?:_\p{Ll}+)+$/u.test(fields[0] ?? '')) continue;
    const head = fields[0]!.slice(fields[0]!.lastIndexOf('_') + 1);
    found.set(head, new Set([...(found.get(head) ?? []), ...indexEntry(fields).offsets]));
  }
  return found;
}
