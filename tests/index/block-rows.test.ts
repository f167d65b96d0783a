import { describe, expect, it } from 'vitest';
import { BLOCK_BOUNDS, blockBounds, firstBlockEndingAfter } from '../../src/ingest/location.js';
import type { Block } from '../../src/ingest/types.js';
import { blockList, blockRow } from '../../src/index/block-rows.js';
import { IndexCorruptError } from '../../src/index/versions.js';

const sections = [[], ['Manual'], ['Manual', 'Install']];
const blocks: Block[] = [
  { kind: 'heading', start: 0, end: 6, level: 1, section: sections[0]!, page: 1 },
  { kind: 'heading', start: 7, end: 14, level: 2, section: sections[1]! },
  { kind: 'paragraph', start: 15, end: 31, section: sections[2]!, page: 2 },
  { kind: 'code', start: 32, end: 40, section: sections[2]! },
];
const rows = Int32Array.from(blocks.flatMap((block) => blockRow(block, (section) => sections.indexOf(section))));

describe("a document's blocks read from its rows", () => {
  it('reads as the array of blocks it was written from', () => {
    const list = blockList('manual.pdf', sections, rows);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(4);
    expect(list[2]).toEqual(blocks[2]);
    expect(list[4]).toBeUndefined();
    expect([...list]).toEqual(blocks);
    expect(list).toEqual(blocks);
    expect(JSON.stringify(list)).toBe(JSON.stringify(blocks));
    expect(list.filter((block) => block.kind === 'heading').map((block) => block.end)).toEqual([6, 14]);
    expect(list.find((block) => block.kind === 'code')).toEqual(blocks[3]);
    expect(list.slice(1, 3)).toEqual(blocks.slice(1, 3));
    expect(firstBlockEndingAfter(list, 20)).toBe(2);
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3']);
    expect(2 in list).toBe(true);
    expect(9 in list).toBe(false);
    // Blocks under the same headings share the table's one array.
    expect(list[2]!.section).toBe(list[3]!.section);
  });

  it('makes a block each time it is read and holds none: two reads are equal, not one object', () => {
    const list = blockList('manual.pdf', sections, rows);
    expect(list[1]).toEqual(list[1]);
    expect(list[1]).not.toBe(list[1]);
  });

  it("offers its blocks' offsets straight from the rows, and binary searches find what they find over the blocks", () => {
    const list = blockList('manual.pdf', sections, rows);
    const bounds = (list as unknown as Record<typeof BLOCK_BOUNDS, unknown>)[BLOCK_BOUNDS];
    expect(bounds).toBe(blockBounds(list));
    expect(blocks.map((_, i) => [blockBounds(list).start(i), blockBounds(list).end(i)])).toEqual(blocks.map((block) => [block.start, block.end]));
    // A plain array of blocks has no bounds of its own: they are read from its blocks.
    expect((blocks as unknown as Record<typeof BLOCK_BOUNDS, unknown>)[BLOCK_BOUNDS]).toBeUndefined();
    for (let offset = -1; offset <= 42; offset++) expect(firstBlockEndingAfter(list, offset)).toBe(firstBlockEndingAfter(blocks, offset));
    expect(firstBlockEndingAfter(list, 40)).toBe(4);
    expect(Object.getOwnPropertySymbols(list)).toEqual([]);
  });

  it('cannot be changed', () => {
    const list = blockList('manual.pdf', sections, rows);
    expect(() => list.push(blocks[0]!)).toThrow(TypeError);
    expect(() => ((list as Block[])[0] = blocks[1]!)).toThrow(TypeError);
    expect(list[0]).toEqual(blocks[0]);
  });

  it('checks every row when made, naming the document', () => {
    const damaged = (field: number, value: number) => {
      const copy = Int32Array.from(rows);
      copy[6 + field] = value;
      return () => blockList('manual.pdf', sections, copy);
    };
    expect(damaged(0, 99)).toThrow(IndexCorruptError);
    expect(damaged(0, 99)).toThrow(/manual\.pdf: block 1 has an unknown kind/);
    expect(damaged(4, 17)).toThrow(/heading path 17/);
    expect(blockList('empty.txt', [], new Int32Array(0))).toEqual([]);
  });
});
