import type { WeightedTerm } from '../match/coverage.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import { labelsName } from './labelled-numbers.js';
import type { Features } from './candidates.js';
import type { SpecificsCheck } from './specifics.js';
import type { UnmatchedTerms } from './unmatched-terms.js';
import type { AnswerWeights } from './weights.js';

/**
 * Whether the best candidate answers the question at all. A name, number or date of the question
 * that the evidence states differently, or that neither it nor its context names, makes it another
 * fact: declined by rule, and so is a sentence that a better-matching one stating them differently
 * outranks (declinedByRule), and so is one that lacks the year, count or length of time asked for (lacksAskedValue). The rest is a logistic model (DECLINE_INPUTS) fitted by scripts/fit-answer-weights.ts
 * on SQuAD questions (answered), every seen near-miss, paraphrase and off-topic set, and generated near-misses,
 * and cross-validated leave-one-round-out (scripts/fit/cross-validate-decline.ts).
 */

/** IDF sums are scaled by this so the weights stay in a readable range. */
const INFORMATION_SCALE = 10;

/** How much a question says: the sum of its terms' weights, scaled. */
export function informationOf(terms: readonly WeightedTerm[]): number {
  return terms.reduce((sum, term) => sum + term.weight, 0) / INFORMATION_SCALE;
}

/**
 * The model's inputs. Conflicting or absent specifics, swapped words and being outmatched decline by rule
 * (declinedByRule) and are no inputs: such a candidate is never scored. The others say how much of the
 * question the candidate covers (with its passage), how much it leaves to its context or unsaid
 * (unmatched-terms.ts: context vouches for less than the sentence itself), how rare what it leaves out is,
 * whether it has another of the same kind in its place, and how far it leads the next best sentence.
 */
export const DECLINE_INPUTS = [
  'coverage',
  'exactCoverage',
  'passageCoverage',
  'offersType',
  'nearby',
  'unsaid',
  'information',
  'termsUnsaid',
  'termsVouched',
  'rarestUnsaid',
  'rarestUnnamed',
  'rarestSoft',
  'softName',
  'otherOfKind',
  'opposite',
  'margin',
] as const;
export type DeclineInput = (typeof DECLINE_INPUTS)[number];

/** What the decline model reads of a candidate. */
export interface DeclineSignals {
  features: Features;
  specifics: SpecificsCheck;
  /** How much the question says (informationOf). */
  information: number;
  unmatched: UnmatchedTerms;
  /** Its sentence score less the best other candidate's. */
  margin: number;
}

/** The decline model's inputs by name. */
export function declineInputs({ features, specifics, information, unmatched, margin }: DeclineSignals): Record<DeclineInput, number> {
  const share = (facts: readonly unknown[]) => (specifics.total === 0 ? 0 : facts.length / specifics.total);
  return {
    coverage: features.coverage,
    exactCoverage: features.exactCoverage,
    passageCoverage: features.passageCoverage,
    offersType: features.offersType,
    nearby: share(specifics.nearby),
    unsaid: share(specifics.unsaid),
    information,
    termsUnsaid: unmatched.unsaid,
    termsVouched: unmatched.vouched,
    rarestUnsaid: unmatched.rarestUnsaid,
    rarestUnnamed: unmatched.rarestUnnamed,
    rarestSoft: unmatched.rarestSoft,
    softName: unmatched.softName,
    otherOfKind: unmatched.otherOfKind,
    opposite: unmatched.opposite,
    margin,
  };
}

/**
 * A name, number or date of the question that the evidence states differently ("When did China and
 * Canada sign …?" against China and Vietnam), or that neither it nor its context names ("… in
 * Shanghai?" against a sentence about Beijing), makes it another fact: declined, whatever the other
 * signals say. The fitted model decides the rest (scripts/fit-answer-weights.ts fits it with this rule in place).
 */
export const unmatchedSpecifics = (specifics: SpecificsCheck) => specifics.conflicting.length > 0 || specifics.absent.length > 0 || specifics.swapped.length > 0;

/**
 * Coverage differences up to this are noise (one light word of the question, "took place" for "was held"):
 * a sentence is outmatched only by one that covers the question clearly better.
 */
export const OUTMATCH_MARGIN = 0.05;

/** A higher-ranked sentence that states some of the question's specifics differently, and how well it covers the question. */
export interface Outmatcher {
  coverage: number;
  conflicting: readonly Fact[];
  /** It replaces a noun of the question by a sibling ("pears" for "plums"): about another thing of the same kind. */
  swapsNouns: boolean;
}

/**
 * Whether a higher-ranked sentence stating the question's specifics differently covers the question clearly better
 * than this one — unless all it states differently are counts that this one states as the question does:
 * "Sky picked up the remaining four for £1.3bn" is about the four packages asked for, whatever "Sky bid £4.2bn for
 * a package of 120 games" covers. A noun replaced by a sibling outmatches ("… 90% of Australian pears" for "plums": the
 * sentence after it, on wheat, is no answer either). A name stated differently still outmatches ("the University of Warsaw" for "Kraków"),
 * and so does a number that labels one ("Super Bowl 50" for "Super Bowl 49"), and a year: a sentence that mentions the
 * question's year in passing ("Prior to October 2005, three channels …") is rarely about what happened then.
 */
export function isOutmatched(coverage: number, specifics: SpecificsCheck, better: readonly Outmatcher[], question: AnalysedText): boolean {
  // Facts of the same question, told apart by where they stand in it; a number that labels a name ("Super Bowl 49") is part of the name.
  const ownValue = (fact: Fact) => fact.kind === 'number' && !labelsName(question, fact) && specifics.stated.some((stated) => stated.start === fact.start);
  return better.some((other) => other.coverage > coverage + OUTMATCH_MARGIN && (other.swapsNouns || !other.conflicting.every(ownValue)));
}

/** A candidate as the decline rules see it: its check of the question's specifics, whether a sentence stating them differently outmatches it, and what it leaves unsaid. */
export interface RuledCandidate {
  specifics: SpecificsCheck;
  /** A higher-ranked sentence stating the question's specifics differently covers the question better (by more than OUTMATCH_MARGIN). */
  outmatched: boolean;
  unmatched: UnmatchedTerms;
}

/**
 * Declined whatever the model says: the candidate's specifics are unmatched, or a higher-ranked sentence
 * that matches the question better states them differently — when the sentence closest to the
 * question is about another fact ("the University of Warsaw was established …" for "the University of
 * Kraków"), a sentence that matches less and happens to name nothing wrong is rarely the answer — or it names another
 * of the kind in the place of a question name it matches only softly (unmatched-terms.ts's anotherName: either alone is
 * common in right answers, together they were in none of the SQuAD questions fitted on), or it states the question's
 * superlative only at another rank ("the second-busiest airport" for "the third busiest"; unmatched-terms.ts's otherRank).
 */
export const declinedByRule = (candidate: RuledCandidate) =>
  unmatchedSpecifics(candidate.specifics) || candidate.outmatched || candidate.unmatched.anotherName === 1 || candidate.unmatched.otherRank === 1;

/**
 * A question asking for a year, a month, a count or a length of time (asked-value.ts) that neither the best sentence nor
 * any sentence quoted beside it answers with such a value is declined: "In what year was Chopin born in Żelazowa Wola?"
 * is not answered by "Chopin was born in the village of Żelazowa Wola, about 60 km from Warsaw", however much of the
 * question it says. `besides`: the other candidates scoring close enough to the best to be quoted with it.
 */
export const lacksAskedValue = (best: { unmatched: UnmatchedTerms }, besides: ReadonlyArray<{ unmatched: UnmatchedTerms }>) =>
  best.unmatched.valueUnsaid === 1 && besides.every((other) => other.unmatched.valueUnsaid === 1);

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Probability (0–1) that the candidate answers the question; an input the weights do not name weighs nothing. */
export function declineProbability(signals: DeclineSignals, weights: AnswerWeights): number {
  const inputs = declineInputs(signals);
  return sigmoid(weights.decline.bias + DECLINE_INPUTS.reduce((sum, input) => sum + inputs[input] * (weights.decline.weights[input] ?? 0), 0));
}
