import { bertWords } from './frequency.js';
import { inflections } from './morphology.js';
import { SPECIAL_TOKENS } from './model-files.js';
import type { WordNet } from './wordnet-reader.js';

export type TokenKind = 'special' | 'word' | 'number' | 'piece';

export interface VocabularyEntry {
  token: string;
  kind: TokenKind;
  /** For words: the WordNet lemmas whose senses the token carries (itself and the lemmas it inflects), sorted. */
  lemmas: readonly string[];
}

export interface VocabularyOptions {
  /** Most frequent word-initial and `##` continuation character n-grams to add, each. */
  pieceCount: number;
  /** Integers 0..maxNumber become whole tokens, so years such as 2009 and 2015 stay distinct. */
  maxNumber: number;
  /** Keep only this many lemmas (most tagged first); for quick test builds. */
  lemmaLimit?: number;
  /**
   * Keep only lemmas that WordNet's sense concordance tagged or that its glosses use at least this often;
   * the rest (rare words, mostly) fall back to sub-word pieces, which still match them lexically.
   */
  minGlossCount?: number;
}

const WORD = /^[a-z]+[a-z0-9]*$/;
/** Characters BERT pre-tokenisation leaves as tokens of their own (punctuation) or inside words (symbols). */
const SINGLE_CHARACTERS = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ...'‘’“”–—…•·§¶€£¥°×±ßøæœðþłđı',
];

const byCountThenText = ([a, countA]: [string, number], [b, countB]: [string, number]) =>
  countB - countA || (a < b ? -1 : a > b ? 1 : 0);

/** Same word, another spelling: equal length and at most two differing letters, or one letter more or less. */
function spellingVariants(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a.slice(0, 3) !== b.slice(0, 3)) return false;
  if (a.length === b.length) {
    let differences = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
    return differences <= 2;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

function glossWordCounts(wordnet: WordNet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { gloss } of wordnet.synsets) for (const word of bertWords(gloss)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function chosenLemmas(wordnet: WordNet, limit: number | undefined, minGlossCount: number | undefined): string[] {
  let lemmas = [...wordnet.senses.keys()].filter((lemma) => WORD.test(lemma));
  if (minGlossCount !== undefined) {
    const glossCounts = glossWordCounts(wordnet);
    const tagged = (lemma: string) => wordnet.senses.get(lemma)!.some((sense) => sense.tagCount > 0);
    const common = new Set(lemmas.filter((lemma) => tagged(lemma) || (glossCounts.get(lemma) ?? 0) >= minGlossCount));
    // Spelling variants of a kept synonym stay too (specialised ~ specialized, colour ~ color): pieces could not relate them.
    const isVariant = (lemma: string) =>
      wordnet.senses.get(lemma)!.some(({ synset }) => wordnet.synsets[synset]!.lemmas.some((mate) => common.has(mate) && spellingVariants(lemma, mate)));
    lemmas = lemmas.filter((lemma) => common.has(lemma) || isVariant(lemma));
  }
  if (limit === undefined) return lemmas.sort();
  const tagged = lemmas.map((lemma): [string, number] => [lemma, wordnet.senses.get(lemma)!.reduce((sum, s) => sum + s.tagCount, 0)]);
  return tagged.sort(byCountThenText).slice(0, limit).map(([lemma]) => lemma).sort();
}

/** Frequent character n-grams of the words, so unknown names split into a few stable pieces rather than letters. */
function frequentPieces(words: Iterable<string>, count: number): string[] {
  const starts = new Map<string, number>();
  const continuations = new Map<string, number>();
  for (const word of words) {
    for (let length = 2; length <= 5; length++) {
      if (word.length > length) starts.set(word.slice(0, length), (starts.get(word.slice(0, length)) ?? 0) + 1);
      for (let at = 1; at + length <= word.length; at++) {
        const piece = `##${word.slice(at, at + length)}`;
        continuations.set(piece, (continuations.get(piece) ?? 0) + 1);
      }
    }
  }
  const top = (counts: Map<string, number>) => [...counts].sort(byCountThenText).slice(0, count).map(([piece]) => piece);
  return [...top(starts), ...top(continuations)];
}

/** The token list of the generated tokenizer, in id order: specials, sub-word pieces, numbers, words. */
export function buildVocabulary(wordnet: WordNet, options: VocabularyOptions): VocabularyEntry[] {
  const lemmasOf = new Map<string, Set<string>>();
  const carry = (token: string, lemma: string) => {
    if (!WORD.test(token)) return;
    const set = lemmasOf.get(token) ?? new Set<string>();
    set.add(lemma);
    lemmasOf.set(token, set);
  };
  for (const lemma of chosenLemmas(wordnet, options.lemmaLimit, options.minGlossCount)) {
    carry(lemma, lemma);
    const partsOfSpeech = new Set(wordnet.senses.get(lemma)!.map(({ synset }) => wordnet.synsets[synset]!.pos));
    for (const pos of [...partsOfSpeech].sort()) for (const form of inflections(lemma, pos)) carry(form, lemma);
  }
  const words = [...lemmasOf.keys()].sort();
  const numbers = Array.from({ length: options.maxNumber + 1 }, (_, n) => String(n));
  const twoDigitContinuations = Array.from({ length: 100 }, (_, n) => `##${String(n).padStart(2, '0')}`);
  const pieces = [
    ...SINGLE_CHARACTERS,
    ...SINGLE_CHARACTERS.map((character) => `##${character}`),
    ...twoDigitContinuations,
    // A reduced vocabulary takes its pieces from all lemmas, so the dropped rare words split well.
    ...frequentPieces(options.minGlossCount === undefined ? words : [...wordnet.senses.keys()].filter((lemma) => WORD.test(lemma)).sort(), options.pieceCount),
  ];

  const entries: VocabularyEntry[] = [];
  const seen = new Set<string>();
  const add = (token: string, kind: TokenKind, lemmas: readonly string[] = []) => {
    if (seen.has(token)) return;
    seen.add(token);
    entries.push({ token, kind, lemmas });
  };
  for (const token of SPECIAL_TOKENS) add(token, 'special');
  for (const token of numbers) add(token, 'number');
  for (const token of words) add(token, 'word', [...lemmasOf.get(token)!].sort());
  for (const token of pieces) add(token, 'piece');
  return entries;
}
