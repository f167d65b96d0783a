import { describe, expect, it } from 'vitest';
import { mirroredParties } from '../../src/match/mirrored-roles.js';
import { partiesSwappedBy } from './swapped-parties.js';

const mirrored = partiesSwappedBy(mirroredParties);

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
