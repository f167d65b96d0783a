import type { Assessment, PreparedClaim } from './assess.js';
import type { ClauseUnit } from './by-clause.js';
import { VERDICTS, type Verdict } from './types.js';

/**
 * What the learned verdict is decided on: the rules' own reading (their verdict, for the whole claim
 * and for its best single piece of evidence) and the signals behind it — how much of the claim the
 * evidence covers, what is missing or changed, polarity, roles, and what the other evidence says.
 * One vector per claim; the weights are fitted on the labelled claims (scripts/fit/checker-verdict.ts).
 */

export interface VerdictEvidence extends ClauseUnit, Pick<Assessment, 'exactCoverage' | 'antonyms' | 'rivalValues'> {
  parts?: readonly unknown[];
}

export interface VerdictInputs<T extends VerdictEvidence> {
  claim: PreparedClaim;
  /** How many parts (clauses) the claim was split into. */
  parts: number;
  /** For a claim of several parts, each part's verdict against the evidence that best states it (else empty). */
  partVerdicts: readonly Verdict[];
  /** Every piece of evidence read, best first, as the rules scored it for the whole claim. */
  scored: readonly T[];
  /** The evidence the rules settled on, with their verdict (after reading clause by clause). */
  best: T;
}

/** Names of the features, in vector order (kept with the weights so a stale model is refused). */
export const FEATURE_NAMES = [
  ...VERDICTS.map((verdict) => `rule:${verdict}`),
  ...VERDICTS.map((verdict) => `first:${verdict}`),
  'coverage',
  'exactCoverage',
  'largestGap',
  'conflictShare',
  'factsSupported',
  'factsConflicting',
  'factsMissing',
  'replaced',
  'antonyms',
  'negationMismatch',
  'roleSwap',
  'hedgeMismatch',
  'verbMissing',
  'statesOpposite',
  'missingParts',
  'claimParts',
  'claimHedged',
  'claimNegated',
  'claimTerms',
  'pairOfSentences',
  'topCoverage',
  'contradictingCoverage',
  'supportingCoverage',
  'otherConflicts',
  'claimValues',
  'claimNames',
  'valueConflict',
  'nameConflict',
  'opposedCoverage',
  'conflictingCoverage',
  'missingShare',
  'partsStated',
  'firstPartStated',
  'partContradicted',
  'rivalValues',
  'topRivalValues',
] as const;

/** How many of the best-ranked pieces of evidence are looked through for another reading. */
const LOOK_AT = 4;
const capped = (n: number, max = 3) => Math.min(n, max);
const flag = (value: boolean) => (value ? 1 : 0);
const oneHot = (verdict: Verdict) => VERDICTS.map((v) => flag(v === verdict));

export function verdictFeatures<T extends VerdictEvidence>({ claim, parts, partVerdicts, scored, best }: VerdictInputs<T>): number[] {
  const top = scored.slice(0, LOOK_AT);
  const claimFacts = claim.analysed.facts;
  const first = scored[0] ?? best;
  const bestCoverage = (verdict: Verdict) => Math.max(0, ...top.filter((unit) => unit.verdict === verdict).map((unit) => unit.coverage));
  return [
    ...oneHot(best.verdict),
    ...oneHot(first.verdict),
    best.coverage,
    best.exactCoverage,
    best.largestGap,
    best.conflictShare,
    capped(best.facts.supported.length),
    capped(best.facts.conflicts.length),
    capped(best.facts.missing.length),
    capped(best.replaced.length),
    capped(best.antonyms.length),
    flag(best.negationMismatch),
    flag(best.roleSwap !== undefined),
    flag(best.hedgeMismatch),
    flag(best.verbMissing),
    flag(best.statesOpposite),
    capped(best.missing.length),
    capped(parts),
    flag(claim.hedged),
    flag(claim.negated),
    Math.log1p(claim.terms.length),
    flag(best.parts !== undefined),
    first.coverage,
    bestCoverage('contradicted'),
    bestCoverage('supported'),
    flag(top.some((unit) => unit !== best && unit.facts.conflicts.length > 0 && unit.verdict === 'contradicted')),
    capped(claimFacts.filter((fact) => fact.kind !== 'name').length),
    capped(claimFacts.filter((fact) => fact.kind === 'name').length),
    flag(best.facts.conflicts.some(({ claim: own }) => own.kind !== 'name')),
    flag(best.facts.conflicts.some(({ claim: own }) => own.kind === 'name')),
    Math.max(0, ...scored.filter((unit) => unit.negationMismatch || unit.roleSwap !== undefined || unit.antonyms.length > 0).map((unit) => unit.coverage)),
    Math.max(0, ...scored.filter((unit) => unit.facts.conflicts.length > 0).map((unit) => unit.coverage)),
    Math.min(1, best.missing.join(' ').length / Math.max(1, claim.analysed.text.length)),
    partVerdicts.length === 0 ? 0 : partVerdicts.filter((verdict) => verdict === 'supported').length / partVerdicts.length,
    flag(partVerdicts[0] === 'supported'),
    flag(partVerdicts.includes('contradicted')),
    capped(best.rivalValues),
    capped(Math.max(0, ...top.map((unit) => unit.rivalValues))),
  ];
}
