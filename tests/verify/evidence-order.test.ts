import { describe, expect, it } from 'vitest';
import { strongest } from '../../src/verify/verdict.js';
import type { Verdict } from '../../src/verify/types.js';

const unit = (name: string, verdict: Verdict, exactCoverage: number, statesOpposite = false, conflicts = 0) => ({
  name,
  verdict,
  exactCoverage,
  statesOpposite,
  facts: { supported: [], missing: [], conflicts: Array.from({ length: conflicts }, () => ({}) as never) },
});

describe('which evidence is read first', () => {
  it('prefers an explicit opposite in at least as many of the claim’s own words over a near-synonym support', () => {
    expect(strongest([unit('support', 'supported', 0.74), unit('opposite', 'contradicted', 0.76, true)])?.name).toBe('opposite');
  });

  it('keeps the support when it holds more of the claim’s own words, or the contradiction is a changed value or a missing "not"', () => {
    expect(strongest([unit('support', 'supported', 0.9), unit('opposite', 'contradicted', 0.76, true)])?.name).toBe('support');
    expect(strongest([unit('support', 'supported', 0.7), unit('changed year', 'contradicted', 0.9, true, 1)])?.name).toBe('support');
    expect(strongest([unit('support', 'supported', 0.7), unit('lacks the "not"', 'contradicted', 0.9, false)])?.name).toBe('support');
  });

  it('leaves a best piece of evidence that is not a support alone', () => {
    expect(strongest([unit('partial', 'partially_supported', 0.5), unit('opposite', 'contradicted', 0.9, true)])?.name).toBe('partial');
    expect(strongest([])).toBeUndefined();
  });
});
