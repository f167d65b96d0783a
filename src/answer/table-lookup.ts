import { tokenize } from '../match/analyzer.js';
import type { TokenizedSentence } from '../match/sentences.js';

/**
 * A table is a lookup: "What is the storage size of the boolean type?" names a row ("boolean") and a column
 * ("Storage Size"), and the cell where they meet answers it. Word coverage cannot see that — the row says
 * "boolean | 1 byte | state of true or false" and leaves the question's other words to its column names,
 * while a prose sentence about storage and types repeats more of them — so a row the question addresses is
 * the answer by the table's structure, ranked first.
 */

/** Cells as the parsers join them (docs/formats.md). */
const CELL_SEPARATOR = ' | ';
/** "character varying(n), varchar(n)": one row names a thing several ways. */
const ALTERNATIVE_NAMES = /,|\bor\b/;

const termsOf = (text: string) => tokenize(text).map((token) => token.term).filter((term) => term.length > 1);

/**
 * Whether a question (its terms) names the row's first cell — all the words of one of its names — and a
 * column other than the first by a word the row's name does not hold.
 */
export function addressesRow(questionTerms: ReadonlySet<string>, row: string, columns: string): boolean {
  const [key, ...cells] = row.split(CELL_SEPARATOR);
  const [, ...named] = columns.split(CELL_SEPARATOR);
  if (key === undefined || cells.length === 0 || named.length === 0) return false;
  const keyTerms = termsOf(key);
  const keyNamed = key.split(ALTERNATIVE_NAMES).some((name) => {
    const terms = termsOf(name);
    return terms.length > 0 && terms.every((term) => questionTerms.has(term));
  });
  if (!keyNamed) return false;
  return named.some((column) => termsOf(column).some((term) => questionTerms.has(term) && !keyTerms.includes(term)));
}

/** The candidates with the table rows the question addresses first, each scored as certain, the others in their order; `ranked` itself when there is none. */
export function lookupsFirst<C extends { score: number }>(ranked: readonly C[], addressed: (candidate: C) => boolean): readonly C[] {
  const lookups = ranked.filter(addressed);
  if (lookups.length === 0) return ranked;
  return [...lookups.map((candidate) => ({ ...candidate, score: 1 })), ...ranked.filter((candidate) => !lookups.includes(candidate))];
}

/** Which candidates are rows the question (its weighted terms) addresses, given a row's column names (undefined for any other unit) and text. */
export function rowsAddressedBy(
  terms: ReadonlyArray<{ term: string }>,
  columnsOf: (sentence: TokenizedSentence) => string | undefined,
  text: (sentence: TokenizedSentence) => string,
): (candidate: { sentence: TokenizedSentence }) => boolean {
  const questionTerms = new Set(terms.map((term) => term.term));
  return ({ sentence }) => {
    const columns = columnsOf(sentence);
    return columns !== undefined && addressesRow(questionTerms, text(sentence), columns);
  };
}
