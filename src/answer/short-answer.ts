import { tokenize, type Token } from '../match/analyzer.js';
import { analyse, MONTHS, type AnalysedText, type Fact } from '../match/facts.js';
import { expectedAnswerType, type AnswerType } from './answer-type.js';
import type { Candidate } from './candidates.js';
import { offeredAlternatives, type QuestionType } from './question-type.js';

/**
 * The one phrase of a quoted sentence that answers the question, when there is one: the date for
 * "when", the number (with what it counts) for "how many", the name for "who", "where" and
 * "which …". It must be something the question does not already say, and the candidate nearest
 * to the words the question and the sentence share wins.
 */

export interface Phrase {
  text: string;
  /** Offsets in the sentence. */
  start: number;
  end: number;
}

const DATE_PHRASE = new RegExp(
  [
    // "7 January 1943", "February 7, 2016", "June and July 2009", "March 2016", "1568–1609", "from 2015 to 2019", "the 11th century"
    `\\b(?:\\d{1,2}\\s+)?(?:${MONTHS.join('|')})(?:\\s+\\d{1,2})?(?:,?\\s+(?:and|or|to|–|-)\\s+(?:\\d{1,2}\\s+)?(?:${MONTHS.join('|')})(?:\\s+\\d{1,2})?)?,?\\s+\\d{4}\\b`,
    `\\bfrom\\s+\\d{4}\\s+(?:to|until)\\s+\\d{4}\\b`,
    `\\b\\d{4}\\s*[–-]\\s*\\d{2,4}\\b`,
    `\\b(?:early|mid|late)?[\\s-]*\\d{1,2}(?:st|nd|rd|th)\\s+century\\b`,
    `\\b\\d{4}s?\\b`,
    `\\b(?:${MONTHS.join('|')})\\b`,
  ].join('|'),
  'gi',
);

function datePhrases(sentence: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of sentence.matchAll(DATE_PHRASE)) {
    if (/^[a-z]/.test(match[0]) && !/^(?:from|early|mid|late)/i.test(match[0])) continue;
    if (/^\d{4}$/.test(match[0]) && (Number(match[0]) < 1000 || Number(match[0]) > 2099)) continue;
    phrases.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return phrases;
}

/** A number with what it counts: "over 90 countries", "$60,000", "42%", "nine months". */
function numberPhrases(sentence: string, facts: readonly Fact[], tokens: readonly Token[]): Phrase[] {
  return facts
    .filter((fact) => fact.kind === 'number')
    .map((fact) => {
      let start = fact.start;
      let end = fact.end;
      const before = /(?:\b(?:over|more than|about|around|nearly|almost|some|at least|up to|exactly)\s+|[$£€])$/i.exec(sentence.slice(0, start));
      if (before) start -= before[0].length;
      const after = /^(?:\s*%|\s+percent\b|\s+(?:per cent)\b)/i.exec(sentence.slice(end));
      if (after) end += after[0].length;
      else {
        // The counted noun right after it ("90 countries", "nine months").
        const next = tokens.find((token) => token.start >= end);
        if (next && /^\s+$/.test(sentence.slice(end, next.start)) && /^\p{Ll}/u.test(next.text)) end = next.end;
      }
      return { text: sentence.slice(start, end), start, end };
    });
}

function namePhrases(facts: readonly Fact[]): Phrase[] {
  return facts.filter((fact) => fact.kind === 'name').map((fact) => ({ text: fact.text, start: fact.start, end: fact.end }));
}

/** Which kind of phrase answers: from the wh-word, or "which/what <noun>" for names. */
export function wantedType(question: string): AnswerType | 'name' | undefined {
  const type = expectedAnswerType(question);
  if (type) return type;
  return /^(?:(?:in|at|on|with|to|from|for|by|of)\s+)?(?:which|what)\s+\p{L}+/iu.test(question.trim()) ? 'name' : undefined;
}

/**
 * The answering phrase of `sentence` for `question`, or undefined when no single phrase answers it.
 * `analysed`: the sentence's analysis with every capitalised word a name candidate, when the caller has it cached.
 */
export function shortAnswer(question: string, sentence: string, analysed?: AnalysedText): Phrase | undefined {
  const type = wantedType(question);
  if (!type) return undefined;
  const questionTokens = tokenize(question);
  const questionTerms = new Set(questionTokens.map((token) => token.term));
  const { facts, tokens } = analysed ?? analyse(sentence, { isNameAtStart: () => true });
  const candidates = type === 'date' ? datePhrases(sentence) : type === 'number' ? numberPhrases(sentence, facts, tokens) : namePhrases(facts);
  // Something the question already says is not its answer.
  const fresh = candidates.filter((phrase) => !tokenize(phrase.text).every((token) => questionTerms.has(token.term)));
  if (fresh.length === 0) return undefined;
  // Nearest to the words the question and the sentence share.
  const anchors = tokens.filter((token) => questionTerms.has(token.term));
  const distance = (phrase: Phrase) => (anchors.length === 0 ? phrase.start : Math.min(...anchors.map((token) => (token.end <= phrase.start ? phrase.start - token.end : token.start >= phrase.end ? token.start - phrase.end : 0))));
  // Among dates, the most complete one ("February 7, 2016" before "2016").
  return fresh.sort((a, b) => distance(a) - distance(b) || b.end - b.start - (a.end - a.start))[0];
}

/** For "Is the real type exact or inexact?", the one of the two words the quote states ("… are inexact, …"), when it states one only. */
function chosenAlternative(question: string, quote: string): Phrase | undefined {
  const stated = (offeredAlternatives(question) ?? []).flatMap((word) => {
    // The offered words are letters and hyphens only (question-type.ts): nothing to escape.
    const at = new RegExp(`(?<![\\p{L}\\p{N}-])${word}(?![\\p{L}\\p{N}-])`, 'iu').exec(quote);
    return at ? [{ text: at[0], start: at.index, end: at.index + at[0].length }] : [];
  });
  return stated.length === 1 ? stated[0] : undefined;
}

/**
 * The phrase of an answer's first citation that answers (offsets in its quote): the entry's name when the entry was
 * quoted first ("Which option …?"); the cell a table lookup reads; the one of two offered words the quote states;
 * otherwise, for a factoid, the phrase of the best sentence read as `evidence` reads it.
 */
export function answeringPhrase(answer: {
  question: string;
  type: QuestionType;
  first: { start: number; quote: string };
  entryFirst: boolean;
  best: Pick<Candidate, 'sentence' | 'cell'>;
  evidence: () => AnalysedText;
}): Phrase | undefined {
  const { question, first, best } = answer;
  if (answer.entryFirst) return { text: first.quote, start: 0, end: first.quote.length };
  if (best.cell) {
    const start = best.sentence.start + best.cell.start - first.start;
    const end = best.sentence.start + best.cell.end - first.start;
    return { text: first.quote.slice(start, end), start, end };
  }
  return chosenAlternative(question, first.quote) ?? (answer.type === 'factoid' ? shortAnswer(question, first.quote, answer.evidence()) : undefined);
}
