import { firstTagOf } from '../match/word-tags.js';
import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * Not every specific of a question names what it asks about. "What German ruler invited Huguenot
 * immigration?", "the FSO car plant" and "Which Google product …?" describe with a name; "four of the
 * five counties" counts in words. A sentence often leaves the describing name to its paragraph ("In 1995
 * the factory was purchased …" after "The FSO Car Factory …"), so there it counts as nearby; said
 * nowhere around the evidence, it is absent like any name — the evidence is about another firm's product
 * (specifics.ts). An unsaid count in words weighs in the decline model instead of declining by rule.
 */

const SMALL_NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve']);
/** Part-of-speech tags of a word a people's adjective can describe: a noun, or an adjective before one ("naval officer"). */
const DESCRIBED = /^(?:NN|NNS|JJ)$/;

/** Whether `fact` of `question` describes rather than names: a one-word name before a common noun, or a small number in words. */
export function describes(fact: Fact, question: AnalysedText): boolean {
  if (fact.kind === 'number') return SMALL_NUMBER_WORDS.has(fact.text.toLowerCase());
  if (fact.kind !== 'name' || fact.words.length !== 1) return false;
  const next = question.tokens[fact.last + 1];
  // The next content word must follow right after the name ("Nazi policy"), not across a preposition ("Chile in 2019").
  if (!next || question.text.slice(fact.end, next.start).trim() !== '' || /^\p{Lu}/u.test(next.text)) return false;
  // A word the lexicon lacks is most often a noun of a trade or a field ("ruler", "linebacker").
  const tag = firstTagOf(next.word);
  return tag === undefined ? /^\p{Ll}+$/u.test(next.text) : DESCRIBED.test(tag);
}
