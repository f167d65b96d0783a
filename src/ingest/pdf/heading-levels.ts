import type { PdfBlock } from './paragraphs.js';

/** A heading's section number: "7.1.1.6 SHA3-256", "2. Basics". */
const SECTION_NUMBER = /^(\d+(?:\.\d+)*)\.?\s/;
const MAX_LEVEL = 6;

/**
 * Type size gives a heading's level, but TeX sets subsections and sub-subsections in one size ("7.1.1
 * Recommended hash functions", "7.1.1.1 SHA256"). A numbered heading whose number goes on the number of
 * the last heading set in its size ("7.1.1" → "7.1.1.1") is put as many levels below that heading as its
 * number is deeper. A number that does not go on it ("1.1" after an article's "6. More information")
 * keeps its size's level.
 */
export function numberedHeadingLevels(blocks: readonly PdfBlock[]): PdfBlock[] {
  // Per level of type size: the last numbered heading that kept that level.
  const above = new Map<number, string>();
  return blocks.map((block) => {
    if (block.kind !== 'heading' || block.level === undefined) return block;
    const level = block.level;
    for (const deeper of [...above.keys()]) if (deeper > level) above.delete(deeper);
    const number = SECTION_NUMBER.exec(block.text)?.[1];
    const parent = above.get(level);
    if (number && parent && number.startsWith(`${parent}.`)) {
      return { ...block, level: Math.min(MAX_LEVEL, level + number.split('.').length - parent.split('.').length) };
    }
    if (number) above.set(level, number);
    else above.delete(level);
    return block;
  });
}
