import type { CorpusIndex } from '../index/store.js';
import { locate } from '../ingest/location.js';
import type { Passage } from '../retrieve/types.js';
import { formatMarker } from './markers.js';
import type { QuestionType } from './question-type.js';
import type { Answer, Citation } from './types.js';

/** What every extractive answer shares: citations of exact spans, how a quote reads, and "not found". */

export const NOT_FOUND_ANSWER = 'Not found in the documents: none of the indexed passages answers this question.';

type SourceSpan = { source: string; start: number; end: number };

export const round = (value: number) => Number(value.toFixed(4));

/** How a quote reads in the answer: white space collapsed (hard-wrapped lines joined); the citation keeps the exact span. */
export const displayText = (quote: string) => quote.replace(/\s+/g, ' ').trim();

/** A citation as the answer reads it: its quote, then its `[n]` marker. */
export const quotedWithMarker = (citation: Citation) => `${displayText(citation.quote)} ${formatMarker([citation.n])}`;

export function notFound(questionType: QuestionType, confidence = 0): Answer {
  return { answer: NOT_FOUND_ANSWER, answerable: false, citations: [], confidence: round(confidence), questionType };
}

/** Cites spans of an index's documents: the quote is always the exact slice of the citable text. */
export class Citer {
  constructor(private readonly index: Pick<CorpusIndex, 'documents' | 'sources'>) {}

  text(span: SourceSpan): string {
    return (this.index.documents.get(span.source) ?? '').slice(span.start, span.end);
  }

  citation(span: SourceSpan, passage: Passage, n: number, score: number): Citation {
    const document = this.index.sources.get(span.source);
    return {
      n,
      chunkId: passage.chunkId,
      source: span.source,
      start: span.start,
      end: span.end,
      quote: this.text(span),
      ...(document ? locate(document, span.start) : { section: [] }),
      score: round(score),
    };
  }
}

/** The retrieved passage a span starts in, if any. */
export const passageHolding = (passages: readonly Passage[], span: SourceSpan): Passage | undefined =>
  passages.find((passage) => passage.source === span.source && passage.start <= span.start && span.start < passage.end);
