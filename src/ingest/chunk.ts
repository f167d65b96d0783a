import type { Block, ParsedDocument } from './types.js';

/** A retrievable piece of a document: `text === citableText.slice(start, end)`. */
export interface ChunkSpan {
  id: string;
  source: string;
  start: number;
  end: number;
  /** The headings above the chunk's first content (see Block.section). */
  section: string[];
  /** PDF: the page the chunk starts on. */
  page?: number;
}

export interface ChunkOptions {
  chunkSize: number;
  chunkOverlap: number;
}

/** Paragraphs first, then lines, then sentence ends, then clauses, then words. */
const PROSE_SEPARATORS = ['\n\n', '\n', '. ', '? ', '! ', '; ', ', ', ' ', ''];
/** Code and tables are cut between lines before anything else. */
const LINE_SEPARATORS = ['\n', ' ', ''];

/**
 * The splitter with LangChain's text splitters, loaded with the first oversized block: a process that
 * only checks that its index is current (a server's start) never parses LangChain (≈ 0.9 MB bundled).
 */
let splitterModule: Promise<typeof import('./sentence-splitter.js')> | undefined;
const loadSplitter = () => (splitterModule ??= import('./sentence-splitter.js'));

export function chunkId(source: string, start: number, end: number): string {
  return `${source}#${start}-${end}`;
}

/** Pieces of one oversized block, at sentence (or, for code and tables, line) boundaries, with their offsets. */
async function splitBlock(text: string, block: Block, options: ChunkOptions): Promise<Array<{ start: number; end: number }>> {
  const separators = block.kind === 'code' || block.kind === 'table-row' ? LINE_SEPARATORS : PROSE_SEPARATORS;
  const { SentenceFriendlySplitter } = await loadSplitter();
  const splitter = new SentenceFriendlySplitter({ ...options, separators, keepSeparator: true });
  const prose = separators === PROSE_SEPARATORS;
  // A line break inside a prose block only wraps it: cut at sentences, as if the lines were joined (same length, same offsets).
  const body = prose ? text.slice(block.start, block.end).replace(/[\r\n]/g, ' ') : text.slice(block.start, block.end);
  const spans: Array<{ start: number; end: number }> = [];
  let searchFrom = 0;
  for (const piece of await splitter.splitText(body)) {
    // The splitter returns trimmed substrings in order: each is found at or after the previous start.
    const at = body.indexOf(piece, searchFrom);
    if (at === -1) throw new Error('A chunk piece was not found in its block');
    searchFrom = at + 1;
    spans.push({ start: block.start + at, end: block.start + at + piece.length });
  }
  return spans;
}

const sameSection = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((heading, i) => heading === b[i]);

/**
 * Splits a parsed document into chunks of whole blocks: a heading starts a chunk and stays with what
 * follows it, a chunk never spans two sections and holds at most `chunkSize` characters. A block
 * larger than that (a long paragraph, a long code listing) is cut at sentence or line boundaries with
 * `chunkOverlap` characters shared between its pieces. Offsets are into the citable text.
 */
export async function chunkDocument(source: string, document: ParsedDocument, options: ChunkOptions): Promise<ChunkSpan[]> {
  const { text, blocks } = document;
  const chunks: ChunkSpan[] = [];
  let open: { start: number; end: number; section: string[]; page?: number; hasContent: boolean } | undefined;
  const close = () => {
    if (open) chunks.push({ id: chunkId(source, open.start, open.end), source, start: open.start, end: open.end, section: open.section, ...(open.page ? { page: open.page } : {}) });
    open = undefined;
  };
  for (const block of blocks) {
    const heading = block.kind === 'heading';
    const section = heading ? [...block.section, text.slice(block.start, block.end)] : block.section;
    const pendingHeadings = open !== undefined && !open.hasContent;
    if (block.end - block.start > options.chunkSize) {
      // Headings waiting for content lead the first piece.
      const lead = pendingHeadings ? open : undefined;
      if (!lead) close();
      (await splitBlock(text, block, options)).forEach((piece, i) => {
        open = { start: i === 0 && lead ? lead.start : piece.start, end: piece.end, section, page: i === 0 ? (lead?.page ?? block.page) : block.page, hasContent: true };
        close();
      });
      continue;
    }
    const fits = open !== undefined && block.end - open.start <= options.chunkSize;
    const continues = pendingHeadings || (open !== undefined && !heading && sameSection(open.section, section));
    if (!(fits && continues)) close();
    if (!open) open = { start: block.start, end: block.end, section, page: block.page, hasContent: false };
    open.end = block.end;
    open.section = section;
    if (!heading) open.hasContent = true;
  }
  close();
  return chunks;
}
