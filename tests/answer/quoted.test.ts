import { describe, expect, it } from 'vitest';
import { distinctQuotes, type Quoted } from '../../src/answer/quoted.js';

const passage = { chunkId: 'a#0', source: 'a.md', start: 0, end: 100, text: '', score: 1, ranks: {} } as unknown as Quoted['passage'];
const quoted = (start: number, end: number, own?: [number, number]): Quoted => ({ span: { source: 'a.md', start, end }, ...(own ? { own: { source: 'a.md', start: own[0], end: own[1] } } : {}), passage, score: 1 });

describe('quotes', () => {
  it('never repeat text: a companion read with the sentence quoted before it is quoted alone, one inside another is left out', () => {
    const best = quoted(10, 30);
    const pointingBack = quoted(10, 60, [31, 60]);
    const inside = quoted(12, 20);
    const elsewhere = quoted(70, 90);
    expect(distinctQuotes([best, pointingBack, inside, elsewhere]).map((quote) => [quote.span.start, quote.span.end])).toEqual([[10, 30], [31, 60], [70, 90]]);
  });
});
