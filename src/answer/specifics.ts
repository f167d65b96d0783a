import type { Token } from '../match/analyzer.js';
import { compareFacts } from '../match/fact-compare.js';
import { analyse, type AnalysedText, type Fact } from '../match/facts.js';
import { identifierFacts } from './identifiers.js';
import type { NameMatcher } from '../match/names.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { isDemonym, namesPlaceInside, namesPlaceOf, replacedDemonyms } from './demonyms.js';
import { describes } from './describing-facts.js';
import { isOrdinaryWord } from '../match/word-tags.js';
import { numbersInAnotherRole } from './labelled-numbers.js';
import { unlinkedNames } from './linked-names.js';
import { otherFractions } from './fractions.js';
import { namesWithoutTheirNumber } from './numbers-of-others.js';
import { otherOwners } from './owners.js';
import { otherNumberedNames } from './regnal-numbers.js';
import { datesBareMonth } from './paragraph-year.js';
import { spelledIn } from './name-spelling.js';
import { ACROSS_KINDS_RARITY, replacedWords } from './replaced-words.js';
import { amongRarest, swappedNouns } from './swapped-nouns.js';
import { swappedRoles } from './swapped-roles.js';
import { oppositeYearBounds, otherCenturies, yearInRange } from './year-ranges.js';
import { isPlace } from '../match/places.js';

/**
 * The specifics a question asks about — names, places, numbers, dates — must be in the evidence
 * that answers it, each in its own context, or be named there by a real alias ("UK" for
 * "Britain", "Francophone" for "French-speaking"). "When did China and Canada sign …?" is not
 * answered by a sentence about China and Vietnam, however many other words they share.
 */

export interface SpecificsCheck {
  /** Facts of the question the evidence states differently, or in another relation or role (see linked-names.ts, labelled-numbers.ts, demonyms.ts, fractions.ts, owners.ts, numbers-of-others.ts, regnal-numbers.ts, year-ranges.ts). */
  conflicting: Fact[];
  /** Facts of the question neither the evidence nor its context (title, headings, lead, the paragraph before it) mentions. */
  absent: Fact[];
  /** Facts the evidence lacks but its context mentions (the year the text is about, the team its paragraph is about). */
  nearby: Fact[];
  /** Counts in words (see describing-facts.ts) neither the evidence nor its context says: weighed, not declined by rule. */
  unsaid: Fact[];
  /**
   * Words of the question the evidence replaces by another kind of the same thing ("plums" / "pears", see swapped-nouns.ts),
   * or by another word beside the same neighbour ("naval forces" / "armed forces", see replaced-words.ts); and verbs whose
   * names the evidence gives the other role, or an opposite relation ("Who did Scotland invade?", see swapped-roles.ts).
   */
  swapped: Token[];
  /** Facts of the question the evidence itself states, as the question does. */
  stated: Fact[];
  /** How many facts the question has. */
  total: number;
}

export interface SpecificsOptions {
  names: NameMatcher;
  similarity: TermSimilarity;
  /** Whether a capitalised word opening the question is a name. */
  isNameAtStart: (token: Token) => boolean;
  /** The corpus's IDF of a term: a noun swapped for a sibling is a specific only when it is among the question's rarest words (swapped-nouns.ts); without it, every such noun is. */
  idf?: (term: string) => number;
  /** Whether the evidence's document writes an identifier of the question ("autovacuum_work_mem") anywhere. */
  inDocument?: (identifier: Fact) => boolean;
}

/** Month-and-year pairs of a text: "April 2019". */
function dates(text: AnalysedText): Array<[Fact, Fact]> {
  return text.facts.flatMap((fact, i) => {
    const next = text.facts[i + 1];
    return fact.kind === 'month' && next?.kind === 'year' && text.text.slice(fact.end, next.start).trim() === '' ? [[fact, next] as [Fact, Fact]] : [];
  });
}

/**
 * A date of the question ("April 2019") that the evidence has only in parts, each in another date
 * ("April 2018 … September 2019"), is stated differently there: the month of the question's date.
 */
function otherDates(question: AnalysedText, evidence: AnalysedText): Fact[] {
  const stated = dates(evidence);
  if (stated.length === 0) return [];
  return dates(question)
    .filter(([month, year]) => !stated.some(([m, y]) => m.value === month.value && y.value === year.value))
    .filter(([month, year]) => stated.some(([m, y]) => m.value === month.value || y.value === year.value))
    .map(([month]) => month);
}

/** "2015" is one value whether read as a year or a number ("Xi's 2015 proposals" against "In 2015, …"). */
const NUMERIC = new Set<Fact['kind']>(['number', 'year']);
const sameValue = (a: Fact, b: Fact) => a.value === b.value && (a.kind === b.kind || (NUMERIC.has(a.kind) && NUMERIC.has(b.kind)));

/** The name without the ordinary words a question capitalised into it ("Emma Marry" → "Emma"); the name itself when that leaves nothing. */
function withoutOrdinaryWords(name: Fact): Fact {
  const words = name.words.filter((word) => !isOrdinaryWord(word.word));
  return words.length === 0 || words.length === name.words.length ? name : { ...name, words, value: words.map((word) => word.word).join(' ') };
}

/**
 * The facts of a question: names, numbers and dates. Ordinals are left out — questions rephrase
 * them freely ("the first drive" for "the opening drive") — and wh-words are grammar, not names.
 */
export function questionFacts(question: string, isNameAtStart: (token: Token) => boolean): QuestionFacts {
  const analysed = analyse(question, { isNameAtStart });
  return {
    ...analysed,
    facts: analysed.facts.filter((fact) => fact.kind !== 'ordinal' && !(fact.kind === 'number' && ANSWER_COUNT.test(question.slice(0, fact.start)))),
    identifiers: identifierFacts(question, analysed.tokens),
  };
}

/** A question's facts, and the code identifiers it names ("autovacuum_work_mem", "os.path.join"). */
export interface QuestionFacts extends AnalysedText {
  identifiers: readonly Fact[];
}

/**
 * "Name two courses …", "What are three …", "Which two artists …", "In which two years …": a number right after the
 * request counts the answers wanted; it is not a fact to find.
 */
const ANSWER_COUNT =
  /^\s*(?:please\s+)?(?:name|list|give(?:\s+me)?|mention|enumerate|state|identify|(?:(?:in|on|at|from|to|for|with|by|during|between|among|of)\s+)?(?:what|which)(?:\s+(?:are|were|other|the))*)\s+(?:any\s+|at\s+least\s+)?$/i;

/**
 * Checks the question's facts against the evidence (the quoted sentence with what it continues):
 * a fact stated differently there is a conflict; one it does not mention may still be found in
 * its context (see Judged in extractive.ts), else it is missing. A name spelled with a slip
 * ("Gospic", "Hatmanis") is the evidence's own.
 */
export function checkSpecifics(question: AnalysedText & Partial<QuestionFacts>, evidence: AnalysedText, context: readonly AnalysedText[], options: SpecificsOptions, paragraph?: AnalysedText): SpecificsCheck {
  // A code identifier is absent only when the evidence's document never writes it: a manual names a function or setting
  // once, in its signature or table, and the sentences under it say "it" or nothing — where it is written, it weighs nothing.
  const unwritten = (question.identifiers ?? []).filter((identifier) => options.inDocument?.(identifier) === false);
  const rare = options.idf && amongRarest(question, options.idf);
  const replaced = replacedWords(question, evidence, context, options.similarity, rare && ((word) => rare(word, ACROSS_KINDS_RARITY)));
  const swapped = [
    ...swappedNouns(question, evidence, context, options.similarity).filter((noun) => !replaced.includes(noun) && (!rare || rare(noun))),
    ...replaced,
    ...swappedRoles(question, evidence, options.names, options.similarity),
  ];
  if (question.facts.length === 0) return { conflicting: [], absent: unwritten, nearby: [], unsaid: [], swapped, stated: [], total: unwritten.length };
  const result = compareFacts(question, evidence, { names: options.names, similarity: (a, b) => options.similarity.similarity(a, b), context });
  // A question names what it asks about; it is not a claim about it: a value the evidence states is matched there,
  // even beside other values in a closer wording ("in 1960" against "(Myhill 1960) … (1961)").
  const namedAs = (name: Fact, text: AnalysedText) => options.names.found(name, question.text, text) || spelledIn(name, text);
  const named = (fact: Fact, text: AnalysedText) =>
    fact.kind === 'name'
      ? namedAs(fact, text) || namedAs(withoutOrdinaryWords(fact), text) || namesPlaceOf(fact, text) || namesPlaceInside(fact, text)
      : text.facts.some((other) => sameValue(fact, other)) || yearInRange(fact, question, text);
  const stated = (fact: Fact) => named(fact, evidence);
  // A describing word sets the scene ("the median pay of American teachers", "the FSO car plant"): said anywhere in the paragraph
  // ("US teachers are generally paid …", "The FSO Car Factory was established …"), it is nearby. A name the question is about is not:
  // "China and India" two sentences earlier do not make "China and Pakistan signed" about India.
  const setsScene = (fact: Fact) => isDemonym(fact) || describes(fact, question);
  // A month's year read from the paragraph is context on context: only for a question whose names the evidence states itself
  // ("a delegation of Pakistan's defence ministry … in October 2018" is not "a delegation from the Chinese MND" of that October).
  const namesStated = () => question.facts.every((other) => other.kind !== 'name' || stated(other));
  // A people the paragraph mentions sets the scene only when the evidence names no other place the question leaves out:
  // "the defense ministers of China and Vietnam" are not the Cambodian ones named three sentences earlier.
  // Asked only for a demonym the paragraph would vouch for: most candidates never need it.
  const otherPlace = () => evidence.facts.some((other) => other.kind === 'name' && isPlace(other.text) && !question.facts.some((mine) => mine.kind === 'name' && (options.names.same(mine, other) || namesPlaceOf(mine, { text: other.text, tokens: other.words, facts: [other] }))));
  const mentioned = (fact: Fact) =>
    context.some((text) => named(fact, text)) || (paragraph !== undefined && setsScene(fact) && !(isDemonym(fact) && otherPlace()) && named(fact, paragraph)) || (datesBareMonth(fact, evidence, paragraph) && namesStated());
  const missing = result.missing.filter((fact) => !stated(fact));
  const unmentioned = missing.filter((fact) => !mentioned(fact));
  // A describing name ("a Portuguese naval officer", "Which Google product …?") said nowhere around the evidence is absent like
  // any name: the evidence is about another people's officer, another firm's product. Only a count in words is weighed.
  const weighed = (fact: Fact) => describes(fact, question) && fact.kind !== 'name';
  const conflicting = [
    ...result.conflicts.map((conflict) => conflict.claim).filter((fact) => !stated(fact)),
    ...otherDates(question, evidence),
    ...unlinkedNames(question, evidence),
    ...numbersInAnotherRole(question, evidence, context),
    ...replacedDemonyms(question, evidence),
    ...otherFractions(question, evidence),
    ...otherOwners(question, evidence),
    ...namesWithoutTheirNumber(question, evidence),
    ...otherNumberedNames(question, evidence),
    ...oppositeYearBounds(question, evidence),
    ...otherCenturies(question, evidence),
  ];
  return {
    conflicting,
    absent: [...unwritten, ...unmentioned.filter((fact) => !weighed(fact))],
    nearby: missing.filter(mentioned),
    unsaid: unmentioned.filter(weighed),
    swapped,
    stated: question.facts.filter((fact) => !missing.includes(fact) && !conflicting.includes(fact)),
    total: question.facts.length + unwritten.length,
  };
}
