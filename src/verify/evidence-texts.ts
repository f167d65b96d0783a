import { AnalysisCache } from '../match/analysis-cache.js';
import type { AnalysedText } from '../match/facts.js';
import type { CorpusIndex } from '../index/store.js';
import type { SpanRef } from './types.js';

/** The evidence side of a check: the text of a span and its analysis (facts, names), cached across requests. */
export class EvidenceTexts {
  readonly #index: CorpusIndex;
  readonly #analyses: AnalysisCache;

  /** `analyses`: shared with the answerer (see SpanSentences), so a quoted sentence is not analysed again to check it. */
  constructor(index: CorpusIndex, analyses: AnalysisCache) {
    this.#index = index;
    this.#analyses = analyses;
  }

  text(span: SpanRef): string {
    return (this.#index.documents.get(span.source) ?? '').slice(span.start, span.end);
  }

  analysed(span: SpanRef): AnalysedText {
    // Every capitalised word of evidence may be a name: evidence names are only ever candidates.
    return this.#analyses.get(`${span.source}#${span.start}-${span.end}`, () => this.text(span));
  }

  /** The source's name read as words: the context every sentence of that document shares. */
  title(source: string): AnalysedText {
    return this.#analyses.get(`title:${source}`, () => sourceTitle(source));
  }
}

/** "guides/super-bowl-50.txt" → "guides super bowl 50". */
function sourceTitle(source: string): string {
  return source.replace(/\.[^./]+$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
}
