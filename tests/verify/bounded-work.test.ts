import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../src/retrieve/follow-up.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/** Filler prose with no word of the claim below, so only the needle can support it. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} talks about gardens, roses and rain in the spring.`).join('\n\n');

describe('work per request is bounded (issue 11)', () => {
  it('verifies a claim against a span covering a whole large document by reading only its best chunks', async () => {
    const needle = 'The lighthouse keeper lit the lamp at dusk on 12 March 1887.';
    const text = `${filler(3000)}\n\n${needle}\n\n${filler(3000)}`;
    const docent = await openTestDocent(await makeCorpus({ 'big.md': text }));
    const result = await docent.verify('The lighthouse keeper lit the lamp on 12 March 1887.', { citations: [{ source: 'big.md', start: 0, end: text.length }] });
    expect(result.verdict).toBe('supported');
    const evidence = result.evidence[0]!;
    expect(text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    expect(evidence.quote).toContain('lighthouse keeper');
  });

  it('reads a bounded gist of long history turns when resolving a follow-up', async () => {
    const pasted = 'word '.repeat(3000);
    const history = Array.from({ length: 20 }, () => ({ role: 'user' as const, content: `What about the moka pot ${pasted}` }));
    const queries: string[] = [];
    const retrieve = async (query: string) => (queries.push(query), []);
    const resolved = await resolveFollowUp('and when was it invented?', history, { retrieve, idf: () => 2 });
    expect(resolved.standalone.length).toBeLessThan(2000);
    expect(queries.every((query) => query.length < 2000)).toBe(true);
  });
});
