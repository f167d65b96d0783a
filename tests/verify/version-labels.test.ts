import { describe, expect, it } from 'vitest';
import { openCheckerDocent, verifyExact } from '../helpers/fixtures.js';

/** "Python 3.8" in a claim is the version a manual's "New in version 3.8." states, not a name the manual lacks. */
describe('CitationChecker: a product name before its version number', async () => {
  const docent = await openCheckerDocent({
    'zlib.md': [
      '# zlib — Compression compatible with gzip',
      'Decompress.eof',
      'A boolean indicating whether the end of the compressed data stream has been reached.',
      'This makes it possible to distinguish between a properly formed compressed stream, and an incomplete or truncated one.',
      'New in version 3.3.',
    ].join('\n\n'),
    'tempfile.md': ['# tempfile — Generate temporary files and directories', 'tempfile.gettempdirb()', 'Same as gettempdir() but the return value is in bytes.', 'New in version 3.5.'].join('\n\n'),
  });

  it('contradicts another Python version, naming the note’s', async () => {
    const result = await verifyExact(docent, 'tempfile.gettempdirb() is new in Python 3.2.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((conflict) => [conflict.claim, conflict.evidence])).toEqual([['3.2', '3.5']]);
  });

  it('supports the version the note gives, citing entry and note', async () => {
    const result = await verifyExact(docent, 'Decompress.eof, new in Python 3.3, indicates whether the end of the compressed data stream has been reached.');
    expect(result.verdict).toBe('supported');
    expect(result.evidence[0]!.quote).toContain('New in version 3.3.');
  });
});
