import { describe, expect, it } from 'vitest';
import { readEvents } from '../../web/protocol.js';
import { answerWithCitations, boundedHistory, declinedReason, highlightParts, segmentAnswer } from '../../web/text.js';

const citation = (n: number, quote: string, start = 0) => ({ n, chunkId: `c${n}`, source: 'a.md', start, end: start + quote.length, quote, section: [], score: 1 });

describe('segmentAnswer', () => {
  it('splits an answer into text and the markers of its citations', () => {
    const c1 = citation(1, 'It rained.');
    const c2 = citation(2, 'Then it snowed.', 20);
    expect(segmentAnswer('It rained. [1] Then it snowed. [2]', [c1, c2])).toEqual([
      { text: 'It rained. ' },
      { marker: 1, citation: c1 },
      { text: ' Then it snowed. ' },
      { marker: 2, citation: c2 },
    ]);
  });

  it('leaves bracketed numbers inside quoted corpus text as text', () => {
    const c1 = citation(1, 'See note [2] below.');
    const c2 = citation(2, 'Notes matter.');
    const segments = segmentAnswer('See note [2] below. [1] Notes matter. [2]', [c1, c2]);
    expect(segments.filter((segment) => 'marker' in segment).map((segment) => ('marker' in segment ? segment.marker : 0))).toEqual([1, 2]);
    expect(segments[0]).toEqual({ text: 'See note [2] below. ' });
  });

  it('marks every [n] while streaming, before citations are known', () => {
    expect(segmentAnswer('A. [1] B. [2')).toEqual([{ text: 'A. ' }, { marker: 1 }, { text: ' B. [2' }]);
  });

  it('ignores [n] with no citation once citations are known, and answers without markers', () => {
    expect(segmentAnswer('Version [3] shipped. [1]', [citation(1, 'Version [3] shipped.')])).toEqual([{ text: 'Version [3] shipped. ' }, { marker: 1, citation: citation(1, 'Version [3] shipped.') }]);
    expect(segmentAnswer('No markers here.')).toEqual([{ text: 'No markers here.' }]);
  });

  it('finds markers by pattern when an answer does not quote verbatim', () => {
    const c1 = citation(1, 'Something else.');
    expect(segmentAnswer('Paraphrase [1].', [c1])).toEqual([{ text: 'Paraphrase ' }, { marker: 1, citation: c1 }, { text: '.' }]);
  });
});

describe('highlightParts', () => {
  it('cuts the source at the citation offsets', () => {
    const text = 'Alpha beta gamma.';
    expect(highlightParts(text, 6, 10)).toEqual({ before: 'Alpha ', mark: 'beta', after: ' gamma.' });
    const parts = highlightParts(text, 6, 10);
    expect(parts.before + parts.mark + parts.after).toBe(text);
  });

  it('counts offsets in UTF-16 code units, like the server', () => {
    const text = '😀 café <b>';
    expect(highlightParts(text, 3, 7).mark).toBe(text.slice(3, 7));
    expect(highlightParts(text, 8, 11).mark).toBe('<b>');
  });

  it('clamps offsets outside the text', () => {
    expect(highlightParts('abc', 2, 99)).toEqual({ before: 'ab', mark: 'c', after: '' });
    expect(highlightParts('abc', -1, 1)).toEqual({ before: '', mark: 'a', after: 'bc' });
  });
});

describe('copy and declined text', () => {
  it('copies the answer with each citation’s source, offsets and quote', () => {
    expect(answerWithCitations('It rained. [1]', [citation(1, 'It rained.', 5)])).toBe('It rained. [1]\n\nSources:\n[1] a.md, characters 5–15: “It rained.”');
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

describe('readEvents', () => {
  function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    return new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
  }

  async function all(chunks: string[]) {
    const events = [];
    for await (const event of readEvents(streamOf(chunks))) events.push(event);
    return events;
  }

  it('parses events split anywhere, with LF, CRLF or CR line ends, comments and multi-line data', async () => {
    const wire = ': hello\nevent: passages\ndata: {"a":1}\n\r\nevent: delta\r\ndata: line one\r\ndata: line two\r\n\r\ndata: plain\r\r';
    const expected = [
      { event: 'passages', data: '{"a":1}' },
      { event: 'delta', data: 'line one\nline two' },
      { event: 'message', data: 'plain' },
    ];
    expect(await all([wire])).toEqual(expected);
    expect(await all(wire.split(''))).toEqual(expected);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"text":"café 😀"}\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readEvents(stream)) events.push(event);
    expect(JSON.parse(events[0]!.data).text).toBe('café 😀');
  });
});
