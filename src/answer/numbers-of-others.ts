import { firstTagOf } from '../match/word-tags.js';
import type { AnalysedText, Fact, FactKind } from '../match/facts.js';
import { expectedAnswerType } from './answer-type.js';
import { describes } from './describing-facts.js';

/**
 * A number belongs to the name its clause is about. "What percentage of Victorians are Anglicans?" is not
 * answered by "Roman Catholics form … 26.7% of the Victorian population, followed by Anglicans and …": the
 * sentence names Anglicans only after the number, in a clause of their own with no number, and the number's
 * clause is about another name. Nor is "At what age did Kubiak win?" by "Manning … at age 39, while Kubiak …".
 * Only questions that ask for a number or a date are checked, against the evidence's numbers or years: that is the answer.
 */

/**
 * Where a clause ends: punctuation between phrases and sentences, and the words that open a contrasted clause. Not the comma
 * of "50,000", nor one before a relative clause ("… in 1185, when a Norman army invaded Dyrrachium" is one fact).
 */
const CLAUSE_BREAK = /,(?!\d|\s+(?:when|where|which|who|whose|whom)\b)|[;:()]|\.\s|\s[–—]\s|\b(?:while|whereas|followed by)\b/giu;
/** Breaks that always open a clause with a subject of its own; after the others, a clause opening with a verb continues the one before. */
const CONTRAST = /^(?:while|whereas|followed by)$/i;
/** A finite verb or auxiliary: "…, the Pico Act of 1859, was passed by …" goes on about the Pico Act. */
const FINITE_VERB = /^(?:VBD|VBZ|VBP|MD)$/;

/** "How many (total) tackles …": the words that say what the question counts. */
const COUNTED = /\bhow\s+many\s+((?:\p{L}+\s+)?\p{L}+)/iu;

/** "At what age …": asks for a number, though no wh-word of answer-type.ts says so. */
const ASKS_AGE = /\bwhat age\b/i;

interface Group {
  start: number;
  end: number;
  names: Fact[];
  numbers: Fact[];
  terms: Set<string>;
}

/** The text's clauses, as [start, end) offsets, each with whether it goes on with the subject of the clause before. */
function clauses(text: string): Array<{ start: number; end: number; continues: boolean }> {
  const breaks = [...text.matchAll(CLAUSE_BREAK)];
  return [...breaks.map((match) => match.index), text.length].map((end, i) => {
    const opening = breaks[i - 1];
    const start = opening?.index ?? 0;
    const firstWord = /^\s*(\p{L}+)/u.exec(text.slice(start + (opening?.[0].length ?? 0)))?.[1]?.toLowerCase();
    const verb = firstWord !== undefined && FINITE_VERB.test(firstTagOf(firstWord) ?? '');
    return { start, end, continues: opening !== undefined && !CONTRAST.test(opening[0]) && verb };
  });
}

/**
 * The evidence's clauses, each clause without a name, or going on with the subject before, joined to the clause before it
 * ("…Kony Ealy, who had 5 sacks"): the names each group is about and its numbers of the asked kind the question does not state.
 */
function groups(question: AnalysedText, evidence: AnalysedText, kinds: ReadonlySet<FactKind>): Group[] {
  const questionValues = new Set(question.facts.map((fact) => fact.value));
  const within = (fact: Fact, clause: { start: number; end: number }) => fact.start >= clause.start && fact.start < clause.end;
  const result: Group[] = [];
  for (const clause of clauses(evidence.text)) {
    const names = evidence.facts.filter((fact) => fact.kind === 'name' && within(fact, clause));
    const numbers = evidence.facts.filter((fact) => kinds.has(fact.kind) && !questionValues.has(fact.value) && within(fact, clause));
    const last = result.at(-1);
    const terms = evidence.tokens.filter((token) => token.start >= clause.start && token.start < clause.end).map((token) => token.term);
    if (last && (names.length === 0 || clause.continues)) {
      last.end = clause.end;
      last.names.push(...names);
      last.numbers.push(...numbers);
      terms.forEach((term) => last.terms.add(term));
    } else result.push({ start: clause.start, end: clause.end, names, numbers, terms: new Set(terms) });
  }
  return result;
}

/** The kinds of fact that answer the question: numbers, or dates. */
function answerKinds(question: string): ReadonlySet<FactKind> {
  const type = expectedAnswerType(question);
  if (type === 'date') return new Set(['year', 'month']);
  return type === 'number' || ASKS_AGE.test(question) ? new Set(['number']) : new Set();
}

/**
 * The question's names that the evidence states only after a number of another name, in clauses with no number
 * of their own: the number the question asks for is not theirs. A describing name ("the Chinese head of state")
 * is left out: it says what kind of thing is counted, not whose number it is.
 */
export function namesWithoutTheirNumber(question: AnalysedText, evidence: AnalysedText): Fact[] {
  const kinds = answerKinds(question.text);
  if (kinds.size === 0) return [];
  const questionTerms = new Set(question.tokens.map((token) => token.term));
  const isRival = (name: Fact) => name.words.every((word) => !questionTerms.has(word.term));
  const grouped = groups(question, evidence, kinds);
  return question.facts.filter((name) => {
    if (name.kind !== 'name' || describes(name, question)) return false;
    const head = name.words.at(-1)!.term;
    const said = evidence.tokens.find((token) => token.term === head);
    const at = said ? grouped.findIndex((group) => said.start >= group.start && said.start < group.end) : -1;
    if (at < 0) return false;
    if (grouped[at]!.numbers.length > 0) return countsOtherThings(grouped, at, question, evidence, isRival);
    return grouped.slice(0, at).some((group) => group.numbers.length > 0 && group.names.some(isRival));
  });
}

/**
 * "How many tackles did Davis …?" against "Davis compiled 5½ sacks, four forced fumbles …, while Kuechly led the team in tackles (118)":
 * the name's own numbers each count something else, and the clause with what the question counts, and a number, is another name's.
 * A bare number ("…, while Trevathan ranked second with 102") may be the name's count of the same thing said before.
 */
function countsOtherThings(grouped: readonly Group[], at: number, question: AnalysedText, evidence: AnalysedText, isRival: (name: Fact) => boolean): boolean {
  const words = COUNTED.exec(question.text)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  const counted = new Set(question.tokens.filter((token) => words.includes(token.word)).map((token) => token.term));
  if (counted.size === 0) return false;
  const says = (group: Group) => [...counted].some((term) => group.terms.has(term));
  const countsOther = (number: Fact) => {
    const next = evidence.tokens[number.last + 1];
    return next !== undefined && /^[\s\p{No}-]*$/u.test(evidence.text.slice(number.end, next.start)) && !counted.has(next.term);
  };
  const own = grouped[at]!;
  if (says(own) || !own.numbers.every(countsOther)) return false;
  return grouped.some((group, i) => i !== at && says(group) && group.numbers.length > 0 && group.names.some(isRival));
}
