import { describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import type { Passage } from '../../src/retrieve/types.js';
import { verifyAnswer } from '../../src/verify/answer.js';
import type { SpanRef } from '../../src/verify/types.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const MILLS = 'The old mill on the river ground wheat for the village until 1921. Its wheel was rebuilt in oak after the flood.';
const BRIDGES = 'The stone bridge below the mill was built in 1794 and widened in 1932.';

async function setUp() {
  const docent = await openTestDocent(await makeCorpus({ 'mills.md': MILLS, 'bridges.md': BRIDGES }));
  const passage = (source: string, text: string): Passage => ({ chunkId: `${source}#0`, source, start: 0, end: text.length, text, title: source, section: [], score: 1, ranks: { bm25: 1, dense: 1 } });
  const passages = [passage('mills.md', MILLS), passage('bridges.md', BRIDGES)];
  const read: SpanRef[][] = [];
  const checker = docent.checker;
  const original = checker.checkAgainstSpans.bind(checker);
  vi.spyOn(checker, 'checkAgainstSpans').mockImplementation((claim, spans, options) => (read.push([...spans]), original(claim, spans, options)));
  /** An extractive answer quoting `[start, end)` of the mill text under one marker. */
  const answer = (text: string, start: number, end: number): Answer => ({
    answer: `${text} [1]`,
    answerable: true,
    citations: [{ n: 1, chunkId: 'mills.md#0', source: 'mills.md', start, end, quote: MILLS.slice(start, end), section: [], score: 1 }],
  });
  return { docent, checker, passages, read, answer };
}

describe('the uncited first sentence of a quote of two', () => {
  it('is read against the passage it was quoted from, not every passage, when that states it word for word', async () => {
    const { docent, checker, passages, read, answer } = await setUp();
    const verified = await verifyAnswer(checker, answer(MILLS, 0, MILLS.length), passages);
    expect(verified.verification.sentences.map(({ citations, verdict, score }) => ({ citations, verdict, score }))).toEqual([
      { citations: [], verdict: 'supported', score: 1 },
      { citations: [1], verdict: 'supported', score: 1 },
    ]);
    expect(read.some((spans) => spans.some((span) => span.source === 'bridges.md'))).toBe(false);
    await docent.close();
  });

  it('is read against every passage when its own does not state it', async () => {
    const { docent, checker, passages, read, answer } = await setUp();
    const second = MILLS.indexOf('Its wheel');
    const verified = await verifyAnswer(checker, answer(`The stone bridge was built in 1794. ${MILLS.slice(second)}`, second, MILLS.length), passages);
    expect(verified.verification.sentences[0]).toMatchObject({ citations: [], verdict: 'supported' });
    expect(read.some((spans) => spans.length === passages.length)).toBe(true);
    await docent.close();
  });
});
