import type { Block } from '../ingest/types.js';
import type { TokenizedSentence } from '../match/sentences.js';
import { blockBounds } from '../ingest/location.js';
import { identifierFacts, identifierWriter, writesIdentifier } from './identifiers.js';
import { tokenize } from '../match/analyzer.js';

/**
 * A manual's entries: a heading below the page's title that names what the text under it describes — a setting
 * ("autovacuum_vacuum_threshold (integer)"), an option ("-U username"), a function's signature. Parsers make a
 * definition term (`<dt>`), and a PDF's monospaced signature line, such a heading.
 */

type SourceSpan = { source: string; start: number; end: number };
/** An entry: its heading's span and level. */
type Entry = SourceSpan & { level: number };
type Documents = ReadonlyMap<string, { text: string; blocks: readonly Block[] }>;

/** How many blocks above a sentence its entry's heading may stand: an entry describes its name in a few paragraphs. */
const ENTRY_BLOCKS = 32;
/** Identifiers whose entries were looked for, per document: bounded, as a server answers question after question. */
const REMEMBERED_ENTRIES = 1_000;

export class ManualEntries {
  readonly #headed = new Map<string, boolean>();

  constructor(private readonly documents: Documents) {}

  /** The heading right above a sentence's block, when it heads a part of the document rather than all of it. */
  entryOf(sentence: Pick<TokenizedSentence, 'source' | 'block'>): Entry | undefined {
    const document = this.documents.get(sentence.source);
    if (!document) return undefined;
    // Block bounds tell a heading without making each block (a manual has hundreds of thousands).
    const bounds = blockBounds(document.blocks);
    for (let i = sentence.block - 1; i >= Math.max(0, sentence.block - ENTRY_BLOCKS); i--) {
      const level = bounds.headingLevel(i);
      if (level === undefined) continue;
      if (level === 1) return undefined;
      const span = { source: sentence.source, start: bounds.start(i), end: bounds.end(i), level };
      return document.text.slice(span.start, span.end) === document.blocks[sentence.block]?.section.at(-1) ? span : undefined;
    }
    return undefined;
  }

  /**
   * The entry a sentence describes when its heading names a word the sentence does not: "-U username" above "Connect to
   * the database as the user username …" answers "Which option …?"; "9.18.2. COALESCE" above "The COALESCE function
   * returns …" adds nothing.
   */
  namingMoreThan(sentence: Pick<TokenizedSentence, 'source' | 'block' | 'tokens'>): Entry | undefined {
    const entry = this.entryOf(sentence);
    if (!entry) return undefined;
    const said = new Set(sentence.tokens.map((token) => token.term));
    const heading = this.documents.get(sentence.source)!.text.slice(entry.start, entry.end);
    return tokenize(heading).some((token) => !said.has(token.term) && /\p{L}/u.test(token.text)) ? entry : undefined;
  }

  /**
   * Whether a sentence describes another entry than the one of the identifier a question names: it lies under an
   * entry naming another identifier ("The default is 1000 tuples." under "autovacuum_vacuum_insert_threshold
   * (integer)"), the identifier has an entry of its own beside it (at the same level), and nothing from the entry to
   * the sentence's paragraph's end writes the identifier. What a page is about (pg_isready, heading the page of its
   * options), or a name only mentioned, has no entry beside them: every entry may describe it.
   */
  describesAnother(sentence: Pick<TokenizedSentence, 'source' | 'block'>, identifier: string): boolean {
    const entry = this.entryOf(sentence);
    if (!entry) return false;
    const document = this.documents.get(sentence.source)!;
    const heading = document.text.slice(entry.start, entry.end);
    if (identifierFacts(heading, tokenize(heading)).length === 0 || writesIdentifier(heading, identifier)) return false;
    if (writesIdentifier(document.text.slice(entry.end, blockBounds(document.blocks).end(sentence.block)), identifier)) return false;
    return this.#headsAnEntry(sentence.source, identifier, entry.level);
  }

  /** Whether a heading at `level` of the document writes the identifier, remembered per document and identifier. */
  #headsAnEntry(source: string, identifier: string, level: number): boolean {
    const key = `${source}\0${level}\0${identifier}`;
    let found = this.#headed.get(key);
    if (found === undefined) {
      const document = this.documents.get(source)!;
      const bounds = blockBounds(document.blocks);
      const writes = identifierWriter(identifier);
      found = false;
      for (let i = 0; i < document.blocks.length && !found; i++) found = bounds.headingLevel(i) === level && writes(document.text.slice(bounds.start(i), bounds.end(i)));
      if (this.#headed.size >= REMEMBERED_ENTRIES) this.#headed.clear();
      this.#headed.set(key, found);
    }
    return found;
  }
}
