import { tokenize } from '../match/analyzer.js';

/**
 * "What is a partial index?" asks for what the term is: the sentence that defines it ("A partial index is an index
 * built over a subset of a table; …") answers, while the sentences around it that mention it (and, through their heading,
 * cover the question as well) say something else about it. Only a question that is nothing but the term
 * (at most DEFINED_WORDS content words) asks this, and only a sentence that opens with the term as its subject defines it.
 */

/** "What is/are [a|an|the] <term>?" */
const ASKS_DEFINITION = /^\s*what\s+(?:is|are)\s+(?:(?:an?|the)\s+)?([^?]+?)\s*\?*\s*$/i;
/** "[A|An|The] <term> is/are/means/refers to …" */
const DEFINES = /^\s*(?:(?:an?|the)\s+)?(.+?)\s+(?:is|are|means|refers\s+to|denotes)\s/i;
/** A longer "term" is a description with a question in it, not a term to define. */
const DEFINED_WORDS = 3;

const termsOf = (text: string) => tokenize(text).map((token) => token.term).join(' ');

/** The term a question asks to define, as its matching terms ("partial index"), if it asks for a definition. */
export function definedTerm(question: string): string | undefined {
  const term = ASKS_DEFINITION.exec(question)?.[1];
  if (!term) return undefined;
  // Every word a content word: "the default of …", "… sometimes called" ask something else of the term.
  const terms = tokenize(term);
  return terms.length > 0 && terms.length <= DEFINED_WORDS && terms.length === term.split(/\s+/).length ? terms.map((token) => token.term).join(' ') : undefined;
}

/** Whether a sentence defines `term` (as definedTerm gives it): it opens with that term as its subject. */
export function defines(sentence: string, term: string): boolean {
  const subject = DEFINES.exec(sentence)?.[1];
  return subject !== undefined && termsOf(subject) === term;
}

/** The candidates with those that define the question's term first, level with the best (the rest keep their order). */
export function definitionsFirst<C extends { score: number }>(ranked: readonly C[], question: string, text: (candidate: C) => string): readonly C[] {
  const term = definedTerm(question);
  if (!term || ranked.length === 0) return ranked;
  const top = ranked[0]!.score;
  const defining = ranked.filter((candidate) => defines(text(candidate), term));
  if (defining.length === 0) return ranked;
  return [...defining.map((candidate) => ({ ...candidate, score: Math.max(candidate.score, top) })), ...ranked.filter((candidate) => !defining.includes(candidate))];
}
