import type { SpanSentences } from '../match/span-sentences.js';
import type { Span } from '../match/sentences.js';

/**
 * What a document is about, from its own words: its title, its lead sentences and the headings of
 * its main sections, each an exact span of the text.
 */

export interface Outline {
  title: Span | undefined;
  /** The first sentences of its first paragraph of running text. */
  lead: Span[];
  headings: Span[];
}

/** Only the beginning of a long document is read for its outline. */
const OUTLINE_CHARS = 100_000;
const LEAD_SENTENCES = 2;
const MAX_HEADINGS = 4;
/** A line this short, without closing punctuation, standing on its own, is a heading. */
const HEADING_MAX_CHARS = 120;

function lines(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.slice(0, OUTLINE_CHARS).matchAll(/[^\n]+/g)) {
    const leading = match[0].length - match[0].trimStart().length;
    const trimmed = match[0].trim();
    if (trimmed) spans.push({ start: match.index + leading, end: match.index + leading + trimmed.length });
  }
  return spans;
}

const isHeading = (line: string) => line.length <= HEADING_MAX_CHARS && /\p{L}/u.test(line) && (/^#{1,6}\s/.test(line) || !/[.!?:;,"”)]$/.test(line));

/** Strips Markdown heading marks from a heading span, so the quote is the heading's words. */
function headingWords(text: string, span: Span): Span {
  const marks = /^#{1,6}\s+/.exec(text.slice(span.start, span.end));
  return marks ? { start: span.start + marks[0].length, end: span.end } : span;
}

export function outline(source: string, text: string, sentences: SpanSentences): Outline {
  const all = lines(text);
  const headings: Span[] = [];
  let lead: Span[] = [];
  for (const line of all) {
    const words = text.slice(line.start, line.end);
    if (isHeading(words)) headings.push(headingWords(text, line));
    else if (lead.length === 0) lead = sentences.startingIn(source, line.start, line.end).slice(0, LEAD_SENTENCES);
  }
  const title = headings[0] && headings[0].start < (lead[0]?.start ?? Infinity) ? headings[0] : undefined;
  return { title, lead, headings: headings.filter((heading) => heading !== title).slice(0, MAX_HEADINGS) };
}
