import { decodeText } from '../decode.js';
import type { Parser } from '../types.js';

/**
 * `.md` files: parseMarkdown (markdown.ts) loaded with the first one, so that a process that reads no
 * Markdown (a serving worker, a server whose index is current) never parses the CommonMark + GFM parser.
 */
export const markdownParser: Parser = {
  format: 'markdown',
  extensions: ['.md', '.markdown'],
  async parse(bytes, { source }) {
    const { parseMarkdown } = await import('./markdown.js');
    return parseMarkdown(source, decodeText(bytes));
  },
};
