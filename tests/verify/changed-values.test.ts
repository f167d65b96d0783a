import { describe, expect, it } from 'vitest';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('CitationChecker: two values changed in one statement', async () => {
  const docent = await openTestDocent(
    await makeCorpus({ 'engines.md': ['# Engines', 'Such engines use either three or four expansion stages.'].join('\n\n') }),
  );

  it('contradicts the statement when every other word of it is there, naming both values', async () => {
    const result = await docent.verify('Such engines use either five or six expansion stages.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([
      ['five', 'three'],
      ['six', 'four'],
    ]);
  });
});
