import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('CitationChecker: evidence that names someone by a pronoun', async () => {
  const text = [
    '# Campaigns',
    'Having obtained the consent of the pope, Robert Guiscard continued his campaign across the peninsula. After allying himself with Croatia, in 1081 he led an army of 30,000 men in 300 ships to the southern shores of Albania.',
  ].join('\n\n');
  const docent = await openTestDocent(await makeCorpus({ 'campaigns.md': text }));
  const source = [...docent.index.documents.keys()][0]!;
  const cited = docent.index.documents.get(source)!;
  const start = cited.indexOf('After allying');
  const citations = [{ source, start, end: cited.indexOf('Albania.') + 'Albania.'.length }];

  it('finds the name in the sentence before the cited one', async () => {
    expect((await docent.verify('In 1081 Robert Guiscard led an army of 30,000 men in 300 ships to the southern shores of Albania.', { citations })).verdict).toBe('supported');
    const changed = await docent.verify('In 1081 Robert Guiscard led an army of 40,000 men in 300 ships to the southern shores of Albania.', { citations });
    expect(changed.verdict).toBe('contradicted');
    expect(changed.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['40,000', '30,000']]);
  });
});
