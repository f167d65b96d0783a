import type { Block, ParsedDocument } from './types.js';

/** Where an offset of the citable text sits: its section path and (PDF) page. */
export interface Location {
  section: string[];
  page?: number;
}

/** Where block `i` starts and ends in the text. */
export interface BlockBounds {
  start(i: number): number;
  end(i: number): number;
  /** Block `i`'s heading level, undefined when it is no heading: a scan for headings makes no block either. */
  headingLevel(i: number): number | undefined;
}

/**
 * The key under which a list of blocks may offer its BlockBounds: a list that makes each block when it
 * is read (the index's rows, src/index/block-rows.ts) tells offsets without making blocks, so a binary
 * search over a manual's 335,040 blocks reads 19 integers instead of making 19 blocks.
 */
export const BLOCK_BOUNDS = Symbol('block bounds');

/** The bounds of `blocks`' blocks: the list's own when it offers them, else read from each block. */
export function blockBounds(blocks: readonly Pick<Block, 'start' | 'end'>[]): BlockBounds {
  return (
    (blocks as { readonly [BLOCK_BOUNDS]?: BlockBounds })[BLOCK_BOUNDS] ?? {
      start: (i) => blocks[i]!.start,
      end: (i) => blocks[i]!.end,
      headingLevel: (i) => {
        const block = blocks[i] as Partial<Block> | undefined;
        return block?.kind === 'heading' ? (block.level ?? 1) : undefined;
      },
    }
  );
}

/** Binary search over blocks in text order: the first block whose end is after `offset` (`blocks.length` when none). */
export function firstBlockEndingAfter(blocks: readonly Pick<Block, 'start' | 'end'>[], offset: number): number {
  const bounds = blockBounds(blocks);
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bounds.end(middle) <= offset) low = middle + 1;
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
