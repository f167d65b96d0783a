import lexicon from 'wink-lexicon/src/lexicon.js';
import { tokenize, type Token } from './analyzer.js';
import type { TermSimilarity } from './term-similarity.js';

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
  /** Other terms that count as this one, e.g. the acronym of the name it is part of ("African Union" → "au"). */
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
  const tags = lexicon[token.word];
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
      const initials = run.map((token) => token.text[0]!.toLowerCase()).join('');
      for (const token of run) result.set(token, initials);
    }
    run = [];
  };
  for (const token of tokens) {
    const last = run.at(-1);
    if (!CAPITALISED.test(token.text)) {
      close();
      continue;
    }
    if (last && token.start - last.end > NAME_GAP) close();
    run.push(token);
  }
  close();
  return result;
}

/** The distinct content terms of `text`, each weighted by `idf` and by how likely it is to be rephrased. */
export function weightedTerms(text: string, idf: (term: string) => number): WeightedTerm[] {
  const tokens = tokenize(text);
  const names = initialisms(tokens);
  const unique = new Map<string, WeightedTerm>();
  for (const token of tokens) {
    if (unique.has(token.term)) continue;
    const initials = names.get(token);
    unique.set(token.term, {
      term: token.term,
      word: token.word,
      weight: idf(token.term) * importance(token),
      numeric: /\d/.test(token.text),
      aliases: initials ? [initials] : [],
    });
  }
  return [...unique.values()];
}

export interface TermMatch {
  term: WeightedTerm;
  /** 1 for the same term, the cosine of the best soft match (≥ SOFT_MATCH_FLOOR), else 0. */
  match: number;
}

/** Per-term matches of `terms` in `tokens` and the IDF-weighted share covered. */
export function coverageDetail(terms: readonly WeightedTerm[], tokens: readonly Token[], similarity: TermSimilarity): { coverage: number; matches: TermMatch[] } {
  const present = new Set([...tokens.map((token) => token.term), ...initialisms(tokens).values()]);
  let covered = 0;
  let total = 0;
  const matches: TermMatch[] = [];
  for (const term of terms) {
    total += term.weight;
    let match = 0;
    if (present.has(term.term) || term.aliases.some((alias) => present.has(alias))) {
      match = 1;
    } else if (!term.numeric) {
      const best = tokens.reduce((max, token) => Math.max(max, similarity.similarity(term.word, token.word)), 0);
      if (best >= SOFT_MATCH_FLOOR) match = best;
    }
    covered += term.weight * match;
    matches.push({ term, match });
  }
  return { coverage: total === 0 ? 0 : covered / total, matches };
}

/** IDF-weighted share of `terms` present (or, softly, stood for) in `tokens`. */
export function termCoverage(terms: readonly WeightedTerm[], tokens: readonly Token[], similarity: TermSimilarity): number {
  return coverageDetail(terms, tokens, similarity).coverage;
}
