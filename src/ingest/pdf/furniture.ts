import type { PdfLine } from './text-lines.js';

/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const EDGE_LINES = 2;
/** A line repeated (digits aside) at the edge of at least this share of pages is a running header or footer. */
const REPEATED_SHARE = 0.5;
/** A page's first or last line this many font sizes away from the rest of the page stands apart from the text, as a running header or footer does. */
const SET_APART = 2;
/** Baselines this close (in points) are the same height on two pages. */
const SAME_HEIGHT = 2;
/** A printed page number must follow the pages' order on at least this many pages to be told from a number in the text. */
const FOLIO_PAGES = 3;

/** A control's label a browser printed ("Go", "Search"): a word or two, short; a setting's name such as "autovacuum_vacuum_cost_limit (integer)" at a page's top is text. */
const STRAY_LABEL = { words: 2, chars: 20 };

const PAGE_NUMBER = /^(?:page\s*)?(?:#+|[ivxlc]{1,4})(?:\s*(?:of|\/)\s*#+)?$/i;
/** What a browser prints in its header and footer: a date and time, a URL, "n/m". */
const PRINTED_BY_BROWSER = /(?:#+\/#+\/#+,? #+:#+)|(?:^|\s)(?:file|https?):\/\/\S+|\s#+\/#+$/i;
/** A table of contents' entry: its title, a dot leader, its page number (Arabic or Roman). */
const CONTENTS_ENTRY = /(?:\.\s?){4,}\s*(?:\d+|[ivxlc]+)$/i;
/** A number printed first or last on a line, as a book prints its page number beside a running title ("Chapter 2: Basics    7"). */
const FOLIO = /^(\d+)\s|\s(\d+)$/;

/** The text with digits folded, so "Page 3" and "Page 4" or "1/7" and "2/7" read alike. */
const shape = (line: PdfLine) => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** A page's lines from top to bottom: the edges below read it, sorted once per page. */
const byHeight = (lines: readonly PdfLine[]) => [...lines].sort((a, b) => b.y - a.y);

function edgesOf(sorted: readonly PdfLine[]): PdfLine[] {
  return [...sorted.slice(0, EDGE_LINES), ...sorted.slice(-EDGE_LINES)];
}

/** A page's first and last line when the page's other lines keep their distance from it: where a running header or footer sits. */
function apartEdges(sorted: readonly PdfLine[]): { top?: PdfLine; bottom?: PdfLine } {
  const apart = (line: PdfLine | undefined, next: PdfLine | undefined) => (line && next && Math.abs(line.y - next.y) > SET_APART * line.size ? line : undefined);
  return { top: apart(sorted[0], sorted[1]), bottom: apart(sorted.at(-1), sorted.at(-2)) };
}

const folioOf = (line: PdfLine) => {
  const match = FOLIO.exec(line.text);
  return match ? Number(match[1] ?? match[2]) : undefined;
};

/**
 * Running titles that change with the chapter, so no one of them fills half the pages: a page's
 * first or last line, set apart from its text, that a neighbouring page repeats at the same height
 * ("How to use bzip2"), or that carries the page number the pages' order predicts ("Chapter 1:
 * Introduction    1", whose chapter fills one page).
 */
function runningTitles(sortedPages: readonly PdfLine[][]): Set<PdfLine> {
  const edges = sortedPages.map((sorted) => apartEdges(sorted));
  const offsets = new Map<number, number>();
  edges.forEach(({ top, bottom }, i) => {
    for (const offset of new Set([top, bottom].map((line) => line && folioOf(line)).filter((folio) => folio !== undefined).map((folio) => i - folio!))) offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
  });
  const folioOffsets = new Set([...offsets].filter(([, count]) => count >= FOLIO_PAGES).map(([offset]) => offset));
  const running = new Set<PdfLine>();
  edges.forEach((edge, i) => {
    for (const side of ['top', 'bottom'] as const) {
      const line = edge[side];
      if (!line) continue;
      const repeated = [edges[i - 1]?.[side], edges[i + 1]?.[side]].some((other) => other && Math.abs(other.y - line.y) <= SAME_HEIGHT && shape(other) === shape(line));
      const folio = folioOf(line);
      if (repeated || (folio !== undefined && folioOffsets.has(i - folio))) running.add(line);
    }
  });
  return running;
}

/**
 * Drops running headers and footers: lines at the top or bottom of a page that repeat (digits
 * aside) on many pages, running titles that change with the chapter, page numbers, and in a
 * smaller type than the text a browser's printed header and footer (date, title, URL, "n/m") or a
 * lone word or two. Drops a table of contents' entries too: the pages they point to are in the text.
 */
export function withoutFurniture(pages: readonly PdfLine[][], bodySize: number): PdfLine[][] {
  const edgeCounts = new Map<string, number>();
  const sortedPages = pages.map(byHeight);
  for (const sorted of sortedPages) for (const key of new Set(edgesOf(sorted).map(shape))) edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  const repeated = (key: string) => pages.length >= 2 && (edgeCounts.get(key) ?? 0) >= Math.max(2, REPEATED_SHARE * pages.length);
  const running = runningTitles(sortedPages);
  return pages.map((lines, i) => {
    const edges = new Set(edgesOf(sortedPages[i]!));
    return lines.filter((line) => {
      if (running.has(line) || (!line.mono && CONTENTS_ENTRY.test(line.text))) return false;
      if (!edges.has(line)) return true;
      const key = shape(line);
      // In smaller type than the text at a page's edge: what a browser prints (date, URL, "n/m"), or a stray control label ("Go").
      const strayLabel = key.split(' ').length <= STRAY_LABEL.words && key.length <= STRAY_LABEL.chars;
      const smallPrint = line.size < bodySize && !line.mono && (PRINTED_BY_BROWSER.test(key) || strayLabel);
      return !(repeated(key) || PAGE_NUMBER.test(key) || smallPrint);
    });
  });
}
