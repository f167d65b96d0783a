import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/match/sentences.js';

describe('sentenceSpans', () => {
  it('splits sentences, trims them and joins numbering to its heading', () => {
    const text = '1. Strengthening Communication\nBetter communication matters. Since 2012, it grew!  Really? Yes.\n';
    const sentences = sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
    expect(sentences).toEqual(['1. Strengthening Communication', 'Better communication matters.', 'Since 2012, it grew!', 'Really?', 'Yes.']);
  });

  it('returns spans that are exact slices with no surrounding white space', () => {
    const text = '  IV. Title\n\nFirst one.   Second one. ';
    for (const { start, end } of sentenceSpans(text)) {
      const slice = text.slice(start, end);
      expect(slice).toBe(slice.trim());
      expect(slice.length).toBeGreaterThan(0);
    }
  });

  it('keeps names with initials or titles in one sentence, but ends a sentence at a lone letter before a function word', () => {
    const text = 'In 1886 Tesla met Alfred S. Brown, a superintendent. Composers such as J. S. Bach used it. See Appendix A. The problem is in C. Thus it is easy.';
    const sentences = sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
    expect(sentences).toEqual([
      'In 1886 Tesla met Alfred S. Brown, a superintendent.',
      'Composers such as J. S. Bach used it.',
      'See Appendix A.',
      'The problem is in C.',
      'Thus it is easy.',
    ]);
  });

  it('does not end a sentence after a title, "e.g." or the number sign', () => {
    const text = 'He built St. Anne Church with Dr. R. Frercks, e.g. Warsaw Hill, for Regiment No. 13 on 81st St. A friend came.';
    const sentences = sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
    expect(sentences).toEqual(['He built St. Anne Church with Dr. R. Frercks, e.g. Warsaw Hill, for Regiment No. 13 on 81st St.', 'A friend came.']);
  });
});
