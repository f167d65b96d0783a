/** The fields BM25 indexes, in the order the index files and field numbers use (text is field 0). */
export const LEXICAL_FIELDS = ['text', 'context'] as const;

/**
 * The postings of one term in one field, in ascending chunk number: chunk `docs[i]` with term
 * frequency `tfs[i + tfOffset]`, for i from `from` while below `to`, by `step`. One shape for the
 * frozen base's typed arrays and for the interleaved arrays of chunks added since.
 */
export interface PostingRun {
  docs: ArrayLike<number>;
  tfs: ArrayLike<number>;
  from: number;
  to: number;
  step: number;
  tfOffset: number;
}

/**
 * Chunks added to a lexical index since its frozen base was built or read (all of them in a cold
 * build): per field, each term's postings as one growing array of [chunk, frequency, chunk,
 * frequency, …]. Chunks are numbered on from `first` (the base's size), so postings stay in
 * ascending chunk number, the order ties are broken in.
 */
export class LexicalPostings {
  readonly terms: ReadonlyArray<Map<string, number[]>> = LEXICAL_FIELDS.map(() => new Map());
  readonly ids: string[] = [];
  /** Per field, each added chunk's number of distinct terms (its BM25 length). */
  readonly lengths: ReadonlyArray<number[]> = LEXICAL_FIELDS.map(() => []);

  constructor(readonly first: number) {}

  /** Adds a chunk given the terms of each field; returns its chunk number. */
  add(id: string, fieldTerms: ReadonlyArray<readonly string[]>): number {
    const doc = this.first + this.ids.length;
    this.ids.push(id);
    const frequencies = new Map<string, number>();
    fieldTerms.forEach((terms, field) => {
      frequencies.clear();
      // An empty term counts towards the length (distinct terms) but is not indexed, as in MiniSearch.
      let empty = 0;
      for (const term of terms) {
        if (term) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
        else empty = 1;
      }
      this.lengths[field]!.push(frequencies.size + empty);
      const postings = this.terms[field]!;
      for (const [term, tf] of frequencies) {
        const list = postings.get(term);
        if (list) list.push(doc, tf);
        else postings.set(term, [doc, tf]);
      }
    });
    return doc;
  }

  run(field: number, term: string): PostingRun | undefined {
    const list = this.terms[field]!.get(term);
    return list && { docs: list, tfs: list, from: 0, to: list.length, step: 2, tfOffset: 1 };
  }

  length(field: number, doc: number): number {
    return this.lengths[field]![doc - this.first]!;
  }

  /** Every term some added chunk uses, in JavaScript's string order. */
  sortedTerms(): string[] {
    const all = new Set<string>();
    for (const postings of this.terms) for (const term of postings.keys()) all.add(term);
    return [...all].sort();
  }

  get postingCount(): number {
    let count = 0;
    for (const postings of this.terms) for (const list of postings.values()) count += list.length / 2;
    return count;
  }
}
