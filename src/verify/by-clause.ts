import type { Clause } from './clauses.js';
import { rank, type Assessed } from './verdict.js';
import type { SpanRef, Verdict } from './types.js';

/**
 * A claim that states two things, read part by part: it is supported only when every part is, and
 * partially supported when one part is stated and another is not — the missing part named. A part
 * is read first against the evidence that best covers the whole claim; when that evidence states
 * no part of it (the claim's added detail drags the whole below what a statement needs), each part
 * is read against the evidence that best states it.
 */

export interface ClauseUnit extends Assessed, SpanRef {
  score: number;
  verdict: Verdict;
  statesOpposite: boolean;
  hedgeMismatch: boolean;
  missing: string[];
}

export interface ClauseReading<T extends ClauseUnit> {
  best: T;
  /** Further evidence, one per part stated elsewhere than in `best`. */
  others: T[];
}

/** `score(part, unit)`: the part read as a claim of its own against one piece of evidence. */
export type ScorePart<T extends ClauseUnit> = (part: Clause, unit: T) => T;

/** `score`, each part's reading of each piece of evidence computed once (the same Clause and unit objects give the same reading). */
export function rememberedParts<T extends ClauseUnit>(score: ScorePart<T>): ScorePart<T> {
  const readings = new Map<Clause, Map<T, T>>();
  return (part, unit) => {
    const byUnit = readings.get(part) ?? readings.set(part, new Map()).get(part)!;
    return byUnit.get(unit) ?? byUnit.set(unit, score(part, unit)).get(unit)!;
  };
}

const stated = (verdict: Verdict) => verdict === 'supported' || verdict === 'contradicted';
const withoutStop = (part: Clause) => part.text.replace(/[.!?]+$/, '');

export function readByClause<T extends ClauseUnit>(parts: readonly Clause[], scored: readonly T[], score: ScorePart<T>): ClauseReading<T> {
  const best = readFor(parts, scored, score);
  if (parts.length < 2 || best.verdict === 'contradicted') return { best, others: [] };
  // Each clause is checked against the same evidence first: scattered words elsewhere do not make a statement.
  const readings = parts.map((part) => score(part, best));
  const verdicts = readings.map((reading) => reading.verdict);
  const held = verdicts.filter(stated).length;
  if (held === 0) return readApart(parts, scored, score, best);
  if (readings.some((reading) => reading.verdict === 'contradicted' && !(best.verdict === 'supported' && polarityOnly(reading)))) return { best: { ...best, verdict: 'contradicted' }, others: [] };
  // A hedge on one side only ("is said to have attended") is less than the statement, clause by clause too.
  if (held === parts.length) return { best: best.verdict === 'supported' || best.hedgeMismatch ? best : { ...best, verdict: 'supported' }, others: [] };
  return { best: partial(best, parts.filter((_, i) => verdicts[i] !== 'supported')), others: [] };
}

/**
 * A part read alone loses the rest of its sentence: when the whole claim is supported by the
 * evidence, a part that only seems negated there ("…killed by a signal not handled…" without the
 * "are not called" it belongs to) is no contradiction; a value it states differently still is.
 */
const polarityOnly = (reading: ClauseUnit) => reading.facts.conflicts.length === 0;

/** The claim's verdict with `unstated` parts listed first among what is missing. */
function partial<T extends ClauseUnit>(unit: T, unstated: readonly Clause[]): T {
  const missing = unstated.map(withoutStop);
  return { ...unit, verdict: 'partially_supported', missing: [...new Set([...missing, ...unit.missing.filter((gap) => !missing.some((part) => part.includes(gap)))])] };
}

/**
 * Parts read each against its own best evidence, when the whole claim's best states none of them:
 * a part stated as claimed while no part is contradicted makes the claim partially supported (or
 * supported, when every part is stated, each by its own sentence).
 */
function readApart<T extends ClauseUnit>(parts: readonly Clause[], scored: readonly T[], score: ScorePart<T>, best: T): ClauseReading<T> {
  const own = parts.map((part) => ownBest(part, scored, score));
  if (own.some(({ reading }) => reading.verdict === 'contradicted')) return { best, others: [] };
  const stating = own.filter(({ reading }) => reading.verdict === 'supported').map(({ unit }) => unit);
  const [first, ...others] = stating;
  // The first part holds the claim's subject; a later one alone ("to build a cathedral in Berlin") states nothing about it.
  if (!first || own[0]!.reading.verdict !== 'supported') return { best, others: [] };
  if (stating.length === parts.length) return { best: { ...first, verdict: 'supported', missing: [] }, others };
  return { best: partial(first, parts.filter((_, i) => own[i]!.reading.verdict !== 'supported')), others };
}

/** The evidence that best states `part`, with the part's reading of it. */
export function ownBest<T extends ClauseUnit>(part: Clause, scored: readonly T[], score: ScorePart<T>): { unit: T; reading: T } {
  return scored.map((unit) => ({ unit, reading: score(part, unit) })).sort((a, b) => rank(b.reading) - rank(a.reading))[0]!;
}

/**
 * Which evidence a two-part claim is read against: the one that best covers the whole claim,
 * unless that one contradicts it while no clause's own best evidence does and one's states it as
 * claimed ("received his master's degree in 1505" against "ordained in 1507", for "…master's
 * degree in 1505 and was elected rector"): then that clause's evidence.
 */
function readFor<T extends ClauseUnit>(parts: readonly Clause[], scored: readonly T[], score: ScorePart<T>): T {
  const best = scored[0]!;
  if (parts.length < 2 || best.verdict !== 'contradicted') return best;
  const bestForClause = parts.map((part) => ownBest(part, scored, score));
  if (bestForClause.some(({ reading }) => reading.verdict === 'contradicted')) return best;
  return bestForClause.find(({ reading }) => reading.verdict === 'supported')?.unit ?? best;
}
