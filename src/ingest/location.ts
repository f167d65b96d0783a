import type { Block, ParsedDocument } from './types.js';

/** Where an offset of the citable text sits: its section path and (PDF) page. */
export interface Location {
  section: string[];
  page?: number;
}

/** Binary search over blocks in text order: the first block whose end is after `offset` (`blocks.length` when none). */
export function firstBlockEndingAfter(blocks: readonly Pick<Block, 'end'>[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The section and page of `offset`: those of the block containing it (or the next block, for an
 * offset between blocks). A heading's location includes the heading itself.
 */
export function locate(document: Pick<ParsedDocument, 'blocks' | 'text' | 'pages'>, offset: number): Location {
  const { blocks } = document;
  const block = blocks[Math.min(firstBlockEndingAfter(blocks, offset), blocks.length - 1)];
  const page = document.pages?.find((span) => offset >= span.start && offset < span.end)?.page ?? block?.page;
  if (!block) return { section: [] };
  const section = block.kind === 'heading' ? [...block.section, document.text.slice(block.start, block.end)] : block.section;
  return { section, ...(page ? { page } : {}) };
}
