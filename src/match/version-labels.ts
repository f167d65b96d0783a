import type { FactComparison } from './fact-compare.js';
import type { AnalysedText, Fact } from './facts.js';

/**
 * A name right before a version number ("added in Python 3.8", "since SQLite 3.35") labels the version: it
 * names the product the number is a version of, not a fact of its own. A manual states its product's
 * versions as "New in version 3.9." or "Changed in version 3.10.6: …", never repeating its own name, so read
 * as a name "Python" was missing there (or "changed" into the nearest capitalised word, "Python" / "Union"):
 * a changed version was never a contradiction of the same statement, and a stated one never support.
 */

/** A dotted version number: "3.8", "1.2.8"; a bare "3" or "2015" is a count or a year. */
const VERSION_NUMBER = /^\d+(?:\.\d+)+$/;
/** The evidence numbers a version by the word itself. */
const NUMBERED_VERSION = /\bversions?\s+\d+(?:\.\d+)+/i;

/** The number fact right after a name, with nothing but spaces between them. */
function numberAfter(text: AnalysedText, name: Fact): Fact | undefined {
  const next = text.facts.find((fact) => fact.first === name.last + 1);
  return next?.kind === 'number' && /^\s+$/.test(text.text.slice(name.end, next.start)) ? next : undefined;
}

/** The claim's names that label the version number right after them, when the evidence states a version by number. */
export function versionLabels(claim: AnalysedText, evidence: AnalysedText): Fact[] {
  if (!NUMBERED_VERSION.test(evidence.text)) return [];
  return claim.facts.filter((fact) => fact.kind === 'name' && VERSION_NUMBER.test(numberAfter(claim, fact)?.text ?? ''));
}

/** The comparison with a version's label read as stated: neither missing nor changed into another name. */
export function withVersionLabelsStated(claim: AnalysedText, evidence: AnalysedText, facts: FactComparison): FactComparison {
  const stated = versionLabels(claim, evidence).filter((fact) => !facts.supported.includes(fact));
  if (stated.length === 0) return facts;
  return {
    supported: [...facts.supported, ...stated],
    conflicts: facts.conflicts.filter((conflict) => !stated.includes(conflict.claim)),
    missing: facts.missing.filter((fact) => !stated.includes(fact)),
  };
}
