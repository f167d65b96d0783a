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

/** Whether `number` of the evidence follows a name with the words of `name` ("Super Bowl 49", "the Super Bowl 49 game"). */
function labelledBy(name: Fact, number: Fact, evidence: AnalysedText): boolean {
  const before = evidence.facts.find((fact) => fact.kind === 'name' && fact.last + 1 === number.first);
  return before !== undefined && name.words.every((word) => before.words.some((other) => other.term === word.term));
}

/** Whether `text` has `number` after the words of `name`. */
const labelledIn = (name: Fact, number: Fact, text: AnalysedText) =>
  text.facts.some((fact) => fact.kind === 'number' && fact.value === number.value && labelledBy(name, fact, text));

/**
 * The labelling numbers of the question that the evidence has only in another role: its own number
 * with the same value, but never after the question's name — unless its context (title, the paragraph
 * before) names the labelled thing, which the evidence then goes on about ("Super Bowl 50" in the
 * title, "the 50-yard line" in the evidence). A number the evidence lacks altogether is left to the
 * comparison of facts (missing, or named in the context).
 */
export function numbersInAnotherRole(question: AnalysedText, evidence: AnalysedText, context: readonly AnalysedText[]): Fact[] {
  return labelledNumbers(question).flatMap(([name, number]) => {
    const inAnotherRole = evidence.facts.some((fact) => fact.kind === 'number' && fact.value === number.value) && !labelledIn(name, number, evidence);
    return inAnotherRole && !context.some((text) => labelledIn(name, number, text)) ? [number] : [];
  });
}
