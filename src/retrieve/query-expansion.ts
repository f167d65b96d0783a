import type { QueryTerm, TermAlternative } from '../index/bm25-top.js';
import { MAX_QUERY_TERMS } from '../index/lexical-index.js';
import { termOfLemma, tokenize, type Token } from '../match/analyzer.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { phraseWords, wordRelations } from '../match/word-relations.js';

/**
 * Query expansion for BM25: a question worded differently from its source ("Which nations have
 * Chinese soldiers trained with in drills?" against "… joint exercises with the armed forces of
 * countries …") shares few of its terms. Each common word of the question also looks up the words
 * WordNet relates to it — its synonyms, its derivations ("merged" ~ "merger"), the single words of
 * the two-word verb it is part of ("pass away" ~ "die") — and each the corpus uses counts for it: a
 * match of it weighs its similarity to the word (GloVe's; the embedding model's without GloVe) times
 * a match of the word itself. WordNet does not tell a word's senses apart ("beat" ~ "round"), use does.
 * Names, acronyms and numbers are never expanded: a cousin is not a synonym (France ≠ UK, 2009 ≠ 2010).
 */

/** Synonyms less alike than this (WordNet's rarer senses: "beat" ~ "round") are left out. */
export const EXPANSION_FLOOR = 0.5;
/** Alternatives per word at most, the most alike first: each costs a posting-list scan. */
export const MAX_ALTERNATIVES = 3;

export interface ExpansionSources {
  /** Whether the corpus uses a term: an alternative it never uses cannot match. */
  has(term: string): boolean;
  similarity: TermSimilarity;
}

/** A word that only stands for itself: a name or acronym (capitalised as written), or a number. */
const isLiteral = (token: Token) => token.text !== token.word || /\d/.test(token.word);

/**
 * How alike two words are: by GloVe when its table is loaded — a lookup, where the embedding model
 * would embed every related word not met before, milliseconds a question — else by the model.
 */
async function similarityOf(similarity: TermSimilarity, words: readonly string[]): Promise<(a: string, b: string) => number> {
  const glove = similarity.wordVectors;
  if (glove) return (a, b) => glove.similarity(a, b) ?? 0;
  await similarity.prepare(words);
  return (a, b) => similarity.similarity(a, b);
}

/** The query's distinct terms, each common word's with its weighted alternatives. */
export async function expandedQueryTerms(query: string, { has, similarity }: ExpansionSources): Promise<QueryTerm[]> {
  const tokens = tokenize(query);
  const firsts = new Map<string, Token>();
  for (const token of tokens) if (!firsts.has(token.term) && firsts.size < MAX_QUERY_TERMS) firsts.set(token.term, token);
  const phrases = phraseWords(query, tokens);
  const relations = wordRelations();
  // Per word: the single words of its two-word verb stand for it outright (as coverage counts them); its synonyms and derivations ("joined" ~ "joiner") by similarity.
  const candidates = new Map<Token, { outright: string[]; alike: string[] }>();
  // Words the corpus never uses are dropped before their similarity is computed: that may embed them.
  const used = (word: string) => has(termOfLemma(word));
  for (const token of firsts.values()) {
    if (!isLiteral(token)) candidates.set(token, { outright: (phrases.get(token) ?? []).filter(used), alike: [...relations.synonyms(token.word), ...relations.derived(token.word)].filter(used) });
  }
  const alikeness = await similarityOf(similarity, [...candidates].flatMap(([token, { alike }]) => [token.word, ...alike]));
  return [...firsts].map(([term, token]) => {
    const related = candidates.get(token);
    if (!related) return term;
    const alternatives = new Map<string, number>();
    const consider = (word: string, alike: number) => {
      const other = termOfLemma(word);
      if (alike < EXPANSION_FLOOR || firsts.has(other) || (alternatives.get(other) ?? 0) >= alike) return;
      alternatives.set(other, alike);
    };
    for (const word of related.outright) consider(word, 1);
    for (const word of related.alike) consider(word, alikeness(token.word, word));
    const chosen: TermAlternative[] = [...alternatives]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_ALTERNATIVES)
      .map(([alternative, alike]) => ({ term: alternative, weight: alike }));
    return chosen.length === 0 ? term : [{ term, weight: 1 }, ...chosen];
  });
}
