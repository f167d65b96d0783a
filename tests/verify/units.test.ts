import { describe, expect, it } from 'vitest';
import { compareUnits, unitSpellings } from '../../src/match/units.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('units of measure', () => {
  it('knows two spellings of one unit from two different units', () => {
    expect(compareUnits('ha', 'hectares')).toBe('same');
    expect(compareUnits('mi', 'Miles')).toBe('same');
    expect(compareUnits('miles', 'kilometres')).toBe('different');
    expect(compareUnits('miles', 'countries')).toBeUndefined();
    expect(unitSpellings('hectares')).toEqual(['hectare', 'ha']);
  });
});

describe('CitationChecker: numbers with units', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'parks.md': [
        '# Parks and places',
        'The Riverside Park covers the area of 76 ha.',
        'The composer was born in the village of Lindenau, about 60 km (37 mi) from the capital.',
        'About 61.1% of the residents describe themselves as gardeners.',
      ].join('\n\n'),
    }),
  );

  it('reads an abbreviated unit as the unit written out', async () => {
    expect((await docent.verify('The Riverside Park covers an area of 76 hectares.')).verdict).toBe('supported');
    expect((await docent.verify('About 61.1 per cent of the residents describe themselves as gardeners.')).verdict).toBe('supported');
  });

  it('pairs a measure with the evidence value in the same unit, and contradicts one in another unit', async () => {
    expect((await docent.verify('The composer was born in the village of Lindenau, about 37 miles from the capital.')).verdict).toBe('supported');
    const result = await docent.verify('The composer was born in the village of Lindenau, about 37 km from the capital.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['37', '60']]);
  });
});
