import type { Passage } from '../retrieve/types.js';

/** One numbered citation: `quote === sourceText.slice(start, end)`. */
export interface Citation {
  n: number;
  chunkId: string;
  source: string;
  start: number;
  end: number;
  quote: string;
  score: number;
}

export interface Answer {
  answer: string;
  answerable: boolean;
  citations: Citation[];
}

/** Turns a question and its retrieved passages into a cited answer. */
export interface Answerer {
  answer(question: string, passages: Passage[]): Promise<Answer>;
}
