import { describe, expect, it } from 'vitest';
import { fitMultinomial } from '../../scripts/fit/multinomial.js';
import { currentModel, learnedVerdict, softmaxScores, type VerdictModel } from '../../src/verify/learned-verdict.js';
import fitted from '../../src/verify/verdict-model.json' with { type: 'json' };
import { FEATURE_NAMES } from '../../src/verify/verdict-features.js';
import { VERDICTS } from '../../src/verify/types.js';

/** A model that reads only the rules' verdict (the first four features) back. */
function rulesEcho(): VerdictModel {
  const weights = VERDICTS.map((_, k) => FEATURE_NAMES.map((_, j) => (j === k ? 5 : 0)));
  return { features: [...FEATURE_NAMES], classes: [...VERDICTS], bias: VERDICTS.map(() => 0), weights };
}

const withRule = (k: number) => FEATURE_NAMES.map((_, j) => (j === k ? 1 : 0));

describe('learned verdict', () => {
  it('the committed model was fitted on the features the checker computes', () => {
    expect(currentModel(fitted as VerdictModel)).not.toBeNull();
  });

  it('picks the most probable class', () => {
    VERDICTS.forEach((verdict, k) => expect(learnedVerdict(withRule(k), 'not_found', rulesEcho())).toBe(verdict));
    const p = softmaxScores(rulesEcho(), withRule(2));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it("keeps the rules' contradiction, and their support by evidence that states the claim word for word", () => {
    expect(learnedVerdict(withRule(0), 'contradicted', rulesEcho())).toBe('contradicted');
    const quoted = withRule(3).map((v, j) => (FEATURE_NAMES[j] === 'exactCoverage' ? 1 : v));
    expect(learnedVerdict(quoted, 'supported', rulesEcho())).toBe('supported');
    expect(learnedVerdict(withRule(3), 'supported', rulesEcho())).toBe('not_found');
  });

  it("lets the model decide a rules' contradiction by evidence that leaves part of the claim unstated", () => {
    const withGap = (k: number) => withRule(k).map((v, j) => (FEATURE_NAMES[j] === 'largestGap' ? 0.2 : v));
    expect(learnedVerdict(withGap(3), 'contradicted', rulesEcho())).toBe('not_found');
    expect(learnedVerdict(withGap(2), 'contradicted', rulesEcho())).toBe('contradicted');
    expect(learnedVerdict(withRule(3), 'contradicted', rulesEcho())).toBe('contradicted');
  });

  it('a model fitted on other features is not used: the rules decide', () => {
    const stale = { ...rulesEcho(), features: ['coverage'] };
    expect(currentModel(stale)).toBeNull();
    expect(learnedVerdict(withRule(0), 'not_found', null)).toBeUndefined();
  });

  it('fits classes apart on separable data, on the raw inputs', () => {
    const centres = [[0, 0], [4, 0], [0, 4]];
    const examples = centres.flatMap((centre, y) => [-0.5, 0, 0.5].flatMap((dx) => [-0.5, 0.5].map((dy) => ({ x: [centre[0]! + dx, centre[1]! + dy], y }))));
    const model = fitMultinomial(examples, { classes: 3, iterations: 500 });
    for (const example of examples) {
      const p = softmaxScores(model, example.x);
      expect(p.indexOf(Math.max(...p))).toBe(example.y);
    }
  });
});
