import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/answer/candidates.js';
import { chooseQuoted, JudgedCandidates, typedCompanion } from '../../src/answer/judged.js';
import type { SpecificsCheck } from '../../src/answer/specifics.js';
import { DEFAULT_WEIGHTS } from '../../src/answer/weights.js';
import { analyse } from '../../src/match/facts.js';

const held: SpecificsCheck = { conflicting: [], absent: [], nearby: [], unsaid: [], swapped: [], stated: [], total: 0 };
const facts = analyse('When did China sign it?');
const conflicting: SpecificsCheck = { ...held, conflicting: [facts.facts[0]!], total: 1 };

/** Candidates with the given scores, best first, each covering the whole question in its first passage; `typed`: which of them hold the kind of phrase asked for (all by default). */
function candidates(scores: number[], typed = (_index: number) => true): Candidate[] {
  const features = { coverage: 1, exactCoverage: 1, passageCoverage: 1, offersType: 1, short: 0, rank: 0 };
  return scores.map((score, i) => ({ score, features: { ...features, offersType: typed(i) ? 1 : 0 }, sentence: { start: i } }) as unknown as Candidate);
}

function judging(scores: number[], specifics: (index: number) => SpecificsCheck, typed?: (index: number) => boolean) {
  const checked: number[] = [];
  const ranked = candidates(scores, typed);
  const judged = new JudgedCandidates(ranked, facts, 10, DEFAULT_WEIGHTS, (candidate) => {
    const index = ranked.indexOf(candidate);
    checked.push(index);
    return specifics(index);
  });
  return { judged, checked };
}

describe('JudgedCandidates and chooseQuoted', () => {
  it('judges candidates in rank order, each once, and no more than an answer needs', () => {
    const { judged, checked } = judging([10, 9, 5, 4, 3, 2, 1], () => held);
    const choice = chooseQuoted(judged, 0.85, 0);
    expect(choice.best?.score).toBe(10);
    expect(choice.companions.map((c) => c.score)).toEqual([9]);
    // The third scores under 0.85 of the best: it and the rest are never checked.
    expect(checked).toEqual([0, 1]);
    expect(judged.all().map((c) => c.score)).toEqual([10, 9, 5, 4, 3, 2]);
    expect(checked).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('skips candidates that state the specifics differently, which still count as companions when they may answer', () => {
    const { judged, checked } = judging([10, 9.5, 9, 1], (index) => (index < 2 ? conflicting : held));
    const choice = chooseQuoted(judged, 0.85, 0);
    expect(choice.best?.score).toBe(9);
    expect(checked).toEqual([0, 1, 2]);
    expect(choice.declined).toBe(false);
    expect(choice.companions.every((c) => c.score >= 0.85 * 9)).toBe(true);
  });

  it('declines below the threshold and when no candidate is left', () => {
    expect(chooseQuoted(judging([10, 9], () => held).judged, 0.85, 1.01).declined).toBe(true);
    const none = chooseQuoted(judging([], () => held).judged, 0.85, 0);
    expect(none).toEqual({ best: undefined, declined: true, companions: [] });
  });

  it('quotes the best-ranked candidate offering the kind of phrase asked for when none quoted does, judging none ranked below it', () => {
    const { judged, checked } = judging([10, 6, 5, 4, 3], (index) => (index === 2 ? conflicting : held), (index) => index >= 2);
    const choice = chooseQuoted(judged, 0.85, 0);
    expect(choice.companions).toEqual([]);
    // The third offers the type but states the question's specifics differently: the fourth is quoted.
    expect(typedCompanion(judged, [choice.best!], 0)?.score).toBe(4);
    expect(checked).toEqual([0, 1, 2, 3]);
    // When the best offers the type, nothing is added.
    const typedBest = judging([10, 6, 5], () => held);
    expect(typedCompanion(typedBest.judged, [chooseQuoted(typedBest.judged, 0.85, 0).best!], 0)).toBeUndefined();
    // Nor when no candidate offering it may answer.
    const unlikely = judging([10, 6, 5], () => held, (index) => index > 0);
    expect(typedCompanion(unlikely.judged, [unlikely.judged.at(0)], 1.01)).toBeUndefined();
  });
});
