import { opposedBounds } from './bounds.js';
import { contextSimilarity, isDayOfMonth, sameCountedThing, sameSlot, unitOf, type Similarity } from './fact-context.js';
import { comparePlace, placeRelation } from './places.js';
import { comparable as sameKind, type AnalysedText, type Fact } from './facts.js';
import type { NameMatcher } from './names.js';
import { perPair } from './fact-memo.js';
import { compareUnits } from './units.js';

/**
 * Compares the facts of a claim (or a question) with those of a piece of evidence, each in its own
 * context: a claim's number is supported by the same number about the same thing ("90 countries"),
 * contradicted by a different number about the same thing ("10 countries" against "90 countries"),
 * and merely missing when the evidence says nothing about it.
 */

export interface FactConflict {
  claim: Fact;
  evidence: Fact;
}

export interface FactComparison {
  supported: Fact[];
  conflicts: FactConflict[];
  missing: Fact[];
}

export interface CompareOptions {
  names: NameMatcher;
  /** Word similarity (0–1) for context words that differ ("nations" ~ "countries"). */
  similarity: Similarity;
  /** Where a name may also be found: the document's title and headings. */
  context?: readonly AnalysedText[];
}

/** A different value counts as a conflict only when its context is at least this close to the claim's. */
export const CONFLICT_CONTEXT = 0.45;
/** The same value supports when its context is not clearly worse than a different value's. */
const SAME_MARGIN = 0.15;
/** Names are contradicted only by a rival whose context is this close and that fills the same slot. */
const NAME_CONFLICT_CONTEXT = 0.6;

export function compareFacts(claim: AnalysedText, evidence: AnalysedText, options: CompareOptions): FactComparison {
  const { names, similarity } = options;
  // Days are compared with days and counts with counts: "sixty days" is not contradicted by "15 June".
  const comparable = (a: Fact, b: Fact) => sameKind(a, b) && isDayOfMonth(claim, a) === isDayOfMonth(evidence, b);
  const same = perPair((a: Fact, b: Fact) => comparable(a, b) && (a.kind === 'name' ? names.same(a, b) : a.value === b.value));
  const context = perPair((fact: Fact, candidate: Fact) => contextSimilarity(claim, fact, evidence, candidate, similarity));
  const unitMatch = (fact: Fact, candidate: Fact) => sameCountedThing(claim, fact, evidence, candidate, similarity);
  const unitsDiffer = (fact: Fact, candidate: Fact) => unitMatch(fact, candidate) === false;
  const unitsAgree = (fact: Fact, candidate: Fact) => unitMatch(fact, candidate) === true;
  const measuredAlike = (fact: Fact, candidate: Fact) => compareUnits(unitOf(claim, fact)?.word ?? '', unitOf(evidence, candidate)?.word ?? '') === 'same';
  // Each claim fact takes the evidence fact of the same value that sits in the closest context; that one is nobody's rival.
  // A number counting something else is not its own ("10 countries" against "10 organizations"): it stays a rival,
  // so two counts swapped between two things ("10 countries and 90 organizations" against "90 countries and 10 organizations") conflict.
  const taken = new Map<Fact, Fact>();
  for (const fact of claim.facts) {
    const own = evidence.facts.filter((candidate) => same(fact, candidate) && !unitsDiffer(fact, candidate)).sort((a, b) => context(fact, b) - context(fact, a))[0];
    if (own) taken.set(fact, own);
  }
  const result: FactComparison = { supported: [], conflicts: [], missing: [] };
  for (const fact of claim.facts) {
    const takenByOthers = new Set([...taken].filter(([other]) => other !== fact && !same(fact, taken.get(other)!)).map(([, candidate]) => candidate));
    const candidates = evidence.facts.filter((candidate) => comparable(fact, candidate) && !takenByOthers.has(candidate));
    const scored = candidates.map((candidate) => ({ candidate, context: context(fact, candidate) }));
    const sameScores = scored.filter(({ candidate }) => same(fact, candidate)).map(({ context }) => context);
    const rivals = scored.filter(({ candidate }) => !same(fact, candidate)).sort((a, b) => b.context - a.context);
    // A value the evidence already set against another of the claim's ("five or six" against "three or four") is not the next one's rival when another is there.
    const rival = rivals.find(({ candidate }) => !result.conflicts.some((conflict) => conflict.evidence === candidate)) ?? rivals[0];
    const sameBest = sameScores.length ? Math.max(...sameScores) : undefined;
    if (fact.kind === 'name') {
      // Names rarely repeat with another meaning: found anywhere (or in the title and headings) is enough.
      if (sameBest !== undefined || names.found(fact, claim.text, evidence) || options.context?.some((text) => names.found(fact, claim.text, text))) {
        result.supported.push(fact);
        continue;
      }
      // A name the claim states elsewhere ("Luther" again) is a rival only when no other name fills the slot.
      const statesAnother = (candidate: Fact) => claim.facts.some((other) => other !== fact && same(other, candidate));
      // A place is supported by one inside it and contradicted by another in the same slot; one containing it is no rival.
      const place = comparePlace(claim, fact, evidence);
      const placeRival = place?.kind === 'conflict' && !statesAnother(place.evidence) ? place.evidence : undefined;
      if (place?.kind === 'supported' || placeRival) {
        if (placeRival) result.conflicts.push({ claim: fact, evidence: placeRival });
        else result.supported.push(fact);
        continue;
      }
      const nested = (candidate: Fact) => placeRelation(fact.text, candidate.text) === 'inside';
      const slotRivals = rivals.filter(({ candidate, context }) => context >= NAME_CONFLICT_CONTEXT && !nested(candidate) && sameSlot(claim, fact, evidence, candidate, similarity));
      const nameRival = slotRivals.find(({ candidate }) => !statesAnother(candidate)) ?? slotRivals[0];
      if (nameRival) result.conflicts.push({ claim: fact, evidence: nameRival.candidate });
      else result.missing.push(fact);
      continue;
    }
    // A number counts something: the same value counting another thing ("10 organizations" for
    // "10 countries") does not support it, and another value counting the same thing contradicts it.
    const counted = scored.filter(({ candidate }) => same(fact, candidate) && !unitsDiffer(fact, candidate)).map(({ context }) => context);
    const sameCount = counted.length ? Math.max(...counted) : undefined;
    const countRival = rivals.find(({ candidate, context }) => context >= 0 && unitsAgree(fact, candidate));
    // The same measure in the same unit ("37 miles", "(37 mi)") is the claim's, wherever the evidence puts it.
    const sameMeasure = scored.some(({ candidate }) => same(fact, candidate) && measuredAlike(fact, candidate));
    if (sameMeasure) {
      result.supported.push(fact);
      continue;
    }
    if (sameScores.length > 0 && sameCount === undefined && countRival) {
      result.conflicts.push({ claim: fact, evidence: countRival.candidate });
      continue;
    }
    // The same number bounded from the other side ("fewer than ten" against "over ten") is another quantity.
    const sameBestFact = scored.filter(({ candidate }) => same(fact, candidate)).sort((a, b) => b.context - a.context)[0]?.candidate;
    const opposed = sameBestFact && opposedBounds(claim, fact, evidence, sameBestFact);
    if (opposed) {
      result.conflicts.push(opposed);
      continue;
    }
    const inContext = options.context?.some((text) => text.facts.some((other) => same(fact, other))) ?? false;
    if ((sameBest !== undefined && (!rival || sameBest >= rival.context - SAME_MARGIN)) || (inContext && (!rival || rival.context < CONFLICT_CONTEXT))) {
      result.supported.push(fact);
      continue;
    }
    // The only date (or count) of the claim against the only one of the evidence: the statement's own, whatever the wording around it.
    const onlyOnes = sameBest === undefined && rivals.length === 1 && claim.facts.filter((other) => other.kind === fact.kind).length === 1 && rival!.context >= 0;
    if (rival && (rival.context >= CONFLICT_CONTEXT || onlyOnes)) result.conflicts.push({ claim: fact, evidence: rival.candidate });
    else if (sameBest !== undefined && sameBest > 0) result.supported.push(fact);
    else result.missing.push(fact);
  }
  return result;
}
