import type { Passage } from '../retrieve/types.js';
import type { QuestionType } from './question-type.js';

/** One numbered citation: `quote === sourceText.slice(start, end)`. */
export interface Citation {
  n: number;
  chunkId: string;
  source: string;
  start: number;
  end: number;
  quote: string;
  /** The headings above the quote, outermost first. */
  section: string[];
  /** PDF: the page the quote starts on. */
  page?: number;
  score: number;
}

export interface Answer {
  answer: string;
  answerable: boolean;
  citations: Citation[];
  /** How much of the question the best evidence covers (0–1); answers below the answerer's threshold are declined. */
  confidence?: number;
  /** What kind of answer the question wants. */
  questionType?: QuestionType;
  /** The one phrase that answers the question, inside citation n's span: `text === sourceText.slice(start, end)`. */
  shortAnswer?: ShortAnswer;
}

export interface ShortAnswer {
  text: string;
  n: number;
  start: number;
  end: number;
}

export interface AnswerOptions {
  /** Aborted when the client goes away: stop working. */
  signal?: AbortSignal;
  /** Receives the answer text piece by piece as it is produced (the pieces concatenate to `answer`). */
  onDelta?: (text: string) => void;
}

/** Turns a question and its retrieved passages into a cited answer. */
export interface Answerer {
  /** Reported in responses, so clients know what produced an answer. */
  readonly name: string;
  /**
   * Whether answers are chosen by matching the question's words against sentences (the extractive answerer): such an
   * answerer is given a follow-up's names-only reading first (see service-follow-up.ts). A language model reads the
   * whole standalone question and resolves what it points back to itself, streaming as it writes.
   */
  readonly matchesWords?: boolean;
  answer(question: string, passages: Passage[], options?: AnswerOptions): Promise<Answer>;
}
