import type { PdfLine } from './text-lines.js';

/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const EDGE_LINES = 2;
/** A line repeated (digits aside) at the edge of at least this share of pages is a running header or footer. */
const REPEATED_SHARE = 0.5;

/** A control's label a browser printed ("Go", "Search"): a word or two, short; a setting's name such as "autovacuum_vacuum_cost_limit (integer)" at a page's top is text. */
const STRAY_LABEL = { words: 2, chars: 20 };

const PAGE_NUMBER = /^(?:page\s*)?(?:#+|[ivxlc]{1,4})(?:\s*(?:of|\/)\s*#+)?$/i;
/** What a browser prints in its header and footer: a date and time, a URL, "n/m". */
const PRINTED_BY_BROWSER = /(?:#+\/#+\/#+,? #+:#+)|(?:^|\s)(?:file|https?):\/\/\S+|\s#+\/#+$/i;

/** The text with digits folded, so "Page 3" and "Page 4" or "1/7" and "2/7" read alike. */
const shape = (line: PdfLine) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

function edgesOf(lines: readonly PdfLine[]): PdfLine[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return [...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)];
}

/**
 * Drops running headers and footers: lines at the top or bottom of a page that repeat (digits
 * aside) on many pages, page numbers, and in a smaller type than the text a browser's printed
 * header and footer (date, title, URL, "n/m") or a lone word or two.
 */
export function withoutFurniture(pages: readonly PdfLine[][], bodySize: number): PdfLine[][] {
  const edgeCounts = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(edgesOf(lines).map(shape))) edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  const repeated = (key: string) => pages.length >= 2 && (edgeCounts.get(key) ?? 0) >= Math.max(2, REPEATED_SHARE * pages.length);
  return pages.map((lines) => {
    const edges = new Set(edgesOf(lines));
    return lines.filter((line) => {
      if (!edges.has(line)) return true;
      const key = shape(line);
      // In smaller type than the text at a page's edge: what a browser prints (date, URL, "n/m"), or a stray control label ("Go").
      const strayLabel = key.split(' ').length <= STRAY_LABEL.words && key.length <= STRAY_LABEL.chars;
      const smallPrint = line.size < bodySize && !line.mono && (PRINTED_BY_BROWSER.test(key) || strayLabel);
      return !(repeated(key) || PAGE_NUMBER.test(key) || smallPrint);
    });
  });
}
