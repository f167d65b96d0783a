import type { SentenceIndex, TokenizedSentence } from './sentences.js';

/** What the answerer and the checker read of a SentenceIndex around a passage, beyond its units. */
export class SpanSentences {
  constructor(readonly index: SentenceIndex) {}

  /** The quotable units (headings are context, never an answer) that start inside `[start, end)`, in order. */
  startingIn(source: string, start: number, end: number): TokenizedSentence[] {
    return this.index.within(source, start, end).filter((unit) => unit.start >= start && unit.start < end && unit.kind !== 'heading');
  }

  /** The sentence just before `unit` in the same block (paragraph), if any: what a sentence that points back continues. */
  previous(unit: TokenizedSentence): TokenizedSentence | undefined {
    const block = this.index.blockOf(unit);
    if (!block || unit.kind !== 'sentence') return undefined;
    return this.index
      .within(unit.source, block.start, unit.start)
      .filter((other) => other.block === unit.block && other.end <= unit.start)
      .at(-1);
  }
}
