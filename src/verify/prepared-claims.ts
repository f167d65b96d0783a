import { BoundedMemo } from '../bounded-memo.js';
import type { CorpusIndex } from '../index/store.js';
import type { PreparedClaim } from './assess.js';
import { clauses, type Clause } from './clauses.js';
import { prepareClaim } from './prepare-claim.js';

/** Claim texts whose reading is remembered (about 2–4 KiB each). */
const REMEMBERED_CLAIMS = 2_048;

/**
 * Claims read once per text for one index version (a claim's word weights are the index's IDFs): an
 * extractive answer's claims are the corpus sentences it quotes, read again whenever another question
 * quotes them, and each clause of a two-part claim is read again for every check.
 */
export class PreparedClaims {
  readonly #prepared: BoundedMemo<string, PreparedClaim>;
  readonly #clauses = new BoundedMemo<string, readonly Clause[]>((claim) => clauses(claim), REMEMBERED_CLAIMS);

  constructor(index: CorpusIndex, limit = REMEMBERED_CLAIMS) {
    this.#prepared = new BoundedMemo((claim) => prepareClaim(claim, index), limit);
  }

  /** The claim read (see prepareClaim); the same object for the same text: callers must not change it. */
  prepare(claim: string): PreparedClaim {
    return this.#prepared.get(claim);
  }

  clauses(claim: string): readonly Clause[] {
    return this.#clauses.get(claim);
  }

  get size(): number {
    return this.#prepared.size;
  }
}
