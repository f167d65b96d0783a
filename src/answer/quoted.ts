import type { Passage } from '../retrieve/types.js';

type SourceSpan = { source: string; start: number; end: number };

/** A span to quote, the passage it was retrieved in, and its score. */
export interface Quoted {
  span: SourceSpan;
  /** The sentence alone, when `span` also holds the sentence it points back to. */
  own?: SourceSpan;
  passage: Passage;
  score: number;
}

const overlaps = (a: SourceSpan, b: SourceSpan) => a.source === b.source && a.start < b.end && b.start < a.end;

/**
 * The quotes in order, none repeating another's text: a companion read with the sentence it points back to
 * ("This parameter can only be set …" after "The default is 50 tuples.") is quoted alone when that sentence is
 * quoted already, and left out when it is itself.
 */
export function distinctQuotes(quotes: readonly Quoted[]): Quoted[] {
  const kept: Quoted[] = [];
  for (const quote of quotes) {
    const repeats = (span: SourceSpan) => kept.some((other) => overlaps(other.span, span));
    if (!repeats(quote.span)) kept.push(quote);
    else if (quote.own && !repeats(quote.own)) kept.push({ ...quote, span: quote.own });
  }
  return kept;
}
