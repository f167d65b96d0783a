import { firstTagOf } from '../match/word-tags.js';
import { tokenize } from '../match/analyzer.js';
import { hasVerb, type Clause } from './clauses.js';
import type { ClauseUnit, ScorePart } from './by-clause.js';

/**
 * A claim whose main statement the evidence makes, with a detail added that it does not ("John
 * Myhill defined linear bounded automata in 1960 [at the University of Buffalo]", "… was added in
 * version 3.4 [by Antoine Pitrou]", "… in 1081 [after a long siege of Bari]"), is partially
 * supported, the detail named as missing — not "not found" because the detail weighs as much as the
 * rest. The statement is the claim up to where a trailing phrase begins (a preposition, a
 * connective, a comma), read as a claim of its own: it must hold a verb and be supported, and say
 * something specific after its verb — a value the evidence states ("in 1960") or several of its
 * words. "The Carolina Panthers moved [to Los Angeles in 2017]" and "China sent its first
 * peacekeepers [to Haiti in 2004]" leave out all there is to the claim: those are not found.
 */

/** Where a trailing detail may begin: a comma, or a preposition or connective that opens a phrase. */
const DETAIL_START = /,\s+|\s+(?=(?:by|in|at|on|with|after|before|because|as|for|from|during|using|via|since|until|while|when|where|which|who|whose|that|and|but|to|near|under|through|into|following|including)\s)/giu;
/** The statement needs this many content words: "Sky launched" says too little to stand for the claim. */
const MIN_CORE_WORDS = 3;
/** …and the evidence read for it is among the claim's best few. */
const CORE_EVIDENCE = 4;
/** Content words after its verb that make a statement specific without a value ("removes any common leading whitespace"). */
const SPECIFIC_WORDS = 3;

const isVerb = (word: string, text: string) => /^\p{Ll}/u.test(text) && /^(?:VB|MD)/.test(firstTagOf(word) ?? '');

/**
 * Whether the core states its verb and something specific after it: a value the evidence states, or
 * enough words. The verb is the core's last ("armed" in "China's armed forces have trained" is not).
 */
function specific(reading: ClauseUnit, core: string): boolean {
  const tokens = tokenize(core);
  const verb = [...tokens].reverse().find((token) => isVerb(token.word, token.text));
  if (!verb || reading.missing.some((gap) => gap.split(/\s+/).includes(verb.text))) return false;
  const after = tokens.filter((token) => token.start > verb.start);
  return after.length >= SPECIFIC_WORDS || reading.facts.supported.some((fact) => fact.kind !== 'ordinal' && fact.start > verb.start);
}

/** The claim's statements without a trailing detail, longest first, each with the detail it leaves out. */
export function coreStatements(claim: string): Array<{ core: Clause; detail: string }> {
  const text = claim.replace(/[.!?]+\s*$/, '');
  const found: Array<{ core: Clause; detail: string }> = [];
  for (const match of text.matchAll(DETAIL_START)) {
    const core = text.slice(0, match.index).trim();
    const detail = text.slice(match.index + match[0].length).trim();
    if (tokenize(core).length < MIN_CORE_WORDS || tokenize(detail).length === 0 || !hasVerb(core)) continue;
    found.push({ core: { text: core, start: 0, end: match.index }, detail });
  }
  return found.reverse();
}

/**
 * For a claim the evidence does not state as a whole: the best evidence that supports the claim's
 * longest statement without its trailing detail, read as partially supported with the detail
 * missing; undefined when no such statement is supported.
 */
export function readCore<T extends ClauseUnit>(claim: string, scored: readonly T[], score: ScorePart<T>): T | undefined {
  const candidates = scored.slice(0, CORE_EVIDENCE);
  for (const { core, detail } of coreStatements(claim)) {
    for (const unit of candidates) {
      const reading = score(core, unit);
      if (reading.verdict !== 'supported' || !specific(reading, core.text)) continue;
      return { ...unit, verdict: 'partially_supported', missing: [detail, ...unit.missing.filter((gap) => !detail.includes(gap))] };
    }
  }
  return undefined;
}
