import { analyse } from '../match/facts.js';
import type { ChatTurn } from './follow-up.js';

/**
 * What the previous answer was about: the names of its first statement ("In 1781 James Watt
 * patented a steam engine…" → "James Watt"). A follow-up often points at what was answered, not
 * at what was asked ("Who patented a steam engine in 1781?" → "Who was his partner?"), so these
 * names are a second focus beside the earlier question. Only the latest answer is read, and only
 * its first statement (up to its first citation mark): an answer quotes its best evidence first.
 */

/** The part of an answer read for its subject. */
const ANSWER_CHARS = 300;
/** Names taken from it: the subject and what it is said of, not every name of a long sentence. */
const MAX_NAMES = 4;

/** The first statement of an answer: up to its first citation mark ("… motion. [1]"). */
const firstStatement = (answer: string) => answer.slice(0, ANSWER_CHARS).split(/\s*\[\d+\]/)[0]!;

/**
 * The names of the latest assistant answer, when one of them is not already in `focus` (else the
 * answer adds nothing to the earlier question); none for a decline, whose capitals are grammar.
 */
export function answerSubject(history: readonly ChatTurn[], focus: string): string[] {
  const answer = [...history].reverse().find((turn) => turn.role === 'assistant')?.content.trim();
  if (!answer) return [];
  const known = new Set(analyse(focus).tokens.map((token) => token.term));
  const names = namesOf(firstStatement(answer));
  return names.some((name) => name.words.some((word) => !known.has(word.term))) ? names.map((name) => name.text) : [];
}

/** The distinct names of a text, first mentioned first, at most MAX_NAMES. */
const namesOf = (text: string) => [...new Map(analyse(text).facts.filter((fact) => fact.kind === 'name').map((fact) => [fact.value, fact])).values()].slice(0, MAX_NAMES);

/** The names an earlier question mentions ("… Tesla enroll at the Austrian Polytechnic in Graz?" → Tesla, Austrian Polytechnic, Graz). */
export const questionNames = (question: string): string[] => namesOf(question).map((name) => name.text);
