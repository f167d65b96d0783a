import { termOfLemma, type Token } from './analyzer.js';
import { lemmatizer } from './lemmatizer.js';
import { readTable } from './tables.js';

/**
 * How WordNet relates words that a question and its source word differently, for coverage:
 * derivations ("founder" ~ "found", "death" ~ "die") and two-word verbs with the single words of their
 * most frequent sense ("pass away" ~ "die", "take part" ~ "participate"); and, for a question's
 * specifics, demonyms with the places they are of ("Portuguese" ~ Portugal). The table is built from
 * WordNet by `npx tsx tools/wordnet-tables/build.ts` (reading WordNet's data files per process cost ~0.6 s of CPU and
 * ~40 MiB on a worker's first question); tests/match/word-relations.test.ts checks it is current.
 */
type Lists = Readonly<Record<string, readonly string[] | undefined>>;
interface RelationsTable {
  derived: Lists;
  phrases: Lists;
  demonyms: Lists;
}
let table: RelationsTable | undefined;
/** Read on first use (see tables.ts), or by the warm-up (preload-tables.ts). */
export const relationsTable = (): RelationsTable => (table ??= readTable<RelationsTable>('word-relations.json'));
let synonymLists: Lists | undefined;
/** WordNet's synonyms, in a table of their own: only retrieval reads them (query expansion), and it is the largest. */
export const synonymsTable = (): Lists => (synonymLists ??= readTable<Lists>('synonyms.json'));

class WordRelations {
  /** The nouns and verbs derived from the word or it from them (by its lemma). */
  derived(word: string): string[] {
    const lemmatize = lemmatizer();
    const forms = new Set([word, lemmatize.noun(word), lemmatize.verb(word)]);
    const { derived } = relationsTable();
    return [...new Set([...forms].flatMap((form) => (Object.hasOwn(derived, form) ? derived[form]! : [])))];
  }

  /**
   * The single-word synonyms of the word's most frequent senses, by its lemmas ("nations" → country,
   * state, land, …): the senses are not told apart, so a caller weighs each by how alike the two words are used.
   */
  synonyms(word: string): string[] {
    const lemmatize = lemmatizer();
    const table = synonymsTable();
    const forms = new Set([word, lemmatize.noun(word), lemmatize.verb(word), lemmatize.adjective(word)]);
    return [...new Set([...forms].flatMap((form) => (Object.hasOwn(table, form) ? table[form]! : [])))];
  }

  /** The single-word synonyms of a two-word verb ("passed away" → die, decease, …), none when WordNet has no such verb. */
  phrase(first: string, second: string): string[] {
    const key = `${lemmatizer().verb(first)}_${second}`;
    const { phrases } = relationsTable();
    return Object.hasOwn(phrases, key) ? [...phrases[key]!] : [];
  }

  /** The proper nouns a people's or a place's adjective pertains to ("Portuguese" → portugal), lower case; none for other words. */
  placesOf(adjective: string): string[] {
    const key = adjective.toLowerCase();
    const { demonyms } = relationsTable();
    return Object.hasOwn(demonyms, key) ? [...demonyms[key]!] : [];
  }
}

const relations = new WordRelations();

/** WordNet's word relations. */
export function wordRelations(): WordRelations {
  return relations;
}

/** Two words in a row, stop words included ("pass away", "set up"): where a two-word verb may be. */
const WORD_PAIR = /(?=\b(\p{L}+)\s+(\p{L}+)\b)/gu;

/**
 * For the words of each two-word verb of `text`, that verb's single-word synonyms ("When did he pass
 * away?": "pass" and "away" both stand for "die").
 */
export function phraseWords(text: string, tokens: readonly Token[]): Map<Token, string[]> {
  const relations = wordRelations();
  const related = new Map<Token, string[]>();
  const add = (token: Token | undefined, words: readonly string[]) => {
    if (token) related.set(token, [...new Set([...(related.get(token) ?? []), ...words])]);
  };
  for (const match of text.matchAll(WORD_PAIR)) {
    const [, first, second] = match as unknown as [string, string, string];
    const synonyms = relations.phrase(first.toLowerCase(), second.toLowerCase());
    if (synonyms.length === 0) continue;
    const secondStart = match.index + first.length + /^\s+/u.exec(text.slice(match.index + first.length))![0].length;
    add(tokens.find((token) => token.start === match.index), synonyms);
    add(tokens.find((token) => token.start === secondStart), synonyms);
  }
  return related;
}

/**
 * The terms that stand for each content token of `text` in other words: its derivations, and, for
 * the words of a two-word verb, that verb's single-word synonyms (phraseWords).
 */
export function relatedTerms(text: string, tokens: readonly Token[]): Map<Token, string[]> {
  const relations = wordRelations();
  const phrases = phraseWords(text, tokens);
  const related = new Map<Token, string[]>();
  for (const token of tokens) {
    const words = [...relations.derived(token.word), ...(phrases.get(token) ?? [])];
    related.set(token, [...new Set(words.map(termOfLemma))].filter((term) => term !== token.term));
  }
  return related;
}
