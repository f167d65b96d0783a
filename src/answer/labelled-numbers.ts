import { firstTagOf } from '../match/word-tags.js';
import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * A number written right after a name is part of what it names: "Super Bowl 49", "Viking 18",
 * "Apollo 11". The evidence states it only with that name — the same number in another role
 * ("defeated the Arizona Cardinals 49–15") is another fact, not the one the question asks about.
 */

/** A possessive name owns what follows ("Luther's 95 Theses"); it is not labelled by the number. */
const POSSESSIVE = /['’]s?$/;

/**
 * The question's numbers that label the name right before them ("Super Bowl" + "49"), with that name.
 * A number followed by a name counts that name instead ("the 95 Theses").
 */
function labelledNumbers(question: AnalysedText): Array<[Fact, Fact]> {
  return question.facts.flatMap((fact, i) => {
    const [next, after] = [question.facts[i + 1], question.facts[i + 2]];
    if (fact.kind !== 'name' || next?.kind !== 'number' || POSSESSIVE.test(fact.text)) return [];
    const adjoins = next.first === fact.last + 1 && /^\s+$/.test(question.text.slice(fact.end, next.start));
    const counts = after?.kind === 'name' && after.first === next.last + 1;
    return adjoins && !counts ? [[fact, next] as [Fact, Fact]] : [];
  });
}

/** Whether a number of the question labels a name ("49" of "Super Bowl 49"): part of that name, not a count. */
export const labelsName = (question: AnalysedText, number: Fact) => labelledNumbers(question).some(([, label]) => label.start === number.start);

/** Whether `number` of the evidence follows a name with the words of `name` ("Super Bowl 49", "the Super Bowl 49 game"). */
function labelledBy(name: Fact, number: Fact, evidence: AnalysedText): boolean {
  const before = evidence.facts.find((fact) => fact.kind === 'name' && fact.last + 1 === number.first);
  return before !== undefined && name.words.every((word) => before.words.some((other) => other.term === word.term));
}

/** Whether `text` has `number` after the words of `name`. */
const labelledIn = (name: Fact, number: Fact, text: AnalysedText) =>
  text.facts.some((fact) => fact.kind === 'number' && fact.value === number.value && labelledBy(name, fact, text));

/**
 * A score or range goes on with a dash and a number ("49–15"); a number glued to letters is part of
 * a word ("the 49ers"); a count goes on with the noun it counts ("18 officers", "the 50-yard line").
 */
const SCORE_RANGE_OR_WORD = /^(?:\s*[-–—]\s*\d|\p{L})/u;
const NEXT_WORD = /^\s*-?\s*(\p{L}+)/u;

/** Whether the evidence's number is a score, range, part of a word or a count, not a label ("version 3.7" may well label "Python 3.7"). */
function countsOrScores(number: Fact, evidence: AnalysedText): boolean {
  const after = evidence.text.slice(number.end);
  if (SCORE_RANGE_OR_WORD.test(after)) return true;
  const word = NEXT_WORD.exec(after)?.[1]?.toLowerCase();
  const tag = word === undefined ? undefined : firstTagOf(word);
  return tag === 'NN' || tag === 'NNS';
}

/**
 * The labelling numbers of the question that the evidence has only in another role: its own number
 * with the same value, never after the question's name, and each time a score, range, part of a word or count —
 * unless its context (title, the paragraph before) names the labelled thing, which the evidence
 * then goes on about ("Super Bowl 50" in the title, "the 50-yard line" in the evidence). A number
 * the evidence lacks altogether is left to the comparison of facts (missing, or named in the context).
 */
export function numbersInAnotherRole(question: AnalysedText, evidence: AnalysedText, context: readonly AnalysedText[]): Fact[] {
  return labelledNumbers(question).flatMap(([name, number]) => {
    const same = evidence.facts.filter((fact) => fact.kind === 'number' && fact.value === number.value);
    const inAnotherRole = same.length > 0 && same.every((fact) => countsOrScores(fact, evidence)) && !labelledIn(name, number, evidence);
    return inAnotherRole && !context.some((text) => labelledIn(name, number, text)) ? [number] : [];
  });
}
