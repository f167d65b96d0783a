import type { DeclineInput } from './decline.js';
import fitted from './weights.json' with { type: 'json' };

/**
 * The answerer's weights. `sentence` ranks candidate sentences (a linear score); `decline` is a
 * logistic model over the best candidate's signals giving the probability that it answers the
 * question, and answers below `threshold` are declined. Both are fitted on data by
 * `npm run fit:weights` (scripts/fit-answer-weights.ts), which rewrites weights.json.
 */
export interface AnswerWeights {
  sentence: { bias: number; coverage: number; exactCoverage: number; passageCoverage: number; offersType: number; short: number; rank: number };
  decline: {
    bias: number;
    /** Per input of src/answer/decline.ts (DECLINE_INPUTS): coverage shares, shares of the question's facts only in the context or unsaid counts in words, its information, the question words it leaves unsaid (unmatched-terms.ts), its lead over the next sentence. */
    weights: Partial<Record<DeclineInput, number>>;
    threshold: number;
  };
  /** Where the weights came from, for the record. */
  fittedOn?: string;
}

export const DEFAULT_WEIGHTS: AnswerWeights = fitted as AnswerWeights;
