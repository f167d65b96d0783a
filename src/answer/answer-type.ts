import { normalizeWord } from '../match/analyzer.js';
import { isYear } from '../match/facts.js';

/** What kind of phrase a question asks for, read from its wh-word. */
export type AnswerType = 'date' | 'number' | 'person' | 'place';

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const YEAR_OR_CENTURY = /\b(?:1\d{3}|20\d{2})s?\b|\bcentur(?:y|ies)\b/i;
const NUMBER = /\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)s?\b/i;
const CAPITALISED = /\b\p{Lu}[\p{L}\p{N}'’-]*/gu;

/** The normalised word that starts at most two characters after `end` (as facts.ts reads the word after a number). */
function wordAfter(sentence: string, end: number): string | undefined {
  const word = /^[^\p{L}\p{N}]{0,2}(\p{L}+)/u.exec(sentence.slice(end, end + 64))?.[1];
  return word === undefined ? undefined : normalizeWord(word);
}

/** "Which years", "On what exact date": a wh-word and up to one word before what a date answers. */
const ASKS_DATE = /^(?:\w+ )?(?:what|which) day\b|\bwhen\b|\b(?:what|which) (?:\w+ )?(?:years?|months?|dates?|centur(?:y|ies)|decades?)\b/;
/** Nouns of what a number answers: "What share of …", "What monthly wage …", "What was the estimated cost …". */
const QUANTITY = 'number|percentage|percent|amount|share|proportion|fraction|sum|cost|price|wage|pay|salary|fee|worth|stake|weight|temperature|headcount|population|magnitude';
/** A wh-word, "is the"/"was the", up to two words that are no auxiliary ("What did they share?" asks for no number), and such a noun. */
const ASKS_QUANTITY = new RegExp(`\\b(?:what|which) (?:(?:is|was|are|were) the )?(?:(?!(?:do|does|did|has|have|had|will|would|can|could)\\b)\\w+ ){0,2}(?:${QUANTITY})\\b`);

export function expectedAnswerType(question: string): AnswerType | undefined {
  const q = question.trim().toLowerCase().replace(/\s+/g, ' ');
  if (ASKS_DATE.test(q)) return 'date';
  if (/\bhow (?:many|much|long|old|far|big|large|often)\b/.test(q) || ASKS_QUANTITY.test(q)) return 'number';
  if (/^(?:who|whom|whose)\b|\bwho\b/.test(q)) return 'person';
  if (/^where\b|\bwhere\b|\bwhat (?:country|city|place|state|region|town)\b/.test(q)) return 'place';
  return undefined;
}

/**
 * Whether `sentence` holds a phrase of the expected type that the question does not already
 * contain: a sentence that merely repeats the question's name or date answers nothing.
 */
export function offersAnswerType(sentence: string, type: AnswerType, questionTerms: ReadonlySet<string>): boolean {
  const fresh = (phrase: string) => !questionTerms.has(phrase.toLowerCase());
  switch (type) {
    case 'date':
      return [...sentence.matchAll(new RegExp(`${MONTH.source}|${YEAR_OR_CENTURY.source}`, 'gi'))].some((m) => fresh(m[0]));
    case 'number':
      // A year dates, it does not count: "How many …?" is not answered by "founded in 1900" (but by "2000 soldiers").
      return [...sentence.matchAll(new RegExp(NUMBER.source, 'gi'))].some((m) => fresh(m[0]) && !isYear(m[0], wordAfter(sentence, m.index + m[0].length)));
    case 'person':
    case 'place':
      // Capitalised words after the sentence's first word name people, places and organisations.
      return [...sentence.matchAll(CAPITALISED)].some((m) => m.index > 0 && fresh(m[0]));
  }
}
