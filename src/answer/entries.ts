import type { Block } from '../ingest/types.js';
import type { TokenizedSentence } from '../match/sentences.js';
import { identifierFacts, writesIdentifier } from './identifiers.js';
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

export class ManualEntries {
  constructor(private readonly documents: Documents) {}

  /** The heading right above a sentence's block, when it heads a part of the document rather than all of it. */
  entryOf(sentence: Pick<TokenizedSentence, 'source' | 'block'>): Entry | undefined {
    const document = this.documents.get(sentence.source);
    const name = document?.blocks[sentence.block]?.section.at(-1);
    if (!document || name === undefined) return undefined;
    for (let i = sentence.block - 1; i >= 0; i--) {
      const block = document.blocks[i]!;
      if (block.kind !== 'heading') continue;
      if (document.text.slice(block.start, block.end) !== name || block.level === 1) return undefined;
      return { source: sentence.source, start: block.start, end: block.end, level: block.level ?? 1 };
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
    if (writesIdentifier(document.text.slice(entry.end, document.blocks[sentence.block]!.end), identifier)) return false;
    const siblings = document.blocks.filter((block) => block.kind === 'heading' && block.level === entry.level);
    return siblings.some((block) => writesIdentifier(document.text.slice(block.start, block.end), identifier));
  }
}
