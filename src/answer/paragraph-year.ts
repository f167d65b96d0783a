import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * A text that runs through a year month by month names the year once: "In April 2018, … In May, the
 * defense ministries of China and Pakistan signed … In October, the German defense minister visited …".
 * A month the evidence gives without any year is in the year its paragraph last named before it, so a
 * question's "October 2018" is said nearby; any other year is not ("October 2017").
 */

/** The year the paragraph last names before the evidence, when the evidence gives a month and no year; else none. */
function yearOfBareMonth(evidence: AnalysedText, paragraph: AnalysedText): string | undefined {
  if (!evidence.facts.some((fact) => fact.kind === 'month') || evidence.facts.some((fact) => fact.kind === 'year')) return undefined;
  const at = paragraph.text.indexOf(evidence.text);
  if (at <= 0) return undefined;
  return paragraph.facts.filter((fact, i) => (fact.kind === 'year' || afterMonth(paragraph, i)) && fact.end <= at).at(-1)?.value;
}

/** A number right after a month is its year, however the analysis read it ("In April 2018, advisers …" can read as 2018 advisers). */
function afterMonth(text: AnalysedText, i: number): boolean {
  const [month, fact] = [text.facts[i - 1], text.facts[i]!];
  return fact.kind === 'number' && month?.kind === 'month' && text.text.slice(month.end, fact.start).trim() === '';
}

/** Whether a year of the question is the year of a month the evidence gives without one. */
export const datesBareMonth = (fact: Fact, evidence: AnalysedText, paragraph: AnalysedText | undefined) =>
  fact.kind === 'year' && paragraph !== undefined && yearOfBareMonth(evidence, paragraph) === fact.value;
