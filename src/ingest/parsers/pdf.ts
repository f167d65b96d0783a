import type { getDocumentProxy } from 'unpdf';
import { DocumentBuilder, titleFromFileName } from '../builder.js';
import { withDefinitionTerms } from '../pdf/definitions.js';
import { withoutFurniture } from '../pdf/furniture.js';
import { bodySizeOf, HEADING_RATIO, pdfBlocks } from '../pdf/paragraphs.js';
import { withTableRows } from '../pdf/tables.js';
import { pageLines, type PdfLine, type TextItem } from '../pdf/text-lines.js';
import { UnreadableDocumentError, type PageSpan, type Parser } from '../types.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function open(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    // Loaded with the first PDF: a corpus without any (and every serving process) never pays for pdf.js.
    const { getDocumentProxy } = await import('unpdf');
    return await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') throw new UnreadableDocumentError('encrypted PDF: it needs a password to open');
    throw new UnreadableDocumentError(`corrupt PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function linesOf(pdf: PdfDocument): Promise<PdfLine[][]> {
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const monospaced = (fontName: string) => content.styles[fontName]?.fontFamily === 'monospace';
    const items = content.items.filter((item): item is TextItem & typeof item => 'str' in item);
    pages.push(pageLines(number, items, monospaced, page.getViewport({ scale: 1 }).width));
    page.cleanup();
  }
  return pages;
}

/** Consecutive page spans covering the text, from the offsets where pages begin. */
function pageSpans(starts: ReadonlyArray<{ at: number; page: number }>, length: number): PageSpan[] {
  const spans: PageSpan[] = [];
  for (const { at, page } of starts) {
    const last = spans.at(-1);
    if (last?.page === page) continue;
    if (last) last.end = at;
    spans.push({ page, start: last ? at : 0, end: length });
  }
  return spans;
}

/**
 * The first line of the largest type on the first page, when it is a heading's: a book's title page or
 * a page's title block. It names the document even where a running header repeats it on every page and
 * it was dropped as furniture (DocBook's "Shared MIME-info Database"), or the headings below it are "Name".
 */
function titleLineOnFirstPage(lines: readonly PdfLine[], bodySize: number): string | undefined {
  const worded = lines.filter((line) => /\p{L}/u.test(line.text));
  const largest = Math.max(...worded.map((line) => line.size));
  return largest >= HEADING_RATIO * bodySize ? worded.find((line) => line.size === largest)!.text : undefined;
}

/**
 * `.pdf` through pdf.js (unpdf's serverless build): text items → lines in reading order → blocks;
 * running headers, footers and page numbers dropped, words split over a line end joined, headings
 * from type size; every block knows the page it starts on and `pages` where each page's text lies
 * (a paragraph may run over a page break).
 */
export const pdfParser: Parser = {
  format: 'pdf',
  extensions: ['.pdf'],
  async parse(bytes, { source }) {
    const pdf = await open(bytes);
    try {
      const pages = await linesOf(pdf);
      const bodySize = bodySizeOf(pages.flat());
      const lines = withoutFurniture(pages, bodySize).flatMap((page) => withTableRows(withDefinitionTerms(page)));
      if (lines.length === 0) throw new UnreadableDocumentError('no text layer: the PDF holds only images (scanned pages need OCR first)');
      const builder = new DocumentBuilder('pdf');
      const starts: Array<{ at: number; page: number }> = [];
      for (const draft of pdfBlocks(lines)) {
        if (draft.leaves) builder.leaveSections(draft.leaves);
        const block = builder.add(draft.kind, [{ text: draft.text }], { level: draft.level, page: draft.page });
        if (block) starts.push({ at: block.start, page: draft.page }, ...draft.pageStarts.map(({ at, page }) => ({ at: block.start + at, page })));
      }
      const parsed = builder.finish('');
      const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: string } | undefined;
      const top = parsed.blocks.find((block) => block.kind === 'heading' && block.level === 1);
      const heading = top && parsed.text.slice(top.start, top.end);
      const titleLine = titleLineOnFirstPage(pages[0] ?? [], bodySize);
      // The first level-1 heading, when it is that line (wrapped over more lines, it is the whole title).
      const title = (titleLine && !heading?.startsWith(titleLine) ? titleLine : heading) || info?.Title?.trim() || titleFromFileName(source);
      return { ...parsed, title, pages: pageSpans(starts, parsed.text.length) };
    } finally {
      await pdf.destroy();
    }
  },
};
