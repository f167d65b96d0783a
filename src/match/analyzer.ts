import { eng as englishStopWords } from 'stopword';
import { stemmer } from 'stemmer';
import { lemmatizer } from './lemmatizer.js';
import { numberMentions } from './numbers.js';

/**
 * Words that carry no topic in a question ("How long...", "Name two...") on top of the usual
 * English stop words; dropping them keeps BM25 and answer coverage focused on content words.
 */
const QUESTION_WORDS = ['what', 'when', 'where', 'which', 'who', 'why', 'how', 'does', 'doing', 'done', 'long', 'name', 'named', 'called', 'kind', 'type', 'whom', 'whose', 'according'];

const STOP_WORDS = new Set([...englishStopWords, ...QUESTION_WORDS]);

/** A word; or an acronym written with full stops ("U.S.", "U.K."), which is one word. */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased and possessive-free: the form word vectors are looked up by. */
  word: string;
  /** `word` stemmed: the form BM25 and coverage match on. */
  term: string;
  start: number;
  end: number;
}

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words have no apostrophe or full stop: skip the two replacements (the hot path of indexing).
  if (!lower.includes("'") && !lower.includes('’') && !lower.includes('.')) return lower;
  return lower.replace(/['’]s$/u, '').replace(/['’.]/gu, '');
}

/** "US", "IT", "WHO", "U.S.": written in capitals. A word starting with an ASCII lower-case letter or a digit is none, without running the patterns. */
function isAcronym(word: string): boolean {
  const first = word.charCodeAt(0);
  if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) return false;
  return /^\p{Lu}{2,}$/u.test(word) || /^(?:\p{Lu}\.){2,}$/u.test(word);
}

export function isStopWord(normalized: string): boolean {
  return STOP_WORDS.has(normalized);
}

/** British spellings folded to American ones, so "specialised" meets "specialized" and "colour" meets "color". */
function americanSpelling(word: string): string {
  if (word.length <= 5) return word;
  return word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1').replace(/our(s|ed|ing)?$/, 'or$1');
}

/**
 * The matching form of a word: irregular inflections undone from WordNet's exception lists
 * (held → hold, children → child), spelling folded, then Porter-stemmed.
 */
export function termOf(normalized: string): string {
  let term = TERMS.get(normalized);
  if (term === undefined) {
    if (TERMS.size >= MAX_REMEMBERED_TERMS) TERMS.clear();
    TERMS.set(normalized, (term = computeTerm(normalized)));
  }
  return term;
}

/** The term of a word already in its base form (a dictionary lemma: "found", not the past of "find"). */
export const termOfLemma = (lemma: string) => stemmer(americanSpelling(lemma));

/** Lemmatizing and stemming dominate tokenizing; a language's working vocabulary is small, so each word is done once. */
const TERMS = new Map<string, string>();
const MAX_REMEMBERED_TERMS = 200_000;

function computeTerm(normalized: string): string {
  const lemmatize = lemmatizer();
  const lemma = [lemmatize.noun, lemmatize.verb, lemmatize.adjective].map((f) => f(normalized)).find((form) => form !== normalized) ?? normalized;
  return termOfLemma(lemma);
}

/**
 * Content-word tokens of `text` with their offsets; stop words are dropped. A number, in digits or
 * words ("twenty", "a dozen", "1,500"), is one token whose word and term are its canonical value.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const numbers = numberMentions(text).filter((mention) => !mention.ordinal);
  let next = 0;
  for (const match of text.matchAll(WORD)) {
    while (next < numbers.length && numbers[next]!.end <= match.index) next++;
    const number = numbers[next];
    if (number && number.start <= match.index) {
      if (!tokens.length || tokens.at(-1)!.start !== number.start) {
        tokens.push({ text: text.slice(number.start, number.end), word: number.value, term: number.value, start: number.start, end: number.end });
      }
      continue;
    }
    const normalized = normalizeWord(match[0]);
    // "US", "IT" and "WHO" are names, not the stop words their lower-case forms are.
    const acronym = isAcronym(match[0]);
    if (normalized.length === 0 || (isStopWord(normalized) && !acronym)) continue;
    tokens.push({ text: acronym ? match[0].replace(/\./g, '') : match[0], word: normalized, term: acronym ? normalized : termOf(normalized), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The stemmed content terms of `text`, in order (duplicates kept). */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}
