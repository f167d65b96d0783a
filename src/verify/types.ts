/** What the citation checker concludes about a claim. */
export type Verdict = 'supported' | 'partially_supported' | 'contradicted' | 'not_found';

export const VERDICTS: readonly Verdict[] = ['supported', 'partially_supported', 'contradicted', 'not_found'];

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

/** A value of the claim that the evidence states differently, and where the evidence's value sits. */
export interface Conflict extends SpanRef {
  /** As written in the claim ("2016"). */
  claim: string;
  /** As written in the evidence ("2014"); `evidence === sourceText.slice(start, end)`. */
  evidence: string;
}

export interface VerifyResult {
  verdict: Verdict;
  /** 0–1: IDF-weighted share of the claim found in the best evidence, discounted for every changed or missing number, date or name. */
  score: number;
  evidence: Evidence[];
  /** For `contradicted`: the differing values. */
  conflicts?: Conflict[];
  /** For `partially_supported` (and `contradicted`): the parts of the claim the evidence does not state, as written in the claim. */
  missing?: string[];
}

export interface VerifyThresholds {
  /** Coverage from which a claim with every fact in the evidence is supported. */
  supported: number;
  /** Coverage from which a claim is partially supported (below: not found). */
  partial: number;
  /** Coverage (of the claim's other words) from which a changed value or a negation makes the claim contradicted. */
  contradicted: number;
  /** A claim is only supported when no single missing part weighs more than this share of it. */
  largestGap: number;
  /** …and partially supported only when no single missing part weighs more than this share (above: not found). */
  partialGap: number;
  /** Each number, date or name of the claim missing or changed in the evidence multiplies the score by this. */
  factPenalty: number;
}

/** Calibrated on tests/verify/claims.jsonl (see tests/verify/calibration.ts); claims-heldout.jsonl was not used. */
export const DEFAULT_THRESHOLDS: VerifyThresholds = { supported: 0.7, partial: 0.7, contradicted: 0.75, largestGap: 0.25, partialGap: 0.35, factPenalty: 0.75 };

export class InvalidSpanError extends Error {
  override name = 'InvalidSpanError';
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}
