import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { SourceDocument } from './corpus.js';

export interface ChunkMetadata extends Record<string, unknown> {
  source: string;
  /** `pageContent === sourceText.slice(start, end)` always holds. */
  start: number;
  end: number;
}

export type Chunk = Document<ChunkMetadata> & { id: string };

export interface ChunkOptions {
  chunkSize: number;
  chunkOverlap: number;
}

/** Paragraphs first, then lines, then sentence ends, then clauses, then words. */
const SEPARATORS = ['\n\n', '\n', '. ', '? ', '! ', '; ', ', ', ' ', ''];

/**
 * LangChain's recursive splitter keeps a separator at the start of the next piece
 * (". Next sentence"); sentence punctuation belongs to the end of the previous one.
 */
class SentenceFriendlySplitter extends RecursiveCharacterTextSplitter {
  override splitOnSeparator(text: string, separator: string): string[] {
    if (!separator) return super.splitOnSeparator(text, separator);
    const pieces: string[] = [];
    let from = 0;
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + separator.length)) {
      pieces.push(text.slice(from, at + separator.length));
      from = at + separator.length;
    }
    pieces.push(text.slice(from));
    return pieces.filter((piece) => piece !== '');
  }
}

export function chunkId(source: string, start: number, end: number): string {
  return `${source}#${start}-${end}`;
}

/**
 * A piece shorter than this share of the chunk size (typically a heading) is joined to the piece
 * after it: alone it would be a passage that matches a query's words and answers nothing.
 */
const SHORT_PIECE_SHARE = 0.25;

/**
 * Splits a document into overlapping chunks and records where each one sits in the source.
 * The splitter returns trimmed substrings in order, so each is found at or after the previous start.
 */
export async function chunkDocument(document: SourceDocument, options: ChunkOptions): Promise<Chunk[]> {
  const splitter = new SentenceFriendlySplitter({ ...options, separators: SEPARATORS, keepSeparator: true });
  const text = document.pageContent;
  const source = document.metadata.source;
  const spans: Array<{ start: number; end: number }> = [];
  let searchFrom = 0;
  let pendingStart: number | undefined;
  for (const piece of await splitter.splitText(text)) {
    const start = text.indexOf(piece, searchFrom);
    if (start === -1) throw new Error(`Chunk of ${source} not found in its source text`);
    searchFrom = start + 1;
    const end = start + piece.length;
    if (piece.length < SHORT_PIECE_SHARE * options.chunkSize) {
      pendingStart ??= start;
      continue;
    }
    spans.push({ start: Math.min(pendingStart ?? start, start), end });
    pendingStart = undefined;
  }
  const last = spans.at(-1);
  if (pendingStart !== undefined) {
    const tailEnd = text.trimEnd().length;
    if (last) last.end = Math.max(last.end, tailEnd);
    else spans.push({ start: pendingStart, end: tailEnd });
  }
  return spans.map(({ start, end }) => {
    const id = chunkId(source, start, end);
    return Object.assign(new Document<ChunkMetadata>({ pageContent: text.slice(start, end), metadata: { source, start, end }, id }), { id });
  });
}
