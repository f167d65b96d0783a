import type { AnalysedText } from '../match/facts.js';
import type { Candidate } from './candidates.js';
import { declinedByRule, declineProbability, isOutmatched, lacksAskedValue, unmatchedSpecifics, type Outmatcher } from './decline.js';
import type { SpecificsCheck } from './specifics.js';
import { NONE_UNMATCHED, type UnmatchedTerms } from './unmatched-terms.js';
import type { AnswerWeights } from './weights.js';

/** How many of the best candidates are checked for the question's specifics before declining. */
const SPECIFICS_CANDIDATES = 6;

export interface Judged extends Candidate {
  specifics: SpecificsCheck;
  /** A higher-ranked candidate stating the question's specifics differently covers the question clearly better (see declinedByRule). */
  outmatched: boolean;
  /** What of the question it leaves unsaid (an input of the decline model). */
  unmatched: UnmatchedTerms;
  /** Its score less the best other candidate's (an input of the decline model). */
  margin: number;
  /** Probability that it answers the question (the decline model). */
  probability: number;
}

/**
 * The best candidates (up to SPECIFICS_CANDIDATES, best first), each judged — its check of the
 * question's specifics and the probability that it answers — when first asked for, in rank order
 * (a candidate is outmatched by the higher-ranked ones). The check is much of a question's cost, and
 * an answer usually needs only the first few.
 */
export class JudgedCandidates {
  readonly #judged: Judged[] = [];
  /** The candidates judged so far that state the question's specifics differently. */
  readonly #conflicted: Outmatcher[] = [];

  constructor(
    readonly ranked: readonly Candidate[],
    private readonly facts: AnalysedText,
    private readonly information: number,
    private readonly weights: AnswerWeights,
    private readonly check: (candidate: Candidate) => SpecificsCheck,
    private readonly unsaid: (candidate: Candidate, specifics: SpecificsCheck) => UnmatchedTerms = () => NONE_UNMATCHED,
  ) {}

  get size(): number {
    return Math.min(this.ranked.length, SPECIFICS_CANDIDATES);
  }

  at(index: number): Judged {
    while (this.#judged.length <= index) {
      const candidate = this.ranked[this.#judged.length]!;
      const specifics = this.check(candidate);
      const outmatched = isOutmatched(candidate.features.coverage, specifics, this.#conflicted, this.facts);
      if (specifics.conflicting.length > 0 || specifics.swapped.length > 0) {
        this.#conflicted.push({ coverage: candidate.features.coverage, conflicting: specifics.conflicting, swapsNouns: specifics.swapped.length > 0 });
      }
      const rival = this.ranked[this.#judged.length === 0 ? 1 : 0];
      const margin = candidate.score - (rival?.score ?? 0);
      const unmatched = this.unsaid(candidate, specifics);
      const probability = declineProbability({ features: candidate.features, specifics, information: this.information, unmatched, margin }, this.weights);
      this.#judged.push({ ...candidate, specifics, outmatched, unmatched, margin, probability });
    }
    return this.#judged[index]!;
  }

  all(): Judged[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i));
  }
}

/**
 * What an answer quotes: the best-scoring candidate that holds the question's specifics (else the
 * first), unless it may not answer; and the others scoring at least `ratio` of it that may answer too. When the question
 * asks for a year, count or length of time, one of them must state one (lacksAskedValue).
 * Candidates come best first, so those after the best are judged only while they score high enough.
 */
export interface QuotedChoice {
  best: Judged | undefined;
  /** The best may not answer: the question is declined. */
  declined: boolean;
  companions: Judged[];
}

export function chooseQuoted(judged: JudgedCandidates, ratio: number, threshold: number): QuotedChoice {
  let best: Judged | undefined;
  for (let i = 0; i < judged.size && !best; i++) if (!unmatchedSpecifics(judged.at(i).specifics)) best = judged.at(i);
  best ??= judged.size > 0 ? judged.at(0) : undefined;
  if (!best || best.probability < threshold || declinedByRule(best)) return { best, declined: true, companions: [] };
  const close: Judged[] = [];
  for (let i = 0; i < judged.size && judged.ranked[i]!.score >= ratio * best.score; i++) if (judged.at(i) !== best) close.push(judged.at(i));
  if (lacksAskedValue(best, close)) return { best, declined: true, companions: [] };
  return { best, declined: false, companions: close.filter((candidate) => candidate.probability >= threshold) };
}

/**
 * When the question asks for a kind of phrase (a date for "when", a number for "how many", a name for "who") that
 * neither the best candidate nor those quoted beside it hold, the best-ranked other candidate that holds one and may
 * answer: a reworded question ranks first the sentence that repeats most of its words ("Tesla was confined to bed with
 * cholera"), while the value asked for sits in a sentence saying the rest in other words. Like any companion it need not
 * pass the decline rules, only state no specific of the question differently. Only the candidates up to it are judged.
 */
export function typedCompanion(judged: JudgedCandidates, quoted: readonly Candidate[], threshold: number): Judged | undefined {
  const offers = (candidate: Candidate) => candidate.features.offersType === 1;
  if (quoted.some(offers)) return undefined;
  for (let i = 0; i < judged.size; i++) {
    if (!offers(judged.ranked[i]!)) continue;
    const candidate = judged.at(i);
    if (candidate.probability >= threshold && !unmatchedSpecifics(candidate.specifics)) return candidate;
  }
  return undefined;
}
