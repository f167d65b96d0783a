import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * A ruler's or a war's number ("Roger I of Sicily", "World War I") tells one bearer of a name from another: evidence
 * that gives the name only with another number ("Roger II of Sicily was crowned king in 1130") is about someone else,
 * though it says every word of the question. (The numeral "I" is a stop word, so word matching cannot see it.)
 */

/** A Roman numeral up to 89 (LXXXIX); it may be empty, so a match is checked for letters. */
const ROMAN = String.raw`L?X{0,3}(?:IX|IV|V?I{0,3})`;
/** A capitalised word followed by Roman numerals: "Roger II", "Super Bowls I and II". */
const NUMBERED = new RegExp(String.raw`(\p{Lu}[\p{L}'’-]*)\s+(${ROMAN}(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)${ROMAN})*)\b(?![\p{L}'’-])`, 'gu');

/** A name and its plural are one ("Super Bowls I and II"). */
const nameKey = (word: string) => word.toLowerCase().replace(/s$/, '');

/** The names followed by numerals in `text`, each with its numerals. */
function numbered(text: string): Array<{ name: string; index: number; numerals: string[] }> {
  return [...text.matchAll(NUMBERED)]
    .map((match) => ({ name: nameKey(match[1]!), index: match.index, numerals: match[2]!.split(/\s*,\s*|\s+(?:and|or|&)\s+/).filter((numeral) => numeral !== '') }))
    .filter((found) => found.numerals.length > 0);
}

/** The numbers each name carries in `text`. */
function numbersByName(text: string): Map<string, Set<string>> {
  const numbers = new Map<string, Set<string>>();
  for (const { name, numerals } of numbered(text)) numbers.set(name, new Set([...(numbers.get(name) ?? []), ...numerals]));
  return numbers;
}

/** Names of the question whose number the evidence gives only as another number (the question's name fact for each). */
export function otherNumberedNames(question: AnalysedText, evidence: AnalysedText): Fact[] {
  if (numbered(question.text).length === 0) return [];
  const given = numbersByName(evidence.text);
  const conflicts: Fact[] = [];
  for (const { name, index, numerals } of numbered(question.text)) {
    const numbers = given.get(name);
    if (!numbers || numerals.some((numeral) => numbers.has(numeral))) continue;
    const fact = question.facts.find((f) => f.kind === 'name' && f.start <= index && index < f.end);
    if (fact && !conflicts.includes(fact)) conflicts.push(fact);
  }
  return conflicts;
}
