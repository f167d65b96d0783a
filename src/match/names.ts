import type { Token } from './analyzer.js';
import { isAcronym, type AnalysedText, type Fact } from './facts.js';
import type { WordVectorTable } from './word-vectors.js';
import { perObject } from './fact-memo.js';
import { nameVocabularies, sharesGroup } from './name-vocabulary.js';
import { initialOf } from './initials.js';
import { wordnetAliases } from './name-aliases.js';

/**
 * When two names are the same name: the same words, a country and its adjective ("China" ~
 * "Chinese"), an acronym and its words ("UN" ~ "United Nations"), or aliases WordNet lists
 * ("Britain" ~ "UK", "America" ~ "United States", "French" ~ "France"). Distributional similarity
 * alone never makes two names one — China and Vietnam are close in any word-vector space — except
 * for compounds WordNet lacks ("French-speaking" ~ "Francophone"), where the vector of the whole
 * compound must be very close.
 */

/** Cosine from which a hyphenated name compound ("French-speaking") stands for a single word ("Francophone"). */
const COMPOUND_ALIAS = 0.7;

/** "China" ~ "Chinese", "Germany" ~ "German", "Vietnam" ~ "Vietnamese": a country and its adjective. */
function sameNameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // The root is the shorter word without a final vowel (when it is longer than four letters); lengths are compared before any string is made.
  const rootLength = short.length > 4 && FINAL_VOWELS.includes(short[short.length - 1]!) ? short.length - 1 : short.length;
  return rootLength >= 4 && long.length - rootLength <= 3 && long.startsWith(short.slice(0, rootLength));
}

const FINAL_VOWELS = 'aeiouy';

/** Evidence analyses are kept across requests: their words, phrases and alias groups are listed once. */
const vocabularyOf = nameVocabularies(() => (name) => wordnetAliases().groupsOf(name));

/** Initials of every run of capitalised words in the raw text (stop words such as "of" skipped): "United Nations" → "UN". */
function initialsOf(text: string): Set<string> {
  const initials = new Set<string>();
  for (const run of text.matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|and|for|the|de)\s+)*\p{Lu}[\p{L}'’-]*)+/gu)) {
    const letters = run[0].split(/\s+/).filter((word) => /^\p{Lu}/u.test(word)).map(initialOf);
    for (let i = 0; i < letters.length; i++) for (let j = i + 2; j <= Math.min(letters.length, i + 6); j++) initials.add(letters.slice(i, j).join(''));
  }
  return initials;
}

/** Evidence analyses are kept across requests: their initials are listed once. */
const initialsIn = perObject((text: AnalysedText) => initialsOf(text.text));

/** The hyphenated compound a name opens in the raw text ("French-speaking"), if any. */
function compoundOf(name: Fact, text: string): string | undefined {
  const match = /^-(\p{Ll}+)/u.exec(text.slice(name.end));
  return match ? `${name.words.at(-1)!.word}-${match[1]}` : undefined;
}

export interface NameMatcher {
  /** Whether `name` (a name fact of `claimText`) is named somewhere in `evidence`. */
  found(name: Fact, claimText: string, evidence: AnalysedText): boolean;
  /** Whether two name facts name the same thing. */
  same(a: Fact, b: Fact): boolean;
}

export function nameMatcher(vectors?: WordVectorTable): NameMatcher {
  const sameWord = (a: Token, b: Token) => a.term === b.term || sameNameStem(a.word, b.word) || wordnetAliases().same(a.word, b.word);
  const samePhrase = (a: string, b: string) => a === b || wordnetAliases().same(a, b);
  return {
    same(a, b) {
      if (a.value === b.value || samePhrase(a.value, b.value)) return true;
      if (a.words.every((word) => b.words.some((other) => sameWord(word, other)))) return true;
      // Two initials name too many things ("NP", "Nobel Prize"): those pairs count only through WordNet ("UN", "United Nations") or `found`.
      const initials = (fact: Fact) => fact.words.map((token) => initialOf(token.text)).join('').toUpperCase();
      const abbreviates = (acronym: Fact, words: Fact) => acronym.words.length === 1 && isAcronym(acronym.text) && words.words.length >= 3 && initials(words) === acronym.text.replace(/s$/, '');
      return abbreviates(a, b) || abbreviates(b, a);
    },
    found(name, claimText, evidence) {
      const tokens = evidence.tokens;
      const vocabulary = vocabularyOf(evidence);
      // `sameWord` against every token, by the text's distinct terms, words and alias groups.
      const inEvidence = (word: Token) => vocabulary.terms.has(word.term) || vocabulary.words.some((other) => sameNameStem(word.word, other)) || sharesGroup(wordnetAliases().groupsOf(word.word), vocabulary.wordGroups);
      if (name.words.every(inEvidence)) return true;
      // `samePhrase` against every phrase.
      if (vocabulary.phrases.has(name.value) || sharesGroup(wordnetAliases().groupsOf(name.value), vocabulary.phraseGroups)) return true;
      if (name.words.length === 1 && isAcronym(name.text)) {
        // "US" for "United States"; "UN" inside the text's own compounds ("UNPKOs", "UNHQ").
        const acronym = name.text.replace(/s$/, '');
        if (initialsIn(evidence).has(acronym)) return true;
        if (tokens.some((token) => /\p{Lu}.*\p{Lu}/u.test(token.text) && token.text.startsWith(acronym))) return true;
      }
      if (name.words.length >= 2) {
        const initials = name.words.map((token) => initialOf(token.text)).join('').toUpperCase();
        // Two letters opening a hyphenated term ("NP-complete", "AC-powered") are a term of their own, not "Nobel Prize".
        const standsAlone = (token: Token) => initials.length > 2 || evidence.text[token.end] !== '-';
        if (tokens.some((token) => isAcronym(token.text) && token.text.replace(/s$/, '') === initials && standsAlone(token))) return true;
      }
      const compound = compoundOf(name, claimText);
      if (compound && vectors?.has(compound)) return tokens.some((token) => (vectors.similarity(compound, token.word) ?? 0) >= COMPOUND_ALIAS);
      return false;
    },
  };
}
