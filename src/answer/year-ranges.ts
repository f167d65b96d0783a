import { timeBoundOf } from '../match/bounds.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import { perObject } from '../match/fact-memo.js';
import { numberMentions, type NumberMention } from '../match/numbers.js';

/**
 * "The 1850s" and "the 1500s" name a decade and a century, not the year 1850 or 1500: a question
 * asking about them is answered by a year inside them ("in 1851–1860", "in 1562, …"). A year the
 * question names as such must still be in the evidence as written. A year that bounds a time ("before 2012")
 * is a range too (match/bounds.ts reads its side): the evidence's same year bounding it from the other side ("Since 2012, …") is another time.
 */

/** A year written as a decade or century: the year, then "s" or "'s" ("1850s", "1500's"). */
const PLURAL_YEAR = /^['’]?s\b/;

/** The years a decade or century of `text` covers ([1850, 1859], [1500, 1599]), or none for any other fact. */
export function yearRange(fact: Fact, text: AnalysedText): [number, number] | undefined {
  if (fact.kind !== 'year' || !PLURAL_YEAR.test(text.text.slice(fact.end))) return undefined;
  const year = Number(fact.value);
  if (year % 100 === 0) return [year, year + 99];
  if (year % 10 === 0) return [year, year + 9];
  return undefined;
}

/** Whether `text` has a year inside the decade or century that `fact` of `question` names. */
export function yearInRange(fact: Fact, question: AnalysedText, text: AnalysedText): boolean {
  const range = yearRange(fact, question);
  if (!range) return false;
  return text.facts.some((other) => (other.kind === 'year' || other.kind === 'number') && Number(other.value) >= range[0] && Number(other.value) <= range[1]);
}

/**
 * Years of the question that bound a time ("How many meetings … before 2012?") which the evidence states only as bounding
 * it from the other side ("Since 2012, President Xi Jinping has had 11 meetings …"): the evidence counts another time.
 */
export function oppositeYearBounds(question: AnalysedText, evidence: AnalysedText): Fact[] {
  return question.facts.filter((fact) => {
    const side = timeBoundOf(question, fact)?.side;
    if (!side) return false;
    const same = evidence.facts.filter((other) => other.kind === 'year' && other.value === fact.value);
    return same.length > 0 && same.every((other) => {
      const theirs = timeBoundOf(evidence, other)?.side;
      return theirs !== undefined && theirs !== side;
    });
  });
}

/** Ordinals joined to the next one ("12th/13th", "fifteenth and sixteenth"): "century" after the last is said of each. */
const JOINED = /^\s*(?:[/–-]|and|or|to)\s*$/;
const CENTURY_AFTER = /^[\s-]*centur(?:y|ies)\b/i;

/**
 * The centuries a text names: "the 15th century", "twelfth-century", both of "a 12th/13th-century nobleman". Once per
 * analysis: a question is compared with every candidate sentence, and a sentence's analysis serves many questions.
 */
const centuriesOf = perObject(({ text }: AnalysedText): NumberMention[] => {
  const ordinals = numberMentions(text).filter((mention) => mention.ordinal);
  return ordinals.filter((_, i) => {
    let last = i;
    while (last + 1 < ordinals.length && JOINED.test(text.slice(ordinals[last]!.end, ordinals[last + 1]!.start))) last++;
    return CENTURY_AFTER.test(text.slice(ordinals[last]!.end));
  });
});

/**
 * Centuries of the question that the evidence does not name while it names another: "Which village did the nobleman Warsz own in
 * the 15th century?" against "Warsz was a 12th/13th-century nobleman who owned a village …". Questions' facts leave ordinals out
 * (they rephrase "the first drive" freely), but a century is a date.
 */
export function otherCenturies(question: AnalysedText, evidence: AnalysedText): Fact[] {
  const mine = centuriesOf(question);
  if (mine.length === 0) return [];
  const theirs = centuriesOf(evidence);
  if (theirs.length === 0) return [];
  return mine
    .filter((century) => !theirs.some((other) => other.value === century.value))
    .map(({ value, start, end }) => {
      const at = question.tokens.findIndex((token) => token.end > start);
      return { kind: 'ordinal', value, text: question.text.slice(start, end), start, end, first: at, last: at, words: [] };
    });
}
