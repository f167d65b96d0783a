import type { Token } from '../match/analyzer.js';
import { compareFacts } from '../match/fact-compare.js';
import { analyse, type AnalysedText, type Fact } from '../match/facts.js';
import type { NameMatcher } from '../match/names.js';
import type { TermSimilarity } from '../match/term-similarity.js';

/**
 * The specifics a question asks about — names, places, numbers, dates — must be in the evidence
 * that answers it, each in its own context, or be named there by a real alias ("UK" for
 * "Britain", "Francophone" for "French-speaking"). "When did China and Canada sign …?" is not
 * answered by a sentence about China and Vietnam, however many other words they share.
 */

export interface SpecificsCheck {
  /** Facts of the question the evidence states differently. */
  conflicting: Fact[];
  /** Facts of the question neither the evidence nor the sentence before it nor its title mentions. */
  absent: Fact[];
  /** Facts the evidence lacks but the sentence before it or its document's title mentions (the year the text is about). */
  nearby: Fact[];
  /** How many facts the question has. */
  total: number;
}

export interface SpecificsOptions {
  names: NameMatcher;
  similarity: TermSimilarity;
  /** Whether a capitalised word opening the question is a name. */
  isNameAtStart: (token: Token) => boolean;
}

/**
 * The facts of a question: names, numbers and dates. Ordinals are left out — questions rephrase
 * them freely ("the first drive" for "the opening drive") — and wh-words are grammar, not names.
 */
export function questionFacts(question: string, isNameAtStart: (token: Token) => boolean): AnalysedText {
  const analysed = analyse(question, { isNameAtStart });
  return { ...analysed, facts: analysed.facts.filter((fact) => fact.kind !== 'ordinal' && !(fact.kind === 'number' && ANSWER_COUNT.test(question.slice(0, fact.start)))) };
}

/** "Name two courses …", "What are three …": a number right after the request counts the answers wanted; it is not a fact to find. */
const ANSWER_COUNT = /^\s*(?:please\s+)?(?:name|list|give(?:\s+me)?|mention|enumerate|state|identify|what\s+(?:are|were)|which\s+(?:are|were))\s+(?:any\s+|at\s+least\s+)?$/i;

/**
 * Checks the question's facts against the evidence (the quoted sentence with what it continues):
 * a fact stated differently there is a conflict; one it does not mention may still be found in
 * the sentence before it or its document's title (the year the text is about), else it is missing.
 */
export function checkSpecifics(question: AnalysedText, evidence: AnalysedText, context: readonly AnalysedText[], options: SpecificsOptions): SpecificsCheck {
  if (question.facts.length === 0) return { conflicting: [], absent: [], nearby: [], total: 0 };
  const result = compareFacts(question, evidence, { names: options.names, similarity: (a, b) => options.similarity.similarity(a, b), context });
  // A question names what it asks about; it is not a claim about it: a value the evidence states is matched there,
  // even beside other values in a closer wording ("in 1960" against "(Myhill 1960) … (1961)").
  const stated = (fact: Fact) => (fact.kind === 'name' ? options.names.found(fact, question.text, evidence) : evidence.facts.some((other) => other.kind === fact.kind && other.value === fact.value));
  const mentioned = (fact: Fact) => context.some((text) => (fact.kind === 'name' ? options.names.found(fact, question.text, text) : text.facts.some((other) => other.kind === fact.kind && other.value === fact.value)));
  return {
    conflicting: result.conflicts.map((conflict) => conflict.claim).filter((fact) => !stated(fact)),
    absent: result.missing.filter((fact) => !mentioned(fact)),
    nearby: result.missing.filter(mentioned),
    total: question.facts.length,
  };
}
