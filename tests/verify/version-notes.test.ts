import { describe, expect, it } from 'vitest';
import { openCheckerDocent, verifyExact } from '../helpers/fixtures.js';

/** A manual's version note is read with the entry it closes: the note alone does not name the entry, the entry alone has no version. */
describe('CitationChecker: version notes read with their entries', async () => {
  const docent = await openCheckerDocent({
    'keyword.md': [
      '# keyword — Testing for Python keywords',
      'keyword.iskeyword(s)',
      'Return True if s is a Python keyword.',
      'keyword.issoftkeyword(s)',
      'Return True if s is a Python soft keyword.',
      'New in version 3.9.',
      'keyword.kwlist',
      'Sequence containing all the keywords defined for the interpreter.',
    ].join('\n\n'),
  });

  it('supports the version a note gives the entry above it, citing entry and note', async () => {
    const result = await verifyExact(docent, 'keyword.issoftkeyword was added in Python 3.9.');
    expect(result.verdict).toBe('supported');
    expect(result.evidence[0]!.quote).toContain('keyword.issoftkeyword(s)');
    expect(result.evidence[0]!.quote).toContain('New in version 3.9.');
  });

  it('contradicts another version, naming the note’s', async () => {
    const result = await verifyExact(docent, 'keyword.issoftkeyword() is new in version 3.7.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((conflict) => [conflict.claim, conflict.evidence])).toEqual([['3.7', '3.9']]);
  });
});
