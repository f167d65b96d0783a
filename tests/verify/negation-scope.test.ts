import { describe, expect, it } from 'vitest';
import { openCheckerDocent } from '../helpers/fixtures.js';

/** A word negated on both sides agrees, wherever in the negation's clause it stands; a negation on one side only still contradicts. */
describe('CitationChecker: a negation on both sides is agreement', async () => {
  const docent = await openCheckerDocent({
    'engines.md': 'An oscillating cylinder steam engine is a variant of the simple expansion steam engine which does not require valves to direct steam into and out of the cylinder.',
    'terminal.md':
      'If the terminal size cannot be successfully queried, either because the system doesn’t support querying, or because we are not connected to a terminal, the value given in fallback parameter is used. fallback defaults to (80, 24) which is the default size used by many terminal emulators.',
  });

  it('supports a negated word the evidence negates further on in the same clause, citing the exact text', async () => {
    for (const claim of ['Oscillating cylinder steam engines need no valves to direct the steam.', 'If the terminal size cannot be queried, a fallback of (80, 24) is used by default.']) {
      const result = await docent.verify(claim);
      expect(result.verdict).toBe('supported');
      for (const evidence of result.evidence) expect(docent.index.documents.get(evidence.source)!.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    }
  });

  it('still contradicts a claim that drops the negation', async () => {
    expect((await docent.verify('Oscillating cylinder steam engines require valves to direct the steam.')).verdict).toBe('contradicted');
  });
});
