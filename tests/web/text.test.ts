import { describe, expect, it } from 'vitest';
import { answerWithCitations, boundedHistory, declinedReason } from '../../web/text.js';

const citation = (n: number, quote: string, start = 0) => ({ n, chunkId: `c${n}`, source: 'a.md', start, end: start + quote.length, quote, section: [], score: 1, support: 1 });

describe('copy and declined text', () => {
  it('copies the answer with each citation’s source, offsets and quote', () => {
    expect(answerWithCitations('It rained. [1]', [citation(1, 'It rained.', 5)])).toBe('It rained. [1]\n\nSources:\n\n[1] `a.md` · characters 5–15\n> It rained.');
    expect(answerWithCitations('Not found.', [])).toBe('Not found.');
  });

  it('drops the "Not found in the documents" heading from a declined answer', () => {
    expect(declinedReason('Not found in the documents: none of the indexed passages answers this question.')).toBe('None of the indexed passages answers this question.');
    expect(declinedReason('Not found in the documents.')).toMatch(/none of the indexed passages/i);
  });
});

describe('boundedHistory', () => {
  it('keeps the latest 20 turns, each at most 4000 characters, under the body limit', () => {
    const turns = Array.from({ length: 30 }, (_, i) => ({ role: (i % 2 ? 'assistant' : 'user') as 'user' | 'assistant', content: `${i}:${'x'.repeat(5000)}` }));
    const kept = boundedHistory(turns);
    expect(kept.length).toBeLessThanOrEqual(20);
    expect(kept.every((turn) => turn.content.length <= 4000)).toBe(true);
    expect(kept.reduce((sum, turn) => sum + turn.content.length, 0)).toBeLessThanOrEqual(32_000);
    expect(kept.at(-1)!.content.startsWith('29:')).toBe(true);
    expect(boundedHistory(turns.slice(0, 4).map((turn) => ({ ...turn, content: 'short' })))).toHaveLength(4);
  });
});
