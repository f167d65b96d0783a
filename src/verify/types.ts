/** What the citation checker concludes about a claim. */
export type Verdict = 'supported' | 'partially_supported' | 'not_found';

export const VERDICTS: readonly Verdict[] = ['supported', 'partially_supported', 'not_found'];

/** A span of an indexed source: `[start, end)` in UTF-16 code units of its text. */
export interface SpanRef {
  source: string;
  start: number;
  end: number;
}

/** A span that supports a claim; `quote === sourceText.slice(start, end)`. */
export interface Evidence extends SpanRef {
  quote: string;
  /** The headings above the quote, outermost first. */
  section: string[];
  /** PDF: the page the quote starts on. */
  page?: number;
  score: number;
}

export interface VerifyResult {
  verdict: Verdict;
  /** 0–1: IDF-weighted share of the claim found in the best evidence, discounted for every changed number, month or name. */
  score: number;
  evidence: Evidence[];
}

export interface VerifyThresholds {
  /** Score from which a claim with all its numbers, months and names in the evidence is supported. */
  supported: number;
  /** Score from which a claim is partially supported (below: not found). */
  partial: number;
  /** Each number, month or name of the claim missing from the evidence multiplies the score by this. */
  factPenalty: number;
}

/** Calibrated on tests/verify/claims.jsonl with the default embedding model (see tests/verify/calibrate.ts). */
export const DEFAULT_THRESHOLDS: VerifyThresholds = { supported: 0.65, partial: 0.6, factPenalty: 0.75 };

export class InvalidSpanError extends Error {
  override name = 'InvalidSpanError';
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}
