import type { Token } from '../match/analyzer.js';
import { coverageDetail, type WeightedTerm } from '../match/coverage.js';
import { compareFacts, type FactComparison } from '../match/fact-compare.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import type { NameMatcher } from '../match/names.js';
import { hedges, negations } from '../match/polarity.js';
import type { TermSimilarity } from '../match/term-similarity.js';

/**
 * How one piece of evidence bears on a claim: how much of the claim's wording it covers, which of
 * the claim's facts it states (in their own context), states differently or lacks, and whether it
 * says the opposite (negation) or less (hedging).
 */

export interface PreparedClaim {
  analysed: AnalysedText;
  /** Content terms, numbers excluded (they are checked as facts). */
  terms: WeightedTerm[];
  negated: boolean;
  hedged: boolean;
  hedgeWords: string[];
}

export interface Assessment {
  /** IDF-weighted share of the claim's words the evidence covers, words of changed facts left out. */
  coverage: number;
  facts: FactComparison;
  /** The claim says "not" where the evidence does not, or the other way round. */
  negationMismatch: boolean;
  /** Only one of the two hedges ("reportedly", "rumoured"). */
  hedgeMismatch: boolean;
  /** Share of the claim's weight in the words of values the evidence states differently. */
  conflictShare: number;
  /** Share of the claim's weight in its largest run of unmatched words. */
  largestGap: number;
  /** The parts of the claim the evidence does not state, as written in the claim. */
  missing: string[];
}

export interface AssessContext {
  similarity: TermSimilarity;
  names: NameMatcher;
  /** The document's title and headings: names there count as found. */
  context: readonly AnalysedText[];
  /** Tokens of the title, added to the evidence's words. */
  contextTokens: readonly Token[];
}

/** A word matched less closely than this is a part of the claim the evidence does not state. */
const WEAK_MATCH = 0.65;

const belongsTo = (term: WeightedTerm, facts: readonly Fact[]) => facts.some((fact) => fact.words.some((word) => word.term === term.term));

export function assess(claim: PreparedClaim, evidence: AnalysedText, ctx: AssessContext): Assessment {
  const facts = compareFacts(claim.analysed, evidence, { names: ctx.names, similarity: (a, b) => ctx.similarity.similarity(a, b), context: ctx.context });
  const { matches } = coverageDetail(claim.terms, [...evidence.tokens, ...ctx.contextTokens], ctx.similarity);
  // Only the words that differ are the changed value: "Pope" is shared by "Pope Julius II" and "Pope Leo X".
  const conflicted = facts.conflicts.map(({ claim: own, evidence: theirs }) => ({ ...own, words: own.words.filter((word) => !theirs.words.some((other) => other.term === word.term)) }));
  const supportedFacts = facts.supported;
  let covered = 0;
  let total = 0;
  let conflictWeight = 0;
  for (const { term, match } of matches) {
    if (belongsTo(term, conflicted)) {
      conflictWeight += term.weight;
      continue;
    }
    total += term.weight;
    covered += term.weight * (belongsTo(term, supportedFacts) ? 1 : match);
  }
  const coverage = total === 0 ? 0 : covered / total;
  const unmatched = new Set(matches.filter(({ term, match }) => match < WEAK_MATCH && !belongsTo(term, supportedFacts) && !belongsTo(term, conflicted)).map(({ term }) => term.term));
  const { gaps, largest } = unmatchedRuns(claim, unmatched, facts.missing);
  const matchedTokens = evidence.tokens.filter((token) => matches.some(({ term, match }) => match >= 1 && term.term === token.term));
  const from = Math.min(...matchedTokens.map((token) => token.start));
  const to = Math.max(...matchedTokens.map((token) => token.end));
  const evidenceNegated = matchedTokens.length > 0 && negations(evidence.text, Math.max(0, from - 30), to).length > 0;
  const evidenceHedged = hedges(evidence.text).length > 0;
  const missing = [...new Set([...gaps, ...(claim.hedged && !evidenceHedged ? claim.hedgeWords : [])])];
  return {
    coverage,
    facts,
    negationMismatch: claim.negated !== evidenceNegated,
    hedgeMismatch: claim.hedged !== evidenceHedged,
    conflictShare: conflictWeight / Math.max(1e-9, total + conflictWeight),
    largestGap: total === 0 ? 0 : largest / claim.terms.reduce((sum, term) => sum + term.weight, 0),
    missing,
  };
}

/** Runs of the claim's unmatched words (stop words between them kept), with missing facts, as written in the claim. */
function unmatchedRuns(claim: PreparedClaim, unmatched: ReadonlySet<string>, missingFacts: readonly Fact[]): { gaps: string[]; largest: number } {
  const { text, tokens } = claim.analysed;
  const weight = new Map(claim.terms.map((term) => [term.term, term.weight]));
  const missingAt = (i: number) => missingFacts.some((fact) => i >= fact.first && i <= fact.last);
  const gaps: string[] = [];
  let largest = 0;
  let run: Token[] = [];
  let runWeight = 0;
  const close = () => {
    if (run.length) gaps.push(text.slice(run[0]!.start, run.at(-1)!.end));
    largest = Math.max(largest, runWeight);
    run = [];
    runWeight = 0;
  };
  tokens.forEach((token, i) => {
    if (unmatched.has(token.term) || missingAt(i)) {
      run.push(token);
      runWeight += weight.get(token.term) ?? 0;
    } else close();
  });
  close();
  return { gaps, largest };
}
