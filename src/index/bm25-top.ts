import type MiniSearch from 'minisearch';

/**
 * The protected state MiniSearch 7 keeps for its subclasses, read here to score without its
 * per-result objects. tests/index/bm25-top.test.ts pins the scores and order to MiniSearch's own search.
 */
interface MiniSearchState {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

/** MiniSearch's default BM25+ parameters, which the lexical index searches with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface ScoredId {
  id: string;
  score: number;
}

/**
 * MiniSearch's OR search (BM25+ summed over terms and fields, times the number of query terms a
 * chunk matches; ties in first-seen order), computed into typed arrays with the length
 * normalisation of every chunk precomputed, and only the best `limit` kept. MiniSearch's own search
 * builds an object per matching chunk and sorts them all, which grew with the corpus (issue 10).
 */
export class Bm25Top<T> {
  readonly #state: MiniSearchState;
  /** Per field, by MiniSearch's short id: k·(1 − b + b·length/average), NaN for removed chunks. */
  #norms: Float64Array[] | undefined;
  #total = new Float64Array(0);
  #termScore = new Float64Array(0);
  #matched = new Uint16Array(0);
  #seenInQuery = new Uint32Array(0);
  #seenInTerm = new Uint32Array(0);
  #stamp = 0;

  constructor(search: MiniSearch<T>, private readonly boosts: ReadonlyArray<readonly [field: string, boost: number]>) {
    this.#state = search as unknown as MiniSearchState;
  }

  /** Chunks were added or removed: lengths and their average changed. */
  invalidate(): void {
    this.#norms = undefined;
  }

  top(terms: readonly string[], limit: number, accept?: (id: string) => boolean): ScoredId[] {
    const state = this.#state;
    const norms = (this.#norms ??= this.#computeNorms());
    const order = this.#score(terms, norms);
    // Locals, not private fields, inside the loops over every matching chunk: V8 reads them faster.
    const total = this.#total;
    const matched = this.#matched;
    const best: Array<{ id: string; score: number }> = [];
    for (const doc of order) {
      const score = total[doc]! * matched[doc]!;
      // Ties keep first-seen order, as MiniSearch's stable sort does: a later equal score does not displace.
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      const id = String(state._documentIds.get(doc));
      if (accept && !accept(id)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { id, score });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /** Fills #total and #matched for every chunk a term reaches; returns them in first-seen order. */
  #score(terms: readonly string[], norms: Float64Array[]): number[] {
    const state = this.#state;
    this.#ensureCapacity(state._nextId);
    const queryStamp = this.#nextStamp();
    const order: number[] = [];
    const { k, d } = BM25;
    const total = this.#total;
    const termScore = this.#termScore;
    const matched = this.#matched;
    const seenInQuery = this.#seenInQuery;
    const seenInTerm = this.#seenInTerm;
    for (const term of terms) {
      const data = state._index.get(term);
      if (!data) continue;
      const termStamp = this.#nextStamp();
      const touched: number[] = [];
      this.boosts.forEach(([field, boost], f) => {
        const fieldId = state._fieldIds[field]!;
        const freqs = data.get(fieldId);
        if (!freqs) return;
        const norm = norms[f]!;
        const live = state._dirtCount === 0 ? freqs.size : countLive(freqs, norm);
        const idf = Math.log(1 + (state._documentCount - live + 0.5) / (live + 0.5));
        // forEach, not for…of: no [key, value] array per posting.
        freqs.forEach((tf, doc) => {
          const length = norm[doc];
          if (length === undefined || Number.isNaN(length)) return;
          const score = boost * (idf * (d + (tf * (k + 1)) / (tf + length)));
          if (seenInTerm[doc] === termStamp) termScore[doc]! += score;
          else {
            seenInTerm[doc] = termStamp;
            termScore[doc] = score;
            touched.push(doc);
          }
        });
      });
      for (const doc of touched) {
        if (seenInQuery[doc] === queryStamp) {
          total[doc]! += termScore[doc]!;
          matched[doc]!++;
        } else {
          seenInQuery[doc] = queryStamp;
          total[doc] = termScore[doc]!;
          matched[doc] = 1;
          order.push(doc);
        }
      }
    }
    return order;
  }

  #computeNorms(): Float64Array[] {
    const state = this.#state;
    return this.boosts.map(([field]) => {
      const fieldId = state._fieldIds[field]!;
      const average = state._avgFieldLength[fieldId]!;
      const norm = new Float64Array(state._nextId).fill(Number.NaN);
      for (const [doc, lengths] of state._fieldLength) norm[doc] = BM25.k * (1 - BM25.b + (BM25.b * lengths[fieldId]!) / average);
      return norm;
    });
  }

  #ensureCapacity(size: number): void {
    if (this.#total.length >= size) return;
    const capacity = Math.ceil(size * 1.25);
    this.#total = new Float64Array(capacity);
    this.#termScore = new Float64Array(capacity);
    this.#matched = new Uint16Array(capacity);
    this.#seenInQuery = new Uint32Array(capacity);
    this.#seenInTerm = new Uint32Array(capacity);
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

/** Postings of chunks still in the index (removed chunks linger in MiniSearch's postings until vacuumed). */
function countLive(freqs: Map<number, number>, norm: Float64Array): number {
  let live = 0;
  for (const doc of freqs.keys()) if (!Number.isNaN(norm[doc] ?? Number.NaN)) live++;
  return live;
}
