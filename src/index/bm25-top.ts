import type { PostingRun } from './lexical-postings.js';

/** MiniSearch's default BM25+ parameters, which the lexical index has always searched with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** A chunk's length normalisation in one field: k·(1 − b + b·length/average). */
export const bm25Norm = (length: number, average: number) => BM25.k * (1 - BM25.b + (BM25.b * length) / average);

/** A term that may stand for a query term (query expansion), and how much a match of it counts against a match of the term itself. */
export interface TermAlternative {
  term: string;
  weight: number;
}

/**
 * A query term: a term, or a group of alternatives (the term itself at weight 1 and what may stand
 * for it). A chunk's score for a group is the sum of its alternatives' weighted BM25 scores, and a
 * chunk matching any of them counts as matching the query term once (`matched`), not once per alternative.
 */
export type QueryTerm = string | readonly TermAlternative[];

export interface ScoredId {
  id: string;
  score: number;
}

/** What the scorer reads of a lexical index. */
export interface PostingSource {
  /** Chunk numbers in use (removed ones included). */
  readonly slots: number;
  /** Live chunks. */
  readonly documentCount: number;
  /** True when some chunk numbers are removed chunks whose postings remain. */
  readonly hasRemoved: boolean;
  /** Per field (in the boosts' order), the runs holding a term's postings, in ascending chunk number; undefined for an unknown term. */
  postings(term: string): ReadonlyArray<readonly PostingRun[]> | undefined;
  /** Per field, each chunk's `bm25Norm`, NaN for removed chunks. */
  norms(): readonly Float64Array[];
  idOf(doc: number): string;
}

/** How many chunks of `runs` are live: all of them when no chunk was removed (no `norm` given), else those whose norm is a number. */
export function liveCount(runs: readonly PostingRun[], norm: Float64Array | undefined): number {
  let live = 0;
  for (const run of runs) {
    if (!norm) live += (run.to - run.from) / run.step;
    else for (let i = run.from; i < run.to; i += run.step) if (!Number.isNaN(norm[run.docs[i]!]!)) live++;
  }
  return live;
}

/**
 * MiniSearch's OR search, as the lexical index ran it before its own format (BM25+ summed over terms
 * and fields, times the number of query terms a chunk matches; ties in first-seen order: term by
 * term, field by field, ascending chunk number), computed into typed arrays and only the best `limit`
 * kept. tests/index/bm25-top.test.ts pins the scores and order to MiniSearch's own search.
 */
export class Bm25Top {
  #total = new Float64Array(0);
  #termScore = new Float64Array(0);
  #matched = new Uint16Array(0);
  #seenInQuery = new Uint32Array(0);
  #seenInTerm = new Uint32Array(0);
  /** Scratch lists of chunk numbers (a term's chunks; the query's in first-seen order): typed arrays, not growing arrays, since a common term reaches thousands of chunks on every query. */
  #touched = new Int32Array(0);
  #order = new Int32Array(0);
  #stamp = 0;

  constructor(
    private readonly source: PostingSource,
    /** Per field, its weight. */
    private readonly boosts: readonly number[],
  ) {}

  top(terms: readonly QueryTerm[], limit: number, accept?: (id: string) => boolean): ScoredId[] {
    const count = this.#score(terms);
    // Locals, not private fields, inside the loops over every matching chunk: V8 reads them faster.
    const order = this.#order;
    const total = this.#total;
    const matched = this.#matched;
    const best: ScoredId[] = [];
    for (let i = 0; i < count; i++) {
      const doc = order[i]!;
      const score = total[doc]! * matched[doc]!;
      // Ties keep first-seen order, as MiniSearch's stable sort does: a later equal score does not displace.
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      const id = this.source.idOf(doc);
      if (accept && !accept(id)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { id, score });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /** Fills #total and #matched for every chunk a term reaches and #order with them in first-seen order; returns how many. */
  #score(terms: readonly QueryTerm[]): number {
    const source = this.source;
    this.#ensureCapacity(source.slots);
    const norms = source.norms();
    const queryStamp = this.#nextStamp();
    const total = this.#total;
    const matched = this.#matched;
    const seenInQuery = this.#seenInQuery;
    const touched = this.#touched;
    const order = this.#order;
    let ordered = 0;
    for (const queryTerm of terms) {
      const termStamp = this.#nextStamp();
      let touchedCount = 0;
      if (typeof queryTerm === 'string') touchedCount = this.#scoreTerm(queryTerm, 1, norms, termStamp, 0);
      else for (const { term, weight } of queryTerm) touchedCount = this.#scoreTerm(term, weight, norms, termStamp, touchedCount);
      const termScore = this.#termScore;
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        if (seenInQuery[doc] === queryStamp) {
          total[doc]! += termScore[doc]!;
          matched[doc]!++;
        } else {
          seenInQuery[doc] = queryStamp;
          total[doc] = termScore[doc]!;
          matched[doc] = 1;
          order[ordered++] = doc;
        }
      }
    }
    return ordered;
  }

  /** Adds one term's weighted BM25+ scores, field by field, into #termScore; chunks it reaches first are appended to #touched from `touchedCount`; returns the new count. */
  #scoreTerm(term: string, weight: number, norms: readonly Float64Array[], termStamp: number, touchedCount: number): number {
    const source = this.source;
    const fields = source.postings(term);
    if (!fields) return touchedCount;
    const { k, d } = BM25;
    const termScore = this.#termScore;
    const seenInTerm = this.#seenInTerm;
    const touched = this.#touched;
    const boosts = this.boosts;
    for (let f = 0; f < boosts.length; f++) {
      const runs = fields[f]!;
      const norm = norms[f]!;
      const live = liveCount(runs, source.hasRemoved ? norm : undefined);
      if (live === 0) continue;
      const idf = Math.log(1 + (source.documentCount - live + 0.5) / (live + 0.5));
      const weightedBoost = boosts[f]! * weight;
      for (const { docs, tfs, from, to, step, tfOffset } of runs) {
        for (let i = from; i < to; i += step) {
          const doc = docs[i]!;
          const length = norm[doc]!;
          if (Number.isNaN(length)) continue;
          const tf = tfs[i + tfOffset]!;
          const score = weightedBoost * (idf * (d + (tf * (k + 1)) / (tf + length)));
          if (seenInTerm[doc] === termStamp) termScore[doc]! += score;
          else {
            seenInTerm[doc] = termStamp;
            termScore[doc] = score;
            touched[touchedCount++] = doc;
          }
        }
      }
    }
    return touchedCount;
  }

  #ensureCapacity(size: number): void {
    if (this.#total.length >= size) return;
    const capacity = Math.ceil(size * 1.25);
    this.#total = new Float64Array(capacity);
    this.#termScore = new Float64Array(capacity);
    this.#matched = new Uint16Array(capacity);
    this.#seenInQuery = new Uint32Array(capacity);
    this.#seenInTerm = new Uint32Array(capacity);
    this.#touched = new Int32Array(capacity);
    this.#order = new Int32Array(capacity);
    this.#stamp = 0;
  }

  /** Stamps mark which entries of the scratch arrays belong to the current query or term, so they are never cleared. */
  #nextStamp(): number {
    if (this.#stamp === 0xffffffff) {
      this.#seenInQuery.fill(0);
      this.#seenInTerm.fill(0);
      this.#stamp = 0;
    }
    return ++this.#stamp;
  }
}
