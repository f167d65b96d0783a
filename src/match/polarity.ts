import { eng as functionWords } from 'stopword';
import { normalizeWord, termOf } from './analyzer.js';

/**
 * Negation and hedging: "China has never sent…" says the opposite of "China has sent…", and
 * "reportedly sent" says less. Cues are read from the words of the statement itself.
 */

/**
 * "It is only rumoured that…", "falsely claimed", "it is a myth that…" deny what follows rather than
 * hedge it: a statement the evidence makes outright is contradicted by them, not merely qualified.
 */
const DENIAL = String.raw`(?:only|merely|just) (?:been )?(?:rumou?red|alleged|claimed|a rumou?r)|(?:falsely|wrongly|mistakenly) (?:claimed|believed|thought|reported|said|stated)|it is (?:a myth|untrue|false) that`;
/**
 * "not until 1518" dates the statement rather than denying it ("It was not until January 1518 that friends of Luther
 * translated …"); "too small to be felt" denies the verb after it ("felt"), as "not felt" does.
 */
const NEGATION = new RegExp(
  String.raw`\b(?:not(?!\s+until\b)|never|no(?!\.\s*\d)|none|neither|nor|nobody|nothing|cannot|without|failed to|refused to|too \p{L}+ to|${DENIAL})\b|\b\w+n['’]t\b`,
  'giu',
);
const HEDGE =
  /\b(?:reportedly|allegedly|rumou?red(?: to)?|supposedly|purportedly|possibly|perhaps|maybe|apparently|unconfirmed|might|may have|could have|(?:is|are|was|were) (?:said|believed|thought|rumou?red|claimed|alleged) to|it is (?:said|believed|thought|claimed|alleged|rumou?red))\b/giu;

export interface Cue {
  text: string;
  start: number;
  end: number;
}

const cues = (pattern: RegExp, text: string, from = 0, to = text.length): Cue[] =>
  [...text.matchAll(pattern)].filter((m) => m.index >= from && m.index < to).map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

export function negations(text: string, from?: number, to?: number): Cue[] {
  return cues(NEGATION, text, from, to).filter((cue) => !isNoneValue(cue, text));
}

/**
 * "None" capitalised inside a sentence is Python's value ("lru_cache(maxsize=None)", "defaults to None"), not the
 * pronoun, which is capitalised only where it opens a sentence ("None of the functions …").
 */
const isNoneValue = (cue: Cue, text: string) => cue.text === 'None' && !SENTENCE_OPENING.test(text.slice(Math.max(0, cue.start - 4), cue.start));
const SENTENCE_OPENING = /(?:^|[.!?:]["'”’)]*\s+|\n\s*)$/u;

/** The words of a cue that are the cue itself: all of them, but the adjective of "too small to", which is said of the subject. */
export const cueWords = (cue: Cue): string[] => cue.text.toLowerCase().split(/\s+/).filter((_, i, words) => !(words[0] === 'too' && i === 1 && words.length === 3));

export function hedges(text: string, from?: number, to?: number): Cue[] {
  return cues(HEDGE, text, from, to);
}

/**
 * The words the negation cues bear on, as matching forms: the first word after each cue in its
 * phrase that is not a function word ("not called" → call, "No tilde expansion is done" → tilde).
 * A claim and its evidence may each say "not" about different things ("not called … not handled").
 */
export function negatedTerms(text: string, from?: number, to?: number): Set<string> {
  return termsNegatedBy(text, negations(text, from, to));
}

/** `negatedTerms` for the given cues of `text` only. */
export function termsNegatedBy(text: string, negationCues: readonly Cue[]): Set<string> {
  const negated = new Set<string>();
  for (const cue of negationCues) {
    for (const [word] of text.slice(cue.end).matchAll(WORD_OR_BREAK)) {
      if (PHRASE_BREAK.test(word)) break;
      const normalized = normalizeWord(word);
      if (FUNCTION_WORDS.has(normalized) || NEGATION_WORD.test(word)) continue;
      negated.add(termOf(normalized));
      break;
    }
  }
  return negated;
}

/**
 * Every word a negation's clause has after the cue, as matching forms: the cue's reach ("cannot be successfully
 * queried" negates "queried" as much as "successfully"), used to tell whether the other side's negated word is
 * negated here too.
 */
export function termsInScopeOf(text: string, negationCues: readonly Cue[]): Set<string> {
  const inScope = new Set<string>();
  for (const cue of negationCues) {
    for (const [word] of text.slice(cue.end, clauseEnd(text, cue.end)).matchAll(WORD)) inScope.add(termOf(normalizeWord(word)));
  }
  return inScope;
}

/** Whether `word` is by itself a negation ("none", "never", "no"). */
export const isNegationWord = (word: string) => NEGATION_WORD.test(word);

const FUNCTION_WORDS = new Set(functionWords);
const NEGATION_WORD = new RegExp(`^(?:${NEGATION.source})$`, 'iu');
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;
const WORD_OR_BREAK = new RegExp(`${WORD.source}|[,;:()]`, 'gu');
const PHRASE_BREAK = /^[,;:()]$/;

/**
 * Where the clause a cue stands in ends: at the next comma, semicolon, colon, sentence end or
 * contrasting connective. "30 US states have banned it, the others have not" negates nothing of
 * the first clause; "does not support decoding, but … adds newlines" negates nothing of the second.
 */
export function clauseEnd(text: string, from: number): number {
  CLAUSE_BREAK.lastIndex = from;
  return CLAUSE_BREAK.exec(text)?.index ?? text.length;
}

const CLAUSE_BREAK = /[,;:]|[.!?](?:\s|$)|\b(?:but|whereas|while|although|though)\b/giu;
