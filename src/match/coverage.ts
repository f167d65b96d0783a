import { tagsOf } from './word-tags.js';
import { tokenize, type Token } from './analyzer.js';
import type { TermSimilarity } from './term-similarity.js';
import { perObject } from './fact-memo.js';
import { initialOf, ROMAN_NUMERAL } from './initials.js';
import { relatedTerms } from './word-relations.js';

/**
 * IDF-weighted term coverage with soft word matching: how much of a question's (or a claim's)
 * content a piece of text holds. Shared by the extractive answerer and the citation checker.
 */

/** Below this cosine two different words are unrelated; above it they partly stand for each other. */
export const SOFT_MATCH_FLOOR = 0.45;

export interface WeightedTerm {
  /** Stemmed matching form. */
  term: string;
  /** Lower-cased form, the one word vectors are looked up by. */
  word: string;
  weight: number;
  /** Numbers are never matched softly: 2009 does not stand for 2010. */
  numeric: boolean;
  /**
   * Other terms that count as this one: the acronym of the name it is part of ("African Union" → "au"),
   * its WordNet derivations ("founder" → "found") and the synonyms of the two-word verb it is part of ("pass away" → "die").
   */
  aliases: string[];
}

/**
 * Verbs, adverbs, adjectives and prepositions are where a question rephrases its source
 * ("sat down with", "often", "global"); nouns and names carry what it is about, so a missing
 * noun weighs more than a missing verb.
 */
const REPHRASABLE_WEIGHT = 0.5;
const REPHRASABLE_TAG = /^(?:VB|RB|JJ|IN|MD|RP)/;

function importance(token: Token): number {
  const tags = tagsOf(token.word);
  return tags?.[0] && REPHRASABLE_TAG.test(tags[0]) ? REPHRASABLE_WEIGHT : 1;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Capitalised words at most this far apart (" of ", " and ") belong to one name. */
const NAME_GAP = 5;

/** The initials of each run of two or more capitalised words, by token: "Ministry of National Defense" → "mnd". */
function initialisms(tokens: readonly Token[]): Map<Token, string> {
  const result = new Map<Token, string>();
  let run: Token[] = [];
  const close = () => {
    if (run.length >= 2) {
      const initials = run.map((token) => initialOf(token.text).toLowerCase()).join('');
      for (const token of run) result.set(token, initials);
    }
    run = [];
  };
  for (const token of tokens) {
    const last = run.at(-1);
    // "World War II": a Roman numeral goes on a name, it does not start one.
    if (!CAPITALISED.test(token.text) && !(last && ROMAN_NUMERAL.test(token.text))) {
      close();
      continue;
    }
    if (last && token.start - last.end > NAME_GAP) close();
    run.push(token);
  }
  close();
  return result;
}

/**
 * The distinct content terms of `text`, each weighted by `idf` and by how likely it is to be rephrased.
 * With `wordRelations`, WordNet's derivations and two-word verbs are aliases too (see word-relations.ts):
 * the answerer's questions use them; the checker's claims do not, a claim must be stated, not reworded.
 */
export function weightedTerms(text: string, idf: (term: string) => number, { wordRelations = false } = {}): WeightedTerm[] {
  const tokens = tokenize(text);
  const names = initialisms(tokens);
  const related = wordRelations ? relatedTerms(text, tokens) : new Map<Token, string[]>();
  const unique = new Map<string, WeightedTerm>();
  for (const token of tokens) {
    if (unique.has(token.term)) continue;
    const initials = names.get(token);
    unique.set(token.term, {
      term: token.term,
      word: token.word,
      weight: idf(token.term) * importance(token),
      numeric: /\d/.test(token.text),
      aliases: [...(initials ? [initials] : []), ...(related.get(token) ?? [])],
    });
  }
  return [...unique.values()];
}

/** The terms and name initials a token list holds; a sentence's tokens are cached, so this is built once per sentence. */
const presentTermsOf = perObject((tokens: readonly Token[]): ReadonlySet<string> => new Set([...tokens.map((token) => token.term), ...initialisms(tokens).values()]));

export interface TermMatch {
  term: WeightedTerm;
  /** 1 for the same term, the cosine of the best soft match (≥ SOFT_MATCH_FLOOR), else 0. */
  match: number;
}

/** Whether a term is said, in its own form or an alias ("U.S." for "united states"), by text whose terms are `present`. */
export const isSaidIn = (term: WeightedTerm, present: ReadonlySet<string>) => present.has(term.term) || term.aliases.some((alias) => present.has(alias));

/**
 * Per-term matches of `terms` in `tokens` and the IDF-weighted share covered. Words are aligned one
 * to one: a word of the text that a term matches exactly stands for no other term, and each of the
 * text's words stands softly for at most one term (the closest), so "troops" cannot borrow the
 * "peacekeeping" that "peacekeeping" already matched.
 */
export function coverageDetail(terms: readonly WeightedTerm[], tokens: readonly Token[], similarity: TermSimilarity, floor = SOFT_MATCH_FLOOR): { coverage: number; matches: TermMatch[] } {
  const present = presentTermsOf(tokens);
  const matched: number[] = terms.map((term) => (isSaidIn(term, present) ? 1 : 0));
  const used = new Set(terms.filter((_, i) => matched[i] === 1).map((term) => term.term));
  const candidates: Array<{ i: number; term: string; score: number }> = [];
  terms.forEach((term, i) => {
    if (matched[i] === 1 || term.numeric) return;
    const best = new Map<string, number>();
    for (const token of tokens) {
      if (used.has(token.term) || best.has(token.term)) continue;
      const score = similarity.similarity(term.word, token.word);
      if (score >= floor) best.set(token.term, score);
    }
    for (const [tokenTerm, score] of best) candidates.push({ i, term: tokenTerm, score });
  });
  candidates.sort((a, b) => b.score - a.score);
  for (const { i, term, score } of candidates) {
    if (matched[i]! > 0 || used.has(term)) continue;
    matched[i] = score;
    used.add(term);
  }
  let covered = 0;
  let total = 0;
  const matches: TermMatch[] = terms.map((term, i) => {
    total += term.weight;
    covered += term.weight * matched[i]!;
    return { term, match: matched[i]! };
  });
  return { coverage: total === 0 ? 0 : covered / total, matches };
}

/** IDF-weighted share of `terms` present (or, softly, stood for) in `tokens`. */
export function termCoverage(terms: readonly WeightedTerm[], tokens: readonly Token[], similarity: TermSimilarity): number {
  return coverageDetail(terms, tokens, similarity).coverage;
}
