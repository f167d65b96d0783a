import { analyse, type AnalysedText } from './facts.js';

/**
 * Analyses (names, numbers, dates) of texts that come back question after question — evidence spans,
 * titles, headings — kept per index version, at most `limit`, the oldest dropped first. Every name
 * counts, even at the start of a sentence: these texts are quoted as they stand.
 */
export class AnalysisCache {
  readonly #analyses = new Map<string, AnalysedText>();

  constructor(readonly limit = 4_096) {}

  /** The analysis of `text()` remembered under `key` (the text is made only when not remembered). */
  get(key: string, text: () => string): AnalysedText {
    let analysed = this.#analyses.get(key);
    if (!analysed) {
      analysed = analyse(text(), { isNameAtStart: () => true });
      if (this.#analyses.size >= this.limit) this.#analyses.delete(this.#analyses.keys().next().value!);
      this.#analyses.set(key, analysed);
    }
    return analysed;
  }
}
