import { describe, expect, it } from 'vitest';
import { openCheckerDocent, verifyExact } from '../helpers/fixtures.js';

/** A name before a relative pronoun is not the subject of the relative clause's verb: listing it among the others' partners swaps no roles. */
describe('CitationChecker: a party outside a relative clause', async () => {
  const docent = await openCheckerDocent({
    'peacekeeping.md': [
      '# Exchanges',
      'Chinese peacekeeping troops in Mali, Sudan and Lebanon have exchanged experience with their counterparts from countries including France, Senegal and Spain.',
      'The PLA received more than 180 visits from other countries.',
    ].join('\n\n'),
  });

  it('supports a list member named before "whose", citing the sentence', async () => {
    const result = await verifyExact(docent, 'Senegal is one of the countries whose peacekeepers exchanged experience with Chinese peacekeeping troops.');
    expect(result.verdict).toBe('supported');
    expect(result.evidence[0]?.quote).toBe('Chinese peacekeeping troops in Mali, Sudan and Lebanon have exchanged experience with their counterparts from countries including France, Senegal and Spain.');
  });

  it('still contradicts roles swapped in a main clause', async () => {
    const result = await verifyExact(docent, 'Other countries received more than 180 visits from the PLA.');
    expect(result.verdict).toBe('contradicted');
  });
});
