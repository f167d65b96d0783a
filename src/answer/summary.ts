import type { Block } from '../ingest/types.js';
import type { Passage } from '../retrieve/types.js';
import { type Citer, notFound, passageHolding, quotedWithMarker } from './citing.js';
import type { Answer } from './types.js';
import type { SpanSentences } from '../match/span-sentences.js';
import type { Span } from '../match/sentences.js';

/**
 * What a document is about, from its own words and structure: its title heading, the lead
 * sentences of its first paragraph and the headings of its main sections, each an exact span of
 * the citable text.
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
const PROSE: ReadonlySet<Block['kind']> = new Set(['paragraph', 'list-item', 'quote']);

export function outline(source: string, blocks: readonly Block[], sentences: SpanSentences): Outline {
  // Blocks are in document order: stop at the first past the outline rather than read a long manual's every block.
  const early: Block[] = [];
  for (const block of blocks) {
    if (block.start >= OUTLINE_CHARS) break;
    early.push(block);
  }
  const firstProse = early.find((block) => PROSE.has(block.kind));
  const headings = early.filter((block) => block.kind === 'heading');
  // A heading above all running text is the document's title.
  const title = headings[0] && headings[0].start < (firstProse?.start ?? Infinity) ? headings[0] : undefined;
  const lead = firstProse ? sentences.startingIn(source, firstProse.start, firstProse.end).slice(0, LEAD_SENTENCES) : [];
  // The main sections: the headings of the highest level below the title.
  const rest = headings.filter((heading) => heading !== title);
  const top = Math.min(...rest.map((heading) => heading.level ?? 2));
  const main = rest.filter((heading) => (heading.level ?? 2) === top).slice(0, MAX_HEADINGS);
  const span = (block: Block): Span => ({ start: block.start, end: block.end });
  return { title: title && span(title), lead, headings: main.map(span) };
}

/** "What is this about?": the best-matching document's title, lead sentences and main headings, each quoted. */
export function summaryAnswer(passages: Passage[], sources: ReadonlyMap<string, { blocks: readonly Block[] }>, sentences: SpanSentences, citer: Citer): Answer {
  const source = passages[0]!.source;
  const { title, lead, headings } = outline(source, sources.get(source)?.blocks ?? [], sentences);
  const spans = [...(title ? [title] : []), ...lead, ...headings];
  if (spans.length === 0) return notFound('summary');
  const citations = spans.map((span, i) => citer.citation({ source, ...span }, passageHolding(passages, { source, ...span }) ?? passages[0]!, i + 1, 1));
  const lines = citations.slice(0, spans.length - headings.length).map(quotedWithMarker);
  if (headings.length) lines.push(`Its sections: ${citations.slice(spans.length - headings.length).map(quotedWithMarker).join('; ')}`);
  return { answer: lines.join(' '), answerable: true, citations, confidence: 1, questionType: 'summary' };
}
