import { tokenize, type Token } from './analyzer.js';

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** "1. ", "IV. ", "a) ": list and section markers that ICU reports as sentences of their own. */
const ENUMERATION_MARKER = /^(?:\d{1,3}|[ivxlcIVXLC]{1,6}|[a-zA-Z])[.)]$/;

/**
 * Sentence spans of `text` (Unicode sentence boundaries, trimmed of surrounding white space),
 * with enumeration markers joined to the sentence they number.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pendingStart: number | undefined;
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = pendingStart ?? index + leading;
    if (ENUMERATION_MARKER.test(trimmed)) {
      pendingStart = start;
      continue;
    }
    pendingStart = undefined;
    spans.push({ start, end: index + leading + trimmed.length });
  }
  if (pendingStart !== undefined) spans.push({ start: pendingStart, end: text.trimEnd().length });
  return spans;
}

export interface TokenizedSentence extends Span {
  source: string;
  /** The sentence's content tokens (see src/index/analyzer.ts), offsets relative to the sentence. */
  tokens: Token[];
}

/**
 * Every indexed source cut into sentences with their content tokens, computed once per source on
 * first use and shared by the answerer and the citation checker.
 */
export class SentenceIndex {
  readonly #bySource = new Map<string, TokenizedSentence[]>();

  constructor(private readonly documents: ReadonlyMap<string, string>) {}

  /** The sentences of `source` in document order (none for an unknown source). */
  of(source: string): TokenizedSentence[] {
    let sentences = this.#bySource.get(source);
    if (!sentences) {
      const text = this.documents.get(source) ?? '';
      sentences = sentenceSpans(text).map((span) => ({ source, ...span, tokens: tokenize(text.slice(span.start, span.end)) }));
      this.#bySource.set(source, sentences);
    }
    return sentences;
  }
}
