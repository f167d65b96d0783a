import { isStopWord, normalizeWord, termOf } from './analyzer.js';
import { readTable } from './tables.js';

/**
 * Words of opposite meaning: "excluded" against "included", "decrease" against "increase",
 * "least" against "most". WordNet's antonym pointers (`!` in its data files) list them: a table of
 * pairs built by `npx tsx tools/wordnet-tables/build.ts`, keyed on first use by matching form (lemma,
 * then stem), so inflections meet. A pair counts only in its own context: the two words share a neighbouring content word ("least densely
 * populated" against "most densely populated"), so "large" in one phrase is never the opposite of
 * "small" in another.
 */

/** Opposites WordNet does not link (prepositions and adverbs of time and place). */
const EXTRA_PAIRS: ReadonlyArray<[string, string]> = [
  ['before', 'after'],
  ['above', 'below'],
  ['inside', 'outside'],
];
/** How many content words on each side of a word are its context. */
const NEIGHBOURS = 2;

export interface WordAt {
  text: string;
  /** Matching form (see `termOf`). */
  term: string;
  start: number;
  end: number;
}

export interface AntonymPair {
  claim: WordAt;
  evidence: WordAt;
}

interface AntonymTable {
  pairs: Array<[string, string]>;
  clusters: string[][];
  opposed: Array<[number, number]>;
}

interface Opposites {
  /** Term → the terms WordNet (or EXTRA_PAIRS) opposes to it directly. */
  direct: Map<string, Set<string>>;
  /** Term → the clusters it belongs to. */
  clustersOf: Map<string, number[]>;
  clusters: readonly (readonly string[])[];
  /** Cluster → the clusters opposed to it. */
  opposed: number[][];
}

let table: Opposites | undefined;
/** Built on first use, or by the warm-up (preload-tables.ts). */
export const antonymTable = (): Opposites => (table ??= readAntonyms());

function link(map: Map<string, Set<string>>, ta: string, tb: string): void {
  if (ta === tb) return;
  map.set(ta, (map.get(ta) ?? new Set()).add(tb));
  map.set(tb, (map.get(tb) ?? new Set()).add(ta));
}

/**
 * WordNet's pairs (antonyms.json holds their matching forms already) and the extra ones, keyed by
 * matching form; the opposed clusters are kept as clusters (every word of one against every word of the
 * other would be 85,000 more pairs: 5 MiB more heap and 80 ms more CPU per process).
 */
function readAntonyms(): Opposites {
  const read = readTable<AntonymTable>('antonyms.json');
  const direct = new Map<string, Set<string>>();
  for (const [ta, tb] of read.pairs) link(direct, ta, tb);
  for (const [a, b] of EXTRA_PAIRS) link(direct, termOf(a), termOf(b));
  const clustersOf = new Map<string, number[]>();
  read.clusters.forEach((terms, i) => terms.forEach((term) => clustersOf.set(term, [...(clustersOf.get(term) ?? []), i])));
  const opposed: number[][] = read.clusters.map(() => []);
  for (const [a, b] of read.opposed) opposed[a]!.push(b), opposed[b]!.push(a);
  return { direct, clustersOf, clusters: read.clusters, opposed };
}

/** Each table word's opposites, gathered on first ask: a few thousand words at most are ever asked about. */
const gathered = new Map<string, ReadonlySet<string>>();

/** The matching forms of the words opposite to `term`. */
export function antonymsOf(term: string): ReadonlySet<string> {
  const { direct, clustersOf, clusters, opposed } = antonymTable();
  if (!direct.has(term) && !clustersOf.has(term)) return EMPTY;
  let found = gathered.get(term);
  if (!found) {
    const terms = new Set(direct.get(term));
    for (const cluster of clustersOf.get(term) ?? []) for (const other of opposed[cluster]!) for (const opposite of clusters[other]!) terms.add(opposite);
    // A word in two opposed clusters (through two senses) is no opposite of itself.
    terms.delete(term);
    gathered.set(term, (found = terms));
  }
  return found;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Every word of `text`, stop words included ("before", "most" are opposites too), with its matching form. */
export function wordsOf(text: string): WordAt[] {
  return [...text.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)].map((match) => ({ text: match[0], term: termOf(normalizeWord(match[0])), start: match.index, end: match.index + match[0].length }));
}

const isContent = (word: WordAt) => !isStopWord(normalizeWord(word.text));

/** The content words next to the one at `i` (up to NEIGHBOURS on each side, within its phrase). */
function neighbours(words: readonly WordAt[], i: number, text: string): Set<string> {
  const found = new Set<string>();
  for (const step of [-1, 1]) {
    let taken = 0;
    for (let j = i + step; j >= 0 && j < words.length && taken < NEIGHBOURS; j += step) {
      const [a, b] = step < 0 ? [words[j]!, words[j + 1]!] : [words[j - 1]!, words[j]!];
      if (/[,;:()]/.test(text.slice(a.end, b.start))) break;
      if (isContent(words[j]!)) found.add(words[j]!.term), taken++;
    }
  }
  return found;
}

/** A capitalised word inside a sentence is part of a name ("National Defense University"), not an opposite. */
const inName = (word: WordAt, text: string) => /^\p{Lu}/u.test(word.text) && !/(?:^|[.!?:]\s*|\n\s*)$/u.test(text.slice(0, word.start));

/** A word joined into an identifier ("bisect_left", "os.path") names something; it is not an opposite ("left" / "right"). */
const inIdentifier = (word: WordAt, text: string) => text[word.start - 1] === '_' || text[word.end] === '_' || (text[word.start - 1] === '.' && /\p{L}/u.test(text[word.start - 2] ?? ''));

/** The first content word after the one at `i` in its phrase: what it is said of ("increased [weight]"); undefined at a phrase's end. */
function nextContent(words: readonly WordAt[], i: number, text: string): string | undefined {
  for (let j = i + 1; j < words.length; j++) {
    if (/[,;:()]/.test(text.slice(words[j - 1]!.end, words[j]!.start))) return undefined;
    if (isContent(words[j]!)) return words[j]!.term;
  }
  return undefined;
}

/**
 * The claim's words whose opposite the evidence states in the same context instead, each with the
 * evidence's word. A word the evidence also states of the same thing, or an opposite the claim also
 * states, is no pair: "increased the weight … and increased its efficiency" against "reduced the
 * weight … and increased its efficiency" opposes the first "increased" only.
 * `within` limits the evidence's words to the part that states the claim.
 */
export function antonymPairs(claim: string, evidence: string, within: { from: number; to: number } = { from: 0, to: evidence.length }): AntonymPair[] {
  const claimWords = wordsOf(claim);
  const evidenceWords = wordsOf(evidence);
  const claimTerms = new Set(claimWords.map((word) => word.term));
  const pairs: AntonymPair[] = [];
  claimWords.forEach((word, i) => {
    const opposites = antonymsOf(word.term);
    if (opposites.size === 0 || inIdentifier(word, claim)) return;
    const object = nextContent(claimWords, i, claim);
    // A stop word ("was", "most") is said of too little to tell its uses apart.
    if (evidenceWords.some((other, j) => other.term === word.term && (object === undefined || !isContent(word) || nextContent(evidenceWords, j, evidence) === object))) return;
    const context = neighbours(claimWords, i, claim);
    const match = evidenceWords.findIndex(
      (other, j) => other.start >= within.from && other.end <= within.to && opposites.has(other.term) && !claimTerms.has(other.term) && !inName(other, evidence) && !inIdentifier(other, evidence) && [...neighbours(evidenceWords, j, evidence)].some((term) => context.has(term)),
    );
    if (match !== -1) pairs.push({ claim: word, evidence: evidenceWords[match]! });
  });
  return pairs;
}
