/**
 * The document model every parser produces and the rest of the pipeline reads. A document's
 * **citable text** is a plain-text rendering of the file (Markdown marks, HTML tags and PDF layout
 * removed); every offset in Docent — blocks, chunks, citations — is a UTF-16 offset into it, and it
 * is what `/api/sources/<source>` serves.
 */

export const DOCUMENT_FORMATS = ['markdown', 'text', 'html', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * What a block of the citable text is. Headings are context, never an answer on their own; code
 * blocks and table rows are quoted whole, never cut into sentences.
 */
export const BLOCK_KINDS = ['heading', 'paragraph', 'list-item', 'quote', 'code', 'table-row'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  kind: BlockKind;
  /** `text.slice(start, end)` is the block; blocks are in document order and do not overlap. */
  start: number;
  end: number;
  /** Headings only: 1 (title) to 6. */
  level?: number;
  /** The headings enclosing the block, outermost first; for a heading, those above it (not itself). */
  section: string[];
  /** PDF only: the 1-based page the block starts on. */
  page?: number;
}

export interface PageSpan {
  /** 1-based page number. */
  page: number;
  start: number;
  end: number;
}

/**
 * Inline formatting the rendering removed from the citable text but a reader may want shown
 * (inline code, emphasis, links): offsets into the citable text, so a viewer can style exactly
 * those characters and still highlight a citation's `[start, end)`.
 */
export interface InlineMark {
  kind: 'code' | 'emphasis' | 'strong' | 'link';
  start: number;
  end: number;
  /** Links only: the target as written in the document. */
  href?: string;
}

export interface ParsedDocument {
  format: DocumentFormat;
  /** The document's title: its first top-level heading, `<title>`, the PDF's or DOCX's metadata, else the file name. */
  title: string;
  /** The citable text. */
  text: string;
  blocks: Block[];
  /** PDF only: where each page's text lies in `text`. */
  pages?: PageSpan[];
  /** Optional inline formatting, in document order. */
  marks?: InlineMark[];
}

/** A file that cannot be indexed; `reason` is shown to the user next to the file's name. */
export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/** One document format: turns a file's bytes into its citable text and structure. */
export interface Parser {
  readonly format: DocumentFormat;
  /** Lower-case file extensions with the dot, e.g. `.md`. */
  readonly extensions: readonly string[];
  /** Throws UnreadableDocumentError (with a reason a user understands) for a file it cannot read. */
  parse(bytes: Uint8Array, context: { source: string }): Promise<ParsedDocument>;
}
