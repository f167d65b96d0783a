import type { SentenceIndex, TokenizedSentence } from './sentences.js';

/**
 * The units of a SentenceIndex around a span, with the work bounded by the span, never by the size
 * of the document (or the corpus) it comes from: a span longer than MAX_SPAN_CHARS (a citation of a
 * whole document) is read only where the claim's words occur most.
 */

/** A span longer than this is not read whole: only the parts where the claim's words occur. */
export const MAX_SPAN_CHARS = 8_000;
/** How many parts of a long span are read. */
const MAX_PARTS = 6;
const PART_CHARS = 1_000;

export class SpanSentences {
  constructor(
    readonly index: SentenceIndex,
    private readonly documents: ReadonlyMap<string, string>,
  ) {}

  /** The quotable units (headings are context, never an answer) that start inside `[start, end)`, in order. */
  startingIn(source: string, start: number, end: number): TokenizedSentence[] {
    return this.index.within(source, start, end).filter((unit) => unit.start >= start && unit.start < end && unit.kind !== 'heading');
  }

  /**
   * The units that overlap `[start, end)`. A span longer than MAX_SPAN_CHARS is read only where
   * `focus` words occur most (up to MAX_PARTS parts of PART_CHARS characters).
   */
  overlapping(source: string, start: number, end: number, focus: readonly string[] = []): TokenizedSentence[] {
    if (end - start <= MAX_SPAN_CHARS) return this.index.within(source, start, end);
    const seen = new Set<number>();
    const units: TokenizedSentence[] = [];
    for (const part of this.#focusParts(source, start, end, focus)) {
      for (const unit of this.index.within(source, part.start, part.end)) {
        if (seen.has(unit.start)) continue;
        seen.add(unit.start);
        units.push(unit);
      }
    }
    return units.sort((a, b) => a.start - b.start);
  }

  /** The sentence just before `unit` in the same block (paragraph), if any. */
  previous(unit: TokenizedSentence): TokenizedSentence | undefined {
    const block = this.index.blockOf(unit);
    if (!block || unit.kind !== 'sentence') return undefined;
    return this.index
      .within(unit.source, block.start, unit.start)
      .filter((other) => other.block === unit.block && other.end <= unit.start)
      .at(-1);
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
