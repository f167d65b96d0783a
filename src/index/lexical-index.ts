import MiniSearch, { type AsPlainObject } from 'minisearch';
import { terms } from '../match/analyzer.js';
import { Bm25Top } from './bm25-top.js';

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

export interface StoredLexicalIndex {
  search: AsPlainObject;
  /** Chunks whose text uses each term (the answerer's IDF; context not counted). */
  documentFrequency: Record<string, number>;
  documentCount: number;
}

/** Query terms looked up; a longer question's later terms add little and each one costs a posting-list scan. */
const MAX_QUERY_TERMS = 64;

/**
 * Each distinct term of a query once: MiniSearch would scan a term's postings again for every
 * repetition, so a long question that repeats its words cost seconds (issue 11).
 */
const queryTerms = (query: string) => [...new Set(terms(query))].slice(0, MAX_QUERY_TERMS);

/** The terms of the chunk text MiniSearch analysed last, so counting document frequencies does not analyse it a second time. */
let lastText: { text: string; terms: string[] } | undefined;

function tokenizeField(text: string, field?: string): string[] {
  const result = terms(text);
  if (field === 'text') lastText = { text, terms: result };
  return result;
}

const OPTIONS = { fields: ['text', 'context'], tokenize: tokenizeField, processTerm: (term: string) => term };
/** Each field searched, with its weight. */
const FIELD_BOOSTS = [['text', 1], ['context', CONTEXT_BOOST]] as const;

/** BM25 over chunk texts and their context (MiniSearch), sharing the analyzer the answerer uses for term matching. */
export class LexicalIndex {
  readonly #search: MiniSearch<LexicalEntry>;
  readonly #top: Bm25Top<LexicalEntry>;
  readonly #documentFrequency: Map<string, number>;
  #documentCount: number;

  private constructor(search: MiniSearch<LexicalEntry>, documentFrequency: Map<string, number>, documentCount: number) {
    this.#search = search;
    this.#top = new Bm25Top(search, FIELD_BOOSTS);
    this.#documentFrequency = documentFrequency;
    this.#documentCount = documentCount;
  }

  static build(entries: readonly LexicalEntry[]): LexicalIndex {
    const index = new LexicalIndex(new MiniSearch<LexicalEntry>(OPTIONS), new Map(), 0);
    index.add(entries);
    return index;
  }

  static load(stored: StoredLexicalIndex): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJS<LexicalEntry>(stored.search, OPTIONS), new Map(Object.entries(stored.documentFrequency)), stored.documentCount);
  }

  toJSON(): StoredLexicalIndex {
    return { search: this.#search.toJSON(), documentFrequency: Object.fromEntries(this.#documentFrequency), documentCount: this.#documentCount };
  }

  add(entries: readonly LexicalEntry[]): void {
    for (const entry of entries) {
      this.#search.add(entry);
      this.#count(lastText?.text === entry.text ? lastText.terms : terms(entry.text), 1);
    }
    lastText = undefined;
    this.#top.invalidate();
  }

  /** Removes chunks (given as they were added, so their terms can be uncounted). */
  remove(entries: readonly LexicalEntry[]): void {
    for (const entry of entries) {
      this.#search.discard(entry.id);
      this.#count(terms(entry.text), -1);
    }
    this.#top.invalidate();
  }

  #count(textTerms: readonly string[], delta: 1 | -1) {
    this.#documentCount += delta;
    for (const term of new Set(textTerms)) {
      const count = (this.#documentFrequency.get(term) ?? 0) + delta;
      if (count > 0) this.#documentFrequency.set(term, count);
      else this.#documentFrequency.delete(term);
    }
  }

  /** The best `limit` chunks for `query`; `only` keeps the chunks (by id) it accepts. */
  search(query: string, limit: number, only?: (id: string) => boolean): LexicalHit[] {
    return this.#top.top(queryTerms(query), limit, only);
  }

  /** BM25-style inverse document frequency; terms the corpus never uses weigh the most. */
  idf(term: string): number {
    const df = this.#documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.#documentCount - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.#documentFrequency.has(term);
  }
}
