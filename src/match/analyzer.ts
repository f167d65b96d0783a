import { eng as englishStopWords } from 'stopword';
import { stemmer } from 'stemmer';
import { lemmatizer } from './lemmatizer.js';
import { numberMentions } from './numbers.js';

/**
 * Words that carry no topic in a question ("Who...", "What is it called?") on top of the usual
 * English stop words; dropping them keeps BM25 and answer coverage focused on content words.
 */
const QUESTION_WORDS = ['what', 'when', 'where', 'which', 'who', 'why', 'how', 'does', 'doing', 'done', 'named', 'called', 'whom', 'whose', 'according'];

const STOP_WORDS = new Set([...englishStopWords, ...QUESTION_WORDS]);

/**
 * Words that frame a question only where a wh-word asks through them ("How long…", "What kind of…",
 * "What is the name of…", "…his name?", "the user name"); elsewhere they are content, as in manuals ("the name type",
 * "the long option", "the type of a column").
 */
const FRAME_WORDS = new Set(['long', 'name', 'kind', 'kinds', 'type', 'types']);
/** A word that frames questions somewhere ("how long", "what kind"): its opposite there is grammar, not meaning (see tools/wordnet-tables/antonyms.ts). */
export const isFrameWord = (normalized: string) => FRAME_WORDS.has(normalized);

/** "How" right before: "How long…". */
const HOW_BEFORE = /\bhow\s+$/i;
/** "as" right before: "as long as". */
const AS_BEFORE = /\bas\s+$/i;
/** "What"/"which" right before, or with linking words between: "What is the name…", "Which was the type…", "What kind…". */
const WHAT_BEFORE = /\b(?:what|which)(?:['’]s)?(?:\s+(?:is|was|are|were|the|a|an)){0,3}\s+$/i;
/** The word right before. */
const WORD_BEFORE = /([\p{L}\p{N}]+(?:['’][\p{L}]+)*)\s+$/u;
/** How far back the words before a framing word are read. */
const FRAME_REACH = 32;

/** Whether `word`, at `start`–`end` of `text`, only frames a question. */
function isFrame(word: string, text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - FRAME_REACH), start);
  // "How long…?" asks a length; "as long as" is a conjunction.
  if (word === 'long') return HOW_BEFORE.test(before) || AS_BEFORE.test(before);
  if (WHAT_BEFORE.test(before)) return true;
  if (word !== 'name') return false;
  // "the user name": what the name is of carries the meaning, and is what manuals write as one word ("username", "filename").
  const previous = WORD_BEFORE.exec(before)?.[1];
  if (previous !== undefined && !isStopWord(normalizeWord(previous))) return true;
  // "What was his name?": the last word of a question names what is asked.
  return /^\s*\?/.test(text.slice(end, end + 3));
}

/** An identifier's opening parenthesis and the parameters before the current one: "float(", "substr(X, ". */
const SIGNATURE_OPENING = /[\p{L}\p{N}_]\((?:\s*[\p{L}\p{N}_]+\s*,)*\s*$/u;
/** How far back a signature's opening is looked for. */
const SIGNATURE_REACH = 40;

/**
 * "p" in "float(p)", "X" and "Y" in "substr(X,Y)": a one-letter parameter of a written signature stands for
 * any value ("float(1) to float(24)"), so it is no word to find in the answer.
 */
function isPlaceholder(text: string, start: number, end: number): boolean {
  return end - start === 1 && /^\s*[,)]/.test(text.slice(end, end + 3)) && SIGNATURE_OPENING.test(text.slice(Math.max(0, start - SIGNATURE_REACH), start));
}

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
    const framing = FRAME_WORDS.has(normalized) && isFrame(normalized, text, match.index, match.index + match[0].length);
    if (normalized.length === 0 || framing || (isStopWord(normalized) && !acronym) || isPlaceholder(text, match.index, match.index + match[0].length)) continue;
    tokens.push({ text: acronym ? match[0].replace(/\./g, '') : match[0], word: normalized, term: acronym ? normalized : termOf(normalized), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The stemmed content terms of `text`, in order (duplicates kept). */
export function terms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}
