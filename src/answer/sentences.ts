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
