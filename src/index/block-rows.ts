import { BLOCK_BOUNDS, type BlockBounds } from '../ingest/location.js';
import { BLOCK_KINDS, type Block } from '../ingest/types.js';
import { IndexCorruptError } from './versions.js';

export const BLOCK_FIELDS = 6; // kind, start, end, level, section, page
/** -1 stands for an absent optional number (a block's level or page, a chunk's page). */
export const ABSENT = -1;

/** A block's kind, start, end, level, heading path and page as the integers of one row of blocks.bin. */
export function blockRow(block: Block, sectionId: (section: string[]) => number): number[] {
  return [BLOCK_KINDS.indexOf(block.kind), block.start, block.end, block.level ?? ABSENT, sectionId(block.section), block.page ?? ABSENT];
}

/** The leading digit of an array index (the property keys a list reads its elements through). */
const isIndexKey = (key: string | symbol): key is string => typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57;

/**
 * A document's blocks read straight from its rows of blocks.bin, each block made when it is read and
 * not kept. Kept, a manual's 335,040 blocks were 19 MiB of objects, and a 100k-chunk worker held
 * 53 MiB of them under load (issue 10), although a question reads a few blocks around its passages
 * (a binary search and the blocks it quotes from). Every row is checked here, once, as expanding
 * them did. The list is an array to its readers (indexing, `length`, iteration, array methods,
 * JSON): a Proxy over an empty array, read-only. A block read twice is two equal objects, not one.
 * Its blocks' offsets are read straight from the rows under BLOCK_BOUNDS (binary searches, scans).
 */
export function blockList(source: string, sections: readonly string[][], rows: Int32Array): Block[] {
  const count = rows.length / BLOCK_FIELDS;
  for (let i = 0; i < count; i++) {
    if (!BLOCK_KINDS[rows[i * BLOCK_FIELDS]!]) throw new IndexCorruptError(`${source}: block ${i} has an unknown kind`);
    const section = rows[i * BLOCK_FIELDS + 4]!;
    if (!sections[section]) throw new IndexCorruptError(`${source}: a block refers to heading path ${section}, which the file does not list`);
  }
  const indexOf = (key: string | symbol): number | undefined => {
    if (!isIndexKey(key)) return undefined;
    const i = Number(key);
    return Number.isInteger(i) && i < count ? i : undefined;
  };
  const block = (i: number): Block => {
    const row = i * BLOCK_FIELDS;
    const level = rows[row + 3]!, page = rows[row + 5]!;
    return { kind: BLOCK_KINDS[rows[row]!]!, start: rows[row + 1]!, end: rows[row + 2]!, ...(level !== ABSENT ? { level } : {}), section: sections[rows[row + 4]!]!, ...(page !== ABSENT ? { page } : {}) };
  };
  const HEADING = BLOCK_KINDS.indexOf('heading');
  const bounds: BlockBounds = {
    start: (i) => rows[i * BLOCK_FIELDS + 1]!,
    end: (i) => rows[i * BLOCK_FIELDS + 2]!,
    headingLevel: (i) => (rows[i * BLOCK_FIELDS] === HEADING ? (rows[i * BLOCK_FIELDS + 3] === ABSENT ? 1 : rows[i * BLOCK_FIELDS + 3]) : undefined),
  };
  const readOnly = () => false;
  return new Proxy<Block[]>([], {
    get: (target, key, receiver) => {
      const i = indexOf(key);
      if (i !== undefined) return block(i);
      return key === 'length' ? count : key === BLOCK_BOUNDS ? bounds : Reflect.get(target, key, receiver);
    },
    has: (target, key) => indexOf(key) !== undefined || Reflect.has(target, key),
    ownKeys: () => [...Array.from({ length: count }, (_, i) => String(i)), 'length'],
    getOwnPropertyDescriptor: (target, key) => {
      const i = indexOf(key);
      if (i !== undefined) return { value: block(i), writable: false, enumerable: true, configurable: true };
      return key === 'length' ? { value: count, writable: true, enumerable: false, configurable: false } : Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}
