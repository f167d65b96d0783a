import { tokenize } from './analyzer.js';
import { sentenceSpans, type TokenizedSentence } from './sentences.js';

/**
 * Sentences around a span, cut from a bounded window of the source text: the work per passage or
 * citation depends on the span, never on the size of the document (or the corpus) it comes from.
 * Windows are cached (least recently used first out), so repeated questions cost nothing.
 */

/** How far before a span to look for the start of the sentence it begins in. */
const LOOK_BEHIND = 600;
/** How far after a span to look for the end of the sentence it ends in. */
const LOOK_AHEAD = 600;
/** A span longer than this is not read whole: only the parts where the claim's words occur. */
export const MAX_SPAN_CHARS = 8_000;
/** How many parts of a long span are read. */
const MAX_PARTS = 6;
const PART_CHARS = 1_000;
const CACHE_WINDOWS = 2_048;

export class SpanSentences {
  readonly #cache = new Map<string, TokenizedSentence[]>();

  constructor(private readonly documents: ReadonlyMap<string, string>) {}

  /** The whole sentences that start inside `[start, end)`, in order. */
  startingIn(source: string, start: number, end: number): TokenizedSentence[] {
    return this.#window(source, start, end).filter((sentence) => sentence.start >= start && sentence.start < end);
  }

  /**
   * The sentences that overlap `[start, end)`. A span longer than MAX_SPAN_CHARS is read only
   * where `focus` words occur most (up to MAX_PARTS parts of PART_CHARS characters).
   */
  overlapping(source: string, start: number, end: number, focus: readonly string[] = []): TokenizedSentence[] {
    const parts = end - start <= MAX_SPAN_CHARS ? [{ start, end }] : this.#focusParts(source, start, end, focus);
    const seen = new Set<number>();
    const sentences: TokenizedSentence[] = [];
    for (const part of parts) {
      for (const sentence of this.#window(source, part.start, part.end)) {
        if (sentence.end <= Math.max(start, part.start) || sentence.start >= Math.min(end, part.end) || seen.has(sentence.start)) continue;
        seen.add(sentence.start);
        sentences.push(sentence);
      }
    }
    return sentences.sort((a, b) => a.start - b.start);
  }

  /** The sentence just before the one starting at `start`, if it is in the same paragraph. */
  previous(source: string, start: number): TokenizedSentence | undefined {
    const text = this.documents.get(source) ?? '';
    const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
    if (/\n\s*\n\s*$/.test(before) || before.trim() === '') return undefined;
    return this.#window(source, start - 1, start).filter((sentence) => sentence.start < start && sentence.end <= start).at(-1);
  }

  /** Sentences of the text around `[start, end)`, whole where the window allows. */
  #window(source: string, start: number, end: number): TokenizedSentence[] {
    const text = this.documents.get(source) ?? '';
    const paragraphBefore = text.lastIndexOf('\n\n', start);
    const from = paragraphBefore >= start - LOOK_BEHIND && paragraphBefore >= 0 ? paragraphBefore + 2 : Math.max(0, start - LOOK_BEHIND);
    const paragraphAfter = text.indexOf('\n\n', end);
    const to = paragraphAfter !== -1 && paragraphAfter <= end + LOOK_AHEAD ? paragraphAfter : Math.min(text.length, end + LOOK_AHEAD);
    const key = `${source}#${from}-${to}`;
    let sentences = this.#cache.get(key);
    if (sentences) {
      // Refresh its place in the least-recently-used order.
      this.#cache.delete(key);
    } else {
      const slice = text.slice(from, to);
      const spans = sentenceSpans(slice);
      // A sentence cut by the window's edge (not a paragraph's or the text's) is not whole: drop it.
      const cutAtStart = from > 0 && text.slice(from - 2, from) !== '\n\n';
      const cutAtEnd = to < text.length && text.slice(to, to + 2) !== '\n\n';
      sentences = spans
        .filter((span, i) => !(cutAtStart && i === 0 && span.start === 0 && from < start) && !(cutAtEnd && i === spans.length - 1 && to > end))
        .map((span) => ({ source, start: from + span.start, end: from + span.end, tokens: tokenize(slice.slice(span.start, span.end)) }));
      if (this.#cache.size >= CACHE_WINDOWS) this.#cache.delete(this.#cache.keys().next().value!);
    }
    this.#cache.set(key, sentences);
    return sentences;
  }

  /** The parts of a long span where the most distinct `focus` words occur. */
  #focusParts(source: string, start: number, end: number, focus: readonly string[]): Array<{ start: number; end: number }> {
    const text = this.documents.get(source) ?? '';
    const stems = [...new Set(focus.map((word) => word.toLowerCase().slice(0, Math.max(4, word.length - 2))).filter((stem) => stem.length >= 3))];
    if (stems.length === 0) return [{ start, end: Math.min(end, start + PART_CHARS) }];
    const pattern = new RegExp(`\\b(?:${stems.map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
    const bins = new Map<number, Set<string>>();
    pattern.lastIndex = start;
    for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
      const bin = Math.floor((match.index - start) / PART_CHARS);
      const found = bins.get(bin) ?? new Set<string>();
      found.add(match[0].toLowerCase());
      bins.set(bin, found);
    }
    return [...bins.entries()]
      .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
      .slice(0, MAX_PARTS)
      .map(([bin]) => ({ start: start + bin * PART_CHARS, end: Math.min(end, start + (bin + 1) * PART_CHARS) }));
  }
}
