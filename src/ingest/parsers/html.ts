import { decodeText } from '../decode.js';
import type { Parser } from '../types.js';

/** `.html`/`.htm`: the page's main content rendered as text, navigation, scripts and permalink signs left out. */
export const htmlParser: Parser = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  async parse(bytes, { source }) {
    // Loaded with the first HTML file: a corpus without any (and every serving process) never pays for linkedom and Readability.
    const { parseHtmlString } = await import('../html/document.js');
    return parseHtmlString(decodeText(bytes), source);
  },
};
