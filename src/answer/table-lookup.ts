import { CELL_SEPARATOR } from '../ingest/tables.js';
import { tokenize } from '../match/analyzer.js';
import type { Fact } from '../match/facts.js';
import type { Span, TokenizedSentence } from '../match/sentences.js';

/**
 * A table is a lookup: "What is the storage size of the boolean type?" names a row ("boolean") and a column
 * ("Storage Size"), and the cell where they meet answers it. Word coverage cannot see that — the row says
 * "boolean | 1 byte | state of true or false" and leaves the question's other words to its column names,
 * while a prose sentence about storage and types repeats more of them — so a row the question addresses is
 * the answer by the table's structure, ranked first.
 */

/** "character varying(n), varchar(n)": one row names a thing several ways. */
const ALTERNATIVE_NAMES = /,|\bor\b/;

const termsOf = (text: string) => tokenize(text).map((token) => token.term).filter((term) => term.length > 1);

/** What a question says, for looking a row up: all its terms (for columns), and those outside its code identifiers with the identifiers whole (for a row's name). */
export interface LookupQuestion {
  terms: ReadonlySet<string>;
  /** "time_low" names the row "time_low", not the row "time". */
  nameTerms: ReadonlySet<string>;
  identifiers: ReadonlySet<string>;
}

/** A question read for lookups, given its code identifiers (specifics.ts's `questionFacts` reads them). */
export function lookupQuestion(question: string, identifiers: readonly Fact[]): LookupQuestion {
  let outside = question;
  for (const identifier of identifiers) outside = outside.slice(0, identifier.start) + ' '.repeat(identifier.end - identifier.start) + outside.slice(identifier.end);
  return { terms: new Set(termsOf(question)), nameTerms: new Set(termsOf(outside)), identifiers: new Set(identifiers.map((identifier) => identifier.text.toLowerCase())) };
}

/**
 * The cell of a row a question addresses: it names the row's first cell — all the words of one of its names, or the
 * name whole as a code identifier — and a column other than the first by a word the row's name does not hold; the cell
 * under that column answers (offsets in the row). In a two-column table, naming the first column will do. Undefined
 * when the question does not address the row. A row with fewer cells than its table has columns (a PDF may drop an
 * empty one) answers with all its cells after its name.
 */
export function addressedCell(question: LookupQuestion, row: string, columns: string): Span | undefined {
  const cells = row.split(CELL_SEPARATOR);
  const names = columns.split(CELL_SEPARATOR);
  const key = cells[0]!;
  if (cells.length < 2 || names.length < 2) return undefined;
  const keyTerms = termsOf(key);
  const keyNamed = key.split(ALTERNATIVE_NAMES).some((name) => {
    const terms = termsOf(name);
    return question.identifiers.has(name.trim().toLowerCase()) || (terms.length > 0 && terms.every((term) => question.nameTerms.has(term)));
  });
  if (!keyNamed) return undefined;
  const asked = (i: number) => termsOf(names[i]!).some((term) => question.terms.has(term) && !keyTerms.includes(term));
  // Naming only the names' column ("the time_low field") asks for the one other column of a two-column table.
  const column = names.findIndex((_, i) => i > 0 && asked(i));
  if (column === -1 && !(names.length === 2 && asked(0))) return undefined;
  const startOf = (i: number) => cells.slice(0, i).reduce((length, cell) => length + cell.length + CELL_SEPARATOR.length, 0);
  if (cells.length !== names.length) return { start: startOf(1), end: row.length };
  const answering = column === -1 ? 1 : column;
  return { start: startOf(answering), end: startOf(answering) + cells[answering]!.length };
}

/**
 * The candidates with the table rows the question addresses first, each scored as certain and holding the cell that
 * answers, the others in their order; `ranked` itself when there is none.
 */
export function lookupsFirst<C extends { score: number; sentence: unknown; cell?: Span }>(ranked: readonly C[], cellOf: (candidate: C) => Span | undefined): readonly C[] {
  const lookups = ranked.flatMap((candidate) => {
    const cell = cellOf(candidate);
    return cell ? [{ ...candidate, score: 1, cell }] : [];
  });
  if (lookups.length === 0) return ranked;
  const looked = new Set(lookups.map((lookup) => lookup.sentence));
  return [...lookups, ...ranked.filter((candidate) => !looked.has(candidate.sentence))];
}

/** The cell a candidate answers with when it is a row the question addresses, given a row's column names (undefined for any other unit) and text. */
export function cellsAddressedBy(
  question: string,
  identifiers: readonly Fact[],
  columnsOf: (sentence: TokenizedSentence) => string | undefined,
  text: (sentence: TokenizedSentence) => string,
): (candidate: { sentence: TokenizedSentence }) => Span | undefined {
  let read: LookupQuestion | undefined;
  return ({ sentence }) => {
    const columns = columnsOf(sentence);
    if (columns === undefined) return undefined;
    read ??= lookupQuestion(question, identifiers);
    return addressedCell(read, text(sentence), columns);
  };
}
