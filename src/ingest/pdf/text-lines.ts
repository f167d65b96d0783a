import { composeAccents } from './accents.js';

/** One line of a PDF page's text, rebuilt from pdf.js text items. */
export interface PdfLine {
  page: number;
  text: string;
  /** Left edge and right edge of the line's text, in PDF points. */
  x: number;
  endX: number;
  /** Baseline, in PDF points from the page's bottom. */
  y: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** All of the line's text is in a monospaced font (code). */
  mono: boolean;
  /** Width of one monospaced character, to rebuild code indentation. */
  charWidth?: number;
  /** Cells, when wide gaps split the line into columns (a table row). */
  cells?: string[];
  /** The stretches of text the line was joined from, with their positions: a table's cells are rebuilt from them. */
  runs: readonly Run[];
  /** The first line of a definition's signature (texinfo's @deffn, `pdf/definitions.ts`): it heads the description below it. */
  definition?: true;
}

/** The parts of a pdf.js text item this parser reads. */
export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** A stretch of text in one font on one line: a line before its runs are joined. */
export type Run = Pick<PdfLine, 'text' | 'x' | 'endX' | 'y' | 'size' | 'mono'>;

/** A gap wider than this many font sizes between two runs on one line separates table cells. */
const CELL_GAP = 1.5;

/**
 * Rebuilds a page's lines from its text items: an item starts a new line when its baseline moves
 * by more than half a font size or it jumps back to the left. Lines are put in reading order.
 */
export function pageLines(page: number, items: readonly TextItem[], monospaced: (fontName: string) => boolean, pageWidth: number): PdfLine[] {
  const lines: Run[][] = [];
  for (const item of items) {
    // Spaces are told by the gaps between runs; a space item's width can be anything (browsers stretch them).
    if (item.str.trim() === '' || item.transform.length < 6) continue;
    const size = Math.hypot(item.transform[2]!, item.transform[3]!) || Math.abs(item.transform[0]!);
    const run: Run = { text: item.str, x: item.transform[4]!, endX: item.transform[4]! + item.width, y: item.transform[5]!, size, mono: monospaced(item.fontName) };
    const line = lines.at(-1);
    const previous = line?.at(-1);
    const sameLine = previous && Math.abs(run.y - previous.y) < 0.5 * Math.min(size, previous.size) && run.x >= previous.endX - size;
    if (sameLine) line!.push(run);
    else lines.push([run]);
  }
  return inReadingOrder(lines.map((runs) => toLine(page, runs)).filter((line) => line.text !== ''), pageWidth);
}

/** A share of lines this large on each side of the middle makes a page two columns. */
const COLUMN_SHARE = 0.3;

/**
 * Top to bottom, left to right (browsers draw boxes such as code blocks out of order); a page set
 * in two columns keeps the content stream's order, which producers write column by column.
 */
function inReadingOrder(lines: PdfLine[], pageWidth: number): PdfLine[] {
  const middle = pageWidth / 2;
  const left = lines.filter((line) => line.endX < middle).length;
  const right = lines.filter((line) => line.x > middle).length;
  if (left >= COLUMN_SHARE * lines.length && right >= COLUMN_SHARE * lines.length) return lines;
  return [...lines].sort((a, b) => (Math.abs(a.y - b.y) < 0.5 * Math.min(a.size, b.size) ? a.x - b.x : b.y - a.y));
}

/** Whether a wide gap after `previous` makes `run` start a table's next cell. */
export const opensCell = (previous: Run, run: Run) => run.x - previous.endX > CELL_GAP * run.size && run.text.trim() !== '';

/** Runs joined into text, with a space where the gap between two runs shows one; wide gaps split cells. */
function segmentsOf(runs: readonly Run[]): string[] {
  const segments = [''];
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    const gap = previous ? run.x - previous.endX : 0;
    if (previous && opensCell(previous, run) && segments.at(-1)!.trim() !== '') segments.push('');
    else if (previous && gap > 0.15 * run.size && !/\s$/.test(segments.at(-1)!) && !/^\s/.test(run.text)) segments[segments.length - 1] += ' ';
    segments[segments.length - 1] += run.text;
  });
  return segments;
}

/** Runs of one line of prose joined into its text, white space collapsed and accents on their letters. */
export const textOfRuns = (runs: readonly Run[]) => composeAccents(segmentsOf(runs).join(' ').replace(/\s+/g, ' ').trim());

/** The most common of the runs' font sizes, counted by characters. */
export function dominantSize(runs: readonly Run[]): number {
  const sizes = new Map<number, number>();
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + run.text.trim().length);
  }
  return [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? runs[0]!.size;
}

/** A section's number as a heading starts with it: "7.1.1.6", "2.", "A.1". */
const SECTION_NUMBER = /^(?:\d+|\p{Lu})(?:\.\d+)*\.?$/u;

/**
 * The type size of a numbered heading whose number is set larger than its title: pdf.js reads
 * pdfTeX's "7.1.1.6 SHA3-256" as 13 pt for the number and 11 pt for the title, and the title's
 * characters outnumber the number's.
 */
function headingNumberSize(runs: readonly Run[]): number | undefined {
  const [number, ...title] = runs;
  if (!number || title.length === 0 || !SECTION_NUMBER.test(number.text.trim())) return undefined;
  return title.every((run) => run.size < number.size / 1.15) ? number.size : undefined;
}

function toLine(page: number, runs: Run[]): PdfLine {
  const visible = runs.filter((run) => run.text.trim() !== '');
  const mono = visible.length > 0 && visible.every((run) => run.mono);
  const segments = segmentsOf(runs);
  // Code keeps its inner spacing; prose is collapsed.
  const text = mono ? segments.join(' ').trim() : textOfRuns(runs);
  const cells = segments.map((segment) => composeAccents(segment.replace(/\s+/g, ' ').trim())).filter((cell) => cell !== '');
  const monoRuns = visible.filter((run) => run.mono);
  const monoChars = monoRuns.reduce((sum, run) => sum + run.text.length, 0);
  const charWidth = monoChars > 0 ? monoRuns.reduce((sum, run) => sum + (run.endX - run.x), 0) / monoChars : undefined;
  return {
    page,
    text,
    x: (visible[0] ?? runs[0]!).x,
    endX: Math.max(...runs.map((run) => run.endX)),
    y: runs[0]!.y,
    size: headingNumberSize(visible) ?? dominantSize(visible.length > 0 ? visible : runs),
    mono,
    ...(charWidth ? { charWidth } : {}),
    ...(cells.length > 1 && !mono ? { cells } : {}),
    runs,
  };
}
