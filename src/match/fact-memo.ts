import type { Token } from './analyzer.js';
import type { AnalysedText, Fact } from './facts.js';

/** The outer table of a two-key memo: a WeakMap when its entries must die with their first key. */
interface Rows<A extends object, B, T> {
  get(key: A): Map<B, T> | undefined;
  set(key: A, row: Map<B, T>): unknown;
}

/** `compute` remembered per pair of keys, in `rows`. */
function perKeys<A extends object, B, T>(rows: Rows<A, B, T>, compute: (a: A, b: B) => T): (a: A, b: B) => T {
  return (a, b) => {
    let row = rows.get(a);
    if (!row) rows.set(a, (row = new Map()));
    if (row.has(b)) return row.get(b)!;
    const value = compute(a, b);
    row.set(b, value);
    return value;
  };
}

/**
 * What a fact's surroundings are (its context words, the noun it counts) depends only on the analysed
 * text it belongs to and the fact itself. Evidence analyses are cached across requests (per index
 * version), so computing these once per fact instead of once per comparison saves most of the fact
 * comparison's work. Kept as long as the analysis is: a WeakMap on the analysis object, so the memo is
 * bounded by the analysis caches and dies with the index version that made them.
 */
export function perFact<T>(compute: (text: AnalysedText, fact: Fact) => T): (text: AnalysedText, fact: Fact) => T {
  return perKeys(new WeakMap<AnalysedText, Map<Fact, T>>(), compute);
}

/**
 * One comparison's pair scores: a fact is scored against the same candidate several times (to pick
 * its own match, then against its rivals, and inside sort comparators); each pair is computed once.
 */
export function perPair<T>(compute: (fact: Fact, candidate: Fact) => T): (fact: Fact, candidate: Fact) => T {
  return perKeys(new Map<Fact, Map<Fact, T>>(), compute);
}

/** An analysed text's distinct words: to ask whether any of them matches a word without trying each token. */
export interface Vocabulary {
  terms: ReadonlySet<string>;
  words: ReadonlySet<string>;
  /** The distinct words of its plain (lower-case, non-value) tokens: the only ones soft matching may use. */
  plainWords: readonly string[];
}

/** A value computed from one object alone (an analysed text, a sentence's tokens), kept as long as that object is (see perFact). */
export function perObject<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const memo = new WeakMap<K, T>();
  return (key) => {
    if (memo.has(key)) return memo.get(key)!;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}

/** Each text's vocabulary, built once per analysis. */
export const vocabularies = (isPlainWord: (token: Token) => boolean) =>
  perObject((text: AnalysedText): Vocabulary => ({
    terms: new Set(text.tokens.map((token) => token.term)),
    words: new Set(text.tokens.map((token) => token.word)),
    plainWords: [...new Set(text.tokens.filter(isPlainWord).map((token) => token.word))],
  }));
