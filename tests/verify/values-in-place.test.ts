import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/** Claims that keep every word and value of their evidence but put a value in another place: a superlative at another rank, a number in another's slot, two counts swapped. */
describe('CitationChecker: values in their own place', async () => {
  const docent = await openTestDocent(
    await makeCorpus({
      'victoria.md': ['# Victoria', "Victoria is Australia's most densely populated state and its second-most populous state overall."].join('\n\n'),
      'zlib.md': ['# zlib.compress', 'level is an integer from 0 to 9 or -1 controlling the level of compression; 1 (Z_BEST_SPEED) is fastest and produces the least compression, 9 (Z_BEST_COMPRESSION) is slowest and produces the most.'].join('\n\n'),
      'heat.md': ['# Climate', "Victoria's highest maximum temperature since World War II, of 48.8 °C (119.8 °F) was recorded in Hopetoun on 7 February 2009, during the 2009 southeastern Australia heat wave."].join('\n\n'),
      'peacekeeping.md': ['# Cooperation', "China's armed forces have cooperated on peacekeeping with over 90 countries and 10 international and regional organizations."].join('\n\n'),
    }),
  );
  const sliced = (conflict: { source: string; start: number; end: number }) => docent.index.documents.get(conflict.source)!.slice(conflict.start, conflict.end);
  /** The claim is contradicted with exactly these [claim, evidence] values, each cited where the evidence states it. */
  const expectConflicts = async (claim: string, named: string[][], options: Parameters<typeof docent.verify>[1] = {}) => {
    const result = await docent.verify(claim, options);
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual(named);
    for (const conflict of result.conflicts!) expect(sliced(conflict)).toBe(conflict.evidence);
  };

  it('contradicts a superlative the evidence states only at another rank, naming both', async () => {
    await expectConflicts("Victoria is Australia's most populous state.", [['most', 'second-most']]);
    expect((await docent.verify("Victoria is Australia's second-most populous state.")).verdict).toBe('supported');
  });

  it('contradicts a number stated in another number’s slot, naming the one there', async () => {
    await expectConflicts('In zlib.compress(), level 1 is the slowest and produces the most compression.', [['1', '9']]);
    expect((await docent.verify('In zlib.compress(), level 9 is the slowest and produces the most compression.')).verdict).toBe('supported');
  });

  it('contradicts a place the evidence replaces between the same words, naming the one there', async () => {
    await expectConflicts("Victoria's highest maximum temperature since World War II was recorded at Mildura.", [['Mildura', 'Hopetoun']]);
    expect((await docent.verify("Victoria's highest maximum temperature since World War II was recorded at Hopetoun.")).verdict).toBe('supported');
  });

  it('contradicts two counts swapped between the things they count, naming each', async () => {
    const text = docent.index.documents.get('peacekeeping.md')!;
    const start = text.indexOf('China');
    const citations = [{ source: 'peacekeeping.md', start, end: text.indexOf('.', start) + 1 }];
    await expectConflicts("China's armed forces have cooperated on peacekeeping with 10 countries and over 90 international and regional organizations.", [['10', '90'], ['90', '10']], { citations });
  });
});
