import { BoundedMemo } from '../bounded-memo.js';
import type { SpanRef } from './types.js';

/** Checks whose result is remembered (a verdict with up to three evidence spans, a few KiB each). */
const REMEMBERED_CHECKS = 2_048;

export interface ClaimAgainstSpans {
  claim: string;
  spans: readonly SpanRef[];
  clip: boolean;
}

type Key = [clip: boolean, claim: string, spans: Array<[source: string, start: number, end: number]>];

/**
 * Checks of a claim against spans, remembered per index version (one per checker). An extractive
 * answer's claims are the corpus sentences it quotes, checked against the very spans it cites:
 * whichever question quotes a sentence, its check is the same, so it is made once per sentence
 * rather than once per answer. The promise is kept, so concurrent requests share one check; a
 * failed check is forgotten. Callers must not change the result.
 */
export class CheckedClaims<Result> {
  readonly #checks: BoundedMemo<string, Promise<Result>>;

  constructor(check: (what: ClaimAgainstSpans) => Promise<Result>, limit = REMEMBERED_CHECKS) {
    this.#checks = new BoundedMemo((id) => {
      const [clip, claim, spans] = JSON.parse(id) as Key;
      return check({ claim, clip, spans: spans.map(([source, start, end]) => ({ source, start, end })) });
    }, limit);
  }

  get({ claim, spans, clip }: ClaimAgainstSpans): Promise<Result> {
    // Only what the check reads goes into the key: a passage's other fields (score, chunk) do not change it.
    const id = JSON.stringify([clip, claim, spans.map(({ source, start, end }) => [source, start, end])] satisfies Key);
    const result = this.#checks.get(id);
    result.catch(() => this.#checks.delete(id));
    return result;
  }

  get size(): number {
    return this.#checks.size;
  }
}
