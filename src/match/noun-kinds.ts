import { lemmatizer } from './lemmatizer.js';
import { readTable } from './tables.js';

/**
 * How two common nouns relate in WordNet's hierarchy of kinds (hypernyms), from the table built by
 * `npx tsx tools/wordnet-tables/build.ts` (tools/wordnet-tables/noun-kinds.ts): the same thing in other
 * words ("quake" / "earthquake"), one a kind of the other ("handbook" / "manual"), or siblings — two
 * different kinds of one thing ("plum" / "pear", both an edible fruit; "violin" / "cello"). A question
 * that says "plums" where its source says "pears" asks about another fact; one that says "manual"
 * for "handbook" rewords the same one.
 */

interface NounKindTable {
  senses: Readonly<Record<string, readonly number[] | undefined>>;
  ordered: readonly string[];
  parents: readonly (readonly number[])[];
  broad: readonly number[];
}

interface NounKinds extends NounKindTable {
  orderedSet: ReadonlySet<string>;
  broadSet: ReadonlySet<number>;
}

let table: NounKinds | undefined;
/** Read on first use (see tables.ts), or by the warm-up (preload-tables.ts). */
export function kindTable(): NounKinds {
  if (!table) {
    const read = readTable<NounKindTable>('noun-kinds.json');
    table = { ...read, orderedSet: new Set(read.ordered), broadSet: new Set(read.broad) };
  }
  return table;
}

/**
 * Senses compared for siblings: the usual one — the first, when WordNet ordered the word's senses by
 * use, else the first two ("plum" the tree and the fruit). Rarer senses make nearly any two nouns
 * siblings somewhere ("instruction" and "training" are both education in their third senses); for
 * sameness and kind-of every kept sense counts, so a rewording is never mistaken for a swap.
 */
const siblingSenses = (lemma: string, senses: readonly number[]) => senses.slice(0, kindTable().orderedSet.has(lemma) ? 1 : 2);

export type NounRelation = 'same' | 'kind' | 'sibling' | 'unrelated' | 'unknown';

/** The WordNet lemma of a noun: the word itself, else its singular; undefined when WordNet has no such common noun. */
function lemmaOf(word: string): string | undefined {
  const { senses } = kindTable();
  const lower = word.toLowerCase();
  if (Object.hasOwn(senses, lower)) return lower;
  const singular = lemmatizer().noun(lower);
  return Object.hasOwn(senses, singular) ? singular : undefined;
}

/** The synsets of a noun, most frequent first; none when WordNet has no such common noun. */
function sensesOf(word: string): readonly number[] {
  const lemma = lemmaOf(word);
  return lemma === undefined ? [] : (kindTable().senses[lemma] ?? []);
}

/** Whether WordNet has the word (or its singular) as a common noun. */
export const isKnownNoun = (word: string): boolean => sensesOf(word).length > 0;

/** Every synset above `synset` in the hierarchy. */
function ancestorsOf(synset: number): Set<number> {
  const { parents } = kindTable();
  const found = new Set<number>();
  const pending = [...(parents[synset] ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (found.has(next)) continue;
    found.add(next);
    pending.push(...(parents[next] ?? []));
  }
  return found;
}

/**
 * How noun `a` relates to noun `b`: the same thing (a shared synset), one a kind of the other (either
 * way), siblings (their usual senses share a direct hypernym that is not a broad kind), unrelated,
 * or unknown when WordNet lacks either as a common noun.
 */
export function nounRelation(a: string, b: string): NounRelation {
  const [sensesA, sensesB] = [sensesOf(a), sensesOf(b)];
  if (sensesA.length === 0 || sensesB.length === 0) return 'unknown';
  if (sensesA.some((synset) => sensesB.includes(synset))) return 'same';
  const above = (senses: readonly number[]) => new Set(senses.flatMap((synset) => [...ancestorsOf(synset)]));
  const [aboveA, aboveB] = [above(sensesA), above(sensesB)];
  if (sensesA.some((synset) => aboveB.has(synset)) || sensesB.some((synset) => aboveA.has(synset))) return 'kind';
  const { parents, broadSet } = kindTable();
  // Kinds of a broad kind ("fighter" and "warrior", both a person) are no siblings: nearly anything is a kind of person.
  const parentsOf = (word: string, senses: readonly number[]) =>
    new Set(siblingSenses(lemmaOf(word)!, senses).flatMap((synset) => (parents[synset] ?? []).filter((parent) => !broadSet.has(parent))));
  const parentsB = parentsOf(b, sensesB);
  return [...parentsOf(a, sensesA)].some((parent) => parentsB.has(parent)) ? 'sibling' : 'unrelated';
}
