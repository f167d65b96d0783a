import { tokenize } from '../match/analyzer.js';
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

/**
 * How many names a follow-up with words of its own is matched with. The first name of the previous answer is what it was
 * about ("Tesla" in "In 1881, Tesla moved to Budapest to work under Ferenc Puskás…"); the rest is what that answer already
 * said, and every one of them pulls the answer back onto the sentence that said it ("What position was he given there?"
 * was answered with the same sentence again). Fitted with ANSWER_GAIN, leave-one-round-out, by scripts/fit/follow-up-gain.ts.
 */
export const REFERENCED_NAMES = 1;

/**
 * A name held by more than half of the passages (its BM25 IDF below ln 2, whatever the corpus's size) cannot point to one
 * of them: "China" in a document on China's armed forces. A follow-up that names nothing telling of its own needs a name
 * that does: matched with "China" alone, "When was that signed?" after the China–Vietnam memorandum weighs the
 * China–Pakistan protocol the same, and "Vietnam" tells them apart. One that names its own ("What about with Vietnam?") is
 * told apart by it, and the next name of the previous answer ("Pakistan") would only pull its answer back onto that answer.
 */
const TELLING_IDF = Math.log(2);
const tells = (name: string, idf: (term: string) => number) => tokenize(name).some((token) => idf(token.term) >= TELLING_IDF);

/** How a follow-up's answer is matched (fitted by scripts/fit/follow-up-gain.ts; the defaults are what is deployed). */
export interface NameChoice {
  /** How many names it is matched with. */
  count?: number;
  /** When the names most passages hold are left out (unless every one is): always, for a follow-up that names nothing telling, or never. */
  skipCommon?: 'always' | 'unnamed' | 'never';
}

/** The names a follow-up may point back to: the previous answer's (else the focus question's), first mentioned first. */
export function referencedNames(
  asked: string,
  { subject, focus, idf }: NameContext,
  { count = REFERENCED_NAMES, skipCommon = 'unnamed' }: NameChoice = {},
): string[] {
  const names = subject.length > 0 ? subject : questionNames(focus);
  const skips = skipCommon === 'always' || (skipCommon === 'unnamed' && !questionNames(asked).some((name) => tells(name, idf)));
  const telling = skips ? names.filter((name) => tells(name, idf)) : [];
  return (telling.length > 0 ? telling : names).slice(0, count);
}

/** What a follow-up's names are read from: the previous answer's names, the focus question, and the corpus's IDF. */
export interface NameContext {
  subject: readonly string[];
  focus: string;
  idf: (term: string) => number;
}
