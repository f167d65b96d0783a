import type { AnalysedText, Fact } from '../match/facts.js';
import { expectedAnswerType } from './answer-type.js';

/**
 * A number belongs to the name its clause is about. "What percentage of Victorians are Anglicans?" is not
 * answered by "Roman Catholics form … 26.7% of the Victorian population, followed by Anglicans and …": the
 * sentence names Anglicans only after the number, in a clause of their own with no number, and the number's
 * clause is about another name. Nor is "At what age did Kubiak win?" by "Manning … at age 39, while Kubiak …".
 * Only questions that ask for a number or a date are checked: for them the number is the answer.
 */

/** Where a clause ends: punctuation between phrases (not the comma of "50,000", nor one before a relative clause: "… in 1185, when a Norman army invaded Dyrrachium" is one fact), and the words that open a contrasted clause. */
const CLAUSE_BREAK = /,(?!\d|\s+(?:when|where|which|who|whose|whom)\b)|[;:()]|\s[–—]\s|\b(?:while|whereas|followed by)\b/giu;

/** "At what age …": asks for a number, though no wh-word of answer-type.ts says so. */
const ASKS_AGE = /\bwhat age\b/i;

interface Group {
  start: number;
  end: number;
  names: Fact[];
  numbers: Fact[];
}

/** The text's clauses, as [start, end) offsets. */
function clauses(text: string): Array<[number, number]> {
  const ends = [...text.matchAll(CLAUSE_BREAK)].map((match) => match.index);
  return [...ends, text.length].map((end, i) => [i === 0 ? 0 : ends[i - 1]!, end]);
}

/**
 * The evidence's clauses, each clause without a name joined to the clause before it ("…Kony Ealy, who had 5 sacks"):
 * the names each group is about and the numbers it states that the question does not.
 */
function groups(question: AnalysedText, evidence: AnalysedText): Group[] {
  const questionValues = new Set(question.facts.map((fact) => fact.value));
  const within = (fact: Fact, [start, end]: [number, number]) => fact.start >= start && fact.start < end;
  const result: Group[] = [];
  for (const clause of clauses(evidence.text)) {
    const names = evidence.facts.filter((fact) => fact.kind === 'name' && within(fact, clause));
    const numbers = evidence.facts.filter((fact) => (fact.kind === 'number' || fact.kind === 'year') && !questionValues.has(fact.value) && within(fact, clause));
    const last = result.at(-1);
    if (names.length === 0 && last) {
      last.end = clause[1];
      last.numbers.push(...numbers);
    } else result.push({ start: clause[0], end: clause[1], names, numbers });
  }
  return result;
}

/**
 * The question's names that the evidence states only after a number of another name, in clauses with no number
 * of their own: the number the question asks for is not theirs.
 */
export function namesWithoutTheirNumber(question: AnalysedText, evidence: AnalysedText): Fact[] {
  const type = expectedAnswerType(question.text);
  if (type !== 'number' && type !== 'date' && !ASKS_AGE.test(question.text)) return [];
  const questionTerms = new Set(question.tokens.map((token) => token.term));
  const isRival = (name: Fact) => name.words.every((word) => !questionTerms.has(word.term));
  const grouped = groups(question, evidence);
  return question.facts.filter((name) => {
    if (name.kind !== 'name') return false;
    const head = name.words.at(-1)!.term;
    const said = evidence.tokens.find((token) => token.term === head);
    const at = said ? grouped.findIndex((group) => said.start >= group.start && said.start < group.end) : -1;
    if (at <= 0 || grouped[at]!.numbers.length > 0) return false;
    return grouped.slice(0, at).some((group) => group.numbers.length > 0 && group.names.some(isRival));
  });
}
