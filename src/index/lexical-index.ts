import { terms } from '../match/analyzer.js';
import { bm25Norm, Bm25Top, liveCount, type PostingSource, type QueryTerm } from './bm25-top.js';
import { CompactLexical } from './lexical-compact.js';
import { mergeLexical } from './lexical-merge.js';
import { LEXICAL_FIELDS, LexicalPostings, type PostingRun } from './lexical-postings.js';

export interface LexicalHit {
  id: string;
  score: number;
}

/** What BM25 indexes of a chunk: its text, and its context (document title and section headings). */
export interface LexicalEntry {
  id: string;
  text: string;
  context: string;
}

/** How much a match in a chunk's title and headings counts against a match in its text (SQuAD accuracy: 0.845 at 0.5 and at 1). */
export const CONTEXT_BOOST = 1;
/** Each field's weight, in LEXICAL_FIELDS' order. */
const FIELD_BOOSTS = [1, CONTEXT_BOOST];
const TEXT_FIELD = LEXICAL_FIELDS.indexOf('text');

/** Query terms looked up; a longer question's later terms add little and each one costs a posting-list scan. */
export const MAX_QUERY_TERMS = 64;

/**
 * Each distinct term of a query once: a term's postings were scanned again for every repetition,
 * so a long question that repeats its words cost seconds (issue 11).
 */
const queryTerms = (query: string) => [...new Set(terms(query))].slice(0, MAX_QUERY_TERMS);

/**
 * BM25 over chunk texts and their context, sharing the analyzer the answerer uses for term matching,
 * and the document frequencies the answerer weighs terms by. Scores and their order are MiniSearch's
 * (the library it used before, pinned by tests/index/bm25-top.test.ts).
 *
 * A frozen base (lexical.bin as read, or what the last write merged) plus the chunks added since and
 * the base's chunks removed since. Serving workers only ever read the base; the indexer changes the
 * index it read and merges on write — a rebuild of the compact form, a second or two at 100k chunks,
 * which keeps the file one sorted, gap-free table instead of a chain of overlays to read and score.
 */
export class LexicalIndex implements PostingSource {
  #base: CompactLexical;
  #added: LexicalPostings;
  readonly #removed = new Set<number>();
  /** Each field's average length, updated as MiniSearch does (a running average: scores depend on its rounding). */
  #averages: number[];
  #documentCount: number;
  /** Chunk number by id, built on the first change (serving never needs it). */
  #numbers: Map<string, number> | undefined;
  #norms: Float64Array[] | undefined;
  readonly #top = new Bm25Top(this, FIELD_BOOSTS);

  private constructor(base: CompactLexical) {
    this.#base = base;
    this.#added = new LexicalPostings(base.size);
    this.#averages = [...base.parts.averages];
    this.#documentCount = base.size;
  }

  static build(entries: readonly LexicalEntry[]): LexicalIndex {
    const index = new LexicalIndex(CompactLexical.empty());
    index.add(entries);
    return index;
  }

  /** Reads lexical.bin's bytes (`name` is the file, for errors). */
  static decode(bytes: Buffer, name: string): LexicalIndex {
    return new LexicalIndex(CompactLexical.decode(bytes, name));
  }

  /** lexical.bin's bytes, as pieces to write one after the other; merges the changes into the base first. */
  encode(): Uint8Array[] {
    if (this.#added.ids.length > 0 || this.#removed.size > 0) {
      this.#base = mergeLexical(this.#base, this.#removed, this.#added, this.#averages);
      this.#added = new LexicalPostings(this.#base.size);
      this.#removed.clear();
      this.#numbers = undefined;
      this.#norms = undefined;
    }
    return this.#base.encode();
  }

  add(entries: readonly LexicalEntry[]): void {
    const numbers = this.#chunkNumbers();
    // Chunks of one section come in a row with the same context (title and headings): analysed once.
    let previous: { context: string; terms: readonly string[] } | undefined;
    for (const { id, text, context } of entries) {
      if (numbers.has(id)) throw new Error(`The lexical index already holds chunk ${id}`);
      if (previous?.context !== context) previous = { context, terms: terms(context) };
      const fieldTerms = [terms(text), previous.terms];
      const doc = this.#added.add(id, fieldTerms);
      numbers.set(id, doc);
      // MiniSearch's addFieldLength: the count before this chunk.
      this.#averages = this.#averages.map((average, f) => (average * this.#documentCount + this.#added.length(f, doc)) / (this.#documentCount + 1));
      this.#documentCount++;
    }
    this.#norms = undefined;
  }

  /** Removes chunks by id. */
  remove(entries: ReadonlyArray<Pick<LexicalEntry, 'id'>>): void {
    const numbers = this.#chunkNumbers();
    for (const { id } of entries) {
      const doc = numbers.get(id);
      if (doc === undefined) throw new Error(`The lexical index holds no chunk ${id}`);
      // MiniSearch's removeFieldLength: the count before this chunk leaves.
      this.#averages = this.#averages.map((average, f) => (this.#documentCount === 1 ? 0 : (average * this.#documentCount - this.#length(f, doc)) / (this.#documentCount - 1)));
      this.#documentCount--;
      this.#removed.add(doc);
      numbers.delete(id);
    }
    this.#norms = undefined;
  }

  /** The best `limit` chunks for `query`; `only` keeps the chunks (by id) it accepts. */
  search(query: string, limit: number, only?: (id: string) => boolean): LexicalHit[] {
    return this.#top.top(queryTerms(query), limit, only);
  }

  /** The best `limit` chunks for query terms already analysed, some with alternatives (query expansion, src/retrieve/query-expansion.ts). */
  searchTerms(terms: readonly QueryTerm[], limit: number): LexicalHit[] {
    return this.#top.top(terms.slice(0, MAX_QUERY_TERMS), limit);
  }

  /** BM25-style inverse document frequency over chunk texts (contexts not counted); terms the corpus never uses weigh the most. */
  idf(term: string): number {
    const df = this.#textFrequency(term);
    return Math.log(1 + (this.#documentCount - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.#textFrequency(term) > 0;
  }

  #textFrequency(term: string): number {
    const fields = this.postings(term);
    return fields ? liveCount(fields[TEXT_FIELD]!, this.hasRemoved ? this.norms()[TEXT_FIELD] : undefined) : 0;
  }

  get slots(): number {
    return this.#added.first + this.#added.ids.length;
  }

  get documentCount(): number {
    return this.#documentCount;
  }

  get hasRemoved(): boolean {
    return this.#removed.size > 0;
  }

  postings(term: string): PostingRun[][] | undefined {
    const inBase = this.#base.termIndex(term);
    const fields = LEXICAL_FIELDS.map((_, f) => [inBase >= 0 ? this.#base.run(inBase, f) : undefined, this.#added.run(f, term)].filter((run) => run !== undefined));
    return fields.some((runs) => runs.length > 0) ? fields : undefined;
  }

  norms(): Float64Array[] {
    return (this.#norms ??= LEXICAL_FIELDS.map((_, f) => {
      const norm = new Float64Array(this.slots);
      for (let doc = 0; doc < norm.length; doc++) norm[doc] = this.#removed.has(doc) ? Number.NaN : bm25Norm(this.#length(f, doc), this.#averages[f]!);
      return norm;
    }));
  }

  idOf(doc: number): string {
    return doc < this.#base.size ? this.#base.parts.ids.at(doc) : this.#added.ids[doc - this.#base.size]!;
  }

  #length(field: number, doc: number): number {
    return doc < this.#base.size ? this.#base.length(field, doc) : this.#added.length(field, doc);
  }

  #chunkNumbers(): Map<string, number> {
    if (!this.#numbers) {
      this.#numbers = new Map();
      for (let doc = 0; doc < this.slots; doc++) if (!this.#removed.has(doc)) this.#numbers.set(this.idOf(doc), doc);
    }
    return this.#numbers;
  }
}
