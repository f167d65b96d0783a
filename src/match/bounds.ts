import type { AnalysedText, Fact } from './facts.js';

/**
 * Which side of a number a statement puts the quantity on: "fewer than ten events" and "over ten
 * events" name the same number yet say opposite things, and a plain "ten events" says neither.
 * Read from the words right before the number.
 */

export type BoundSide = 'above' | 'below';

export interface Bound {
  side: BoundSide;
  /** Where the bounding words start in the text. */
  start: number;
}

/** Longer phrases first: "no more than" is a bound below, "more than" one above. */
const BOUND_WORDS: ReadonlyArray<[RegExp, BoundSide]> = [
  [/\b(?:no|not) (?:more|greater|higher|larger) than\s+$/iu, 'below'],
  [/\b(?:no|not) (?:fewer|less|lower|smaller) than\s+$/iu, 'above'],
  [/\b(?:more|greater|higher|larger) than\s+$/iu, 'above'],
  [/\b(?:over|above|exceeding|beyond|at least|in excess of|upwards of|well over)\s+$/iu, 'above'],
  [/\b(?:fewer|less|lower|smaller) than\s+$/iu, 'below'],
  [/\b(?:under|below|at most|up to|nearly|almost|just under)\s+$/iu, 'below'],
];

/** A year bounds a time the same way: "before 2012" puts it below, "since 2012" above. */
const TIME_BOUND_WORDS: ReadonlyArray<[RegExp, BoundSide]> = [
  [/\b(?:before|prior to|until|till)\s+$/iu, 'below'],
  [/\b(?:after|since)\s+$/iu, 'above'],
];

/** How far before a number its bounding words may start. */
const REACH = 24;

function boundBy(words: ReadonlyArray<[RegExp, BoundSide]>, text: AnalysedText, fact: Fact): Bound | undefined {
  const before = text.text.slice(Math.max(0, fact.start - REACH), fact.start);
  for (const [pattern, side] of words) {
    const match = pattern.exec(before);
    if (match) return { side, start: fact.start - before.length + match.index };
  }
  return undefined;
}

/** The bound the words before `fact` set on it, if any. */
export const boundOf = (text: AnalysedText, fact: Fact): Bound | undefined => boundBy(BOUND_WORDS, text, fact);

/** The bound the words before a year set on the time it dates ("before 2012"), if any. */
export const timeBoundOf = (text: AnalysedText, fact: Fact): Bound | undefined => (fact.kind === 'year' ? boundBy(TIME_BOUND_WORDS, text, fact) : undefined);

/**
 * The claim's number with its bound against the evidence's, when the two bound the same value from
 * opposite sides ("fewer than ten" against "over ten"): each fact widened to its bounding words, so
 * the conflict names them.
 */
export function opposedBounds(claim: AnalysedText, claimFact: Fact, evidence: AnalysedText, evidenceFact: Fact): { claim: Fact; evidence: Fact } | undefined {
  const ours = boundOf(claim, claimFact);
  const theirs = boundOf(evidence, evidenceFact);
  if (!ours || !theirs || ours.side === theirs.side) return undefined;
  const widen = (text: AnalysedText, fact: Fact, bound: Bound): Fact => ({ ...fact, start: bound.start, text: text.text.slice(bound.start, fact.end) });
  return { claim: widen(claim, claimFact, ours), evidence: widen(evidence, evidenceFact, theirs) };
}
