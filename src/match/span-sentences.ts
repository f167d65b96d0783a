import { AnalysisCache } from './analysis-cache.js';
import type { SentenceIndex, TokenizedSentence } from './sentences.js';

/** Span analyses kept per index version: the answerer's and the checker's together (each kept 4,096 of its own before they were shared). */
const SHARED_ANALYSES = 8_192;

/** What the answerer and the checker read of a SentenceIndex around a passage, beyond its units. */
export class SpanSentences {
  /**
   * Analyses of spans, shared: the checker reads the very sentences the answerer quoted (an extractive
   * answer's claims are checked against their own citations), so each is analysed once per index version.
   */
  readonly analyses = new AnalysisCache(SHARED_ANALYSES);

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
