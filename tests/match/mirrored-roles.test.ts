import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/match/analyzer.js';
import { analyse } from '../../src/match/facts.js';
import { mirroredParties } from '../../src/match/mirrored-roles.js';
import { nameMatcher } from '../../src/match/names.js';

const sameWord = (a: Token, b: Token) => a.term === b.term;
const mirrored = (claim: string, evidence: string) => {
  const found = mirroredParties(analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true }), { names: nameMatcher(), sameWord });
  return found && `${found.claim.text}→${found.evidence.text}`;
};

describe('parties mirrored around the same words', () => {
  it('finds two parties that trade places around the same relation words, with no verb between them', () => {
    expect(mirrored('NamedTemporaryFile is an alias for TemporaryFile.', 'On other platforms, TemporaryFile is an alias for NamedTemporaryFile.')).toBe('NamedTemporaryFile→TemporaryFile');
    expect(mirrored('Teachers who had enthusiastic students rate them higher.', 'Students who had enthusiastic teachers rate them higher.')).toBe('Teachers→Students');
  });

  it('reads the passive, other words between the parties, or the claim order stated too, as no swap', () => {
    expect(mirrored('Pope Leo X excommunicated Luther in 1521.', 'Luther was excommunicated by Pope Leo X in 1521.')).toBeUndefined();
    expect(mirrored('The Edict of Nantes ended the wars.', 'The wars finally ended with the granting of the Edict of Nantes.')).toBeUndefined();
    expect(mirrored('Teachers who had enthusiastic students rate them higher.', 'Teachers who had enthusiastic students, and students who had enthusiastic teachers, rate them higher.')).toBeUndefined();
    expect(mirrored('China and Mongolia held a joint exercise.', 'Mongolia and China held a joint exercise.')).toBeUndefined();
  });
});
