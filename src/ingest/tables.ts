import { firstBlockEndingAfter } from './location.js';
import type { Block } from './types.js';

/**
 * A table is a run of consecutive table-row blocks, its first row the column names ("Name | Storage Size |
 * Description"): what a later row's cells are ("boolean | 1 byte | …") is read under them.
 */

/** What every parser writes between a row's cells in the citable text. */
export const CELL_SEPARATOR = ' | ';

/** The index of the first row of row `index`'s table. `remembered` keeps it for every row walked, so a long table is walked once. */
export function firstRowOf(blocks: readonly Pick<Block, 'kind'>[], index: number, remembered?: Map<number, number>): number {
  let first = index;
  while (!remembered?.has(first) && first > 0 && blocks[first - 1]!.kind === 'table-row') first--;
  const found = remembered?.get(first) ?? first;
  if (remembered) for (let row = first; row <= index; row++) remembered.set(row, found);
  return found;
}

/** The index of the first row of block `index`'s table, when that block is a later row of a table. */
export function headerRowOf(blocks: readonly Pick<Block, 'kind'>[], index: number, remembered?: Map<number, number>): number | undefined {
  if (blocks[index]?.kind !== 'table-row') return undefined;
  const first = firstRowOf(blocks, index, remembered);
  return first === index ? undefined : first;
}

/** The column names of the table row that starts at or after `offset`, when that row is not its table's first: a chunk cut inside a table. */
export function columnsAt(document: { text: string; blocks: readonly Block[] }, offset: number): string | undefined {
  const header = headerRowOf(document.blocks, firstBlockEndingAfter(document.blocks, offset));
  return header === undefined ? undefined : document.text.slice(document.blocks[header]!.start, document.blocks[header]!.end);
}
