import { analyse, type AnalysedText } from '../match/facts.js';
import type { CorpusIndex } from '../index/store.js';
import type { SpanRef } from './types.js';

/** Evidence analyses kept between requests (least recently used first out). */
const ANALYSIS_CACHE = 4_096;

/** The evidence side of a check: the text of a span and its analysis (facts, names), cached across requests. */
export class EvidenceTexts {
  readonly #index: CorpusIndex;
  readonly #analyses = new Map<string, AnalysedText>();

  constructor(index: CorpusIndex) {
    this.#index = index;
  }

  text(span: SpanRef): string {
    return (this.#index.documents.get(span.source) ?? '').slice(span.start, span.end);
  }

  analysed(span: SpanRef): AnalysedText {
    // Every capitalised word of evidence may be a name: evidence names are only ever candidates.
    return this.#cached(`${span.source}#${span.start}-${span.end}`, () => this.text(span));
  }

  /** The source's name read as words: the context every sentence of that document shares. */
  title(source: string): AnalysedText {
    return this.#cached(`title:${source}`, () => sourceTitle(source));
  }

  #cached(key: string, text: () => string): AnalysedText {
    let analysed = this.#analyses.get(key);
    if (!analysed) {
      analysed = analyse(text(), { isNameAtStart: () => true });
      if (this.#analyses.size >= ANALYSIS_CACHE) this.#analyses.delete(this.#analyses.keys().next().value!);
      this.#analyses.set(key, analysed);
    }
    return analysed;
  }
}

/** "guides/super-bowl-50.txt" → "guides super bowl 50". */
function sourceTitle(source: string): string {
  return source.replace(/\.[^./]+$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
}
