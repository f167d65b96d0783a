/**
 * Reading the layout of plain text: which line breaks end a paragraph and which only wrap it, and
 * which lines are headings. Shared by the text and Markdown parsers: hard-wrapped files (lines of
 * about the same length) and files with one paragraph per line (no blank lines) both exist, and a
 * line break means something different in each.
 */

export interface Line {
  /** Offsets of the line's text, without its line break. */
  start: number;
  end: number;
  text: string;
}

/** A list item's marker: a bullet (`o` too, as plain-text release notes and man pages draw it), a number or letter. */
const LIST_MARKER = /^\s*(?:[-*+•‣◦▪]|o(?=\s+[\p{L}\d(\[])|\(?(?:\d{1,3}|[a-z])[.)])\s+\S/u;
const SETEXT_UNDERLINE = /^\s*(?:={3,}|-{3,})\s*$/;
/** The rule under a table's header drawn in text: `----+-----`, `|---|:--|`. */
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:[+|]\s*:?-{2,}:?\s*)+\|?\s*$/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(\S.*?)\s*#*\s*$/;
const ROMAN_NUMBERED = /^(?:[IVXLC]{1,6})\.\s+\S/;
const DECIMAL_NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+\p{Lu}/u;
const SENTENCE_END = /[.!?;,:…"”')\]]$/u;
/** Text that ends a sentence or introduces what follows (`:`), closing quotes or brackets after it; a semicolon goes on with the sentence. */
export const ENDS_SENTENCE = /[.!?:…]['"’”)\]]*$/u;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', 'without', 'via']);
/** A heading is a short line. */
const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 16;

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (end >= to) break;
    start = end + 1;
  }
  return lines;
}

export const isBlank = (line: Line) => line.text.trim() === '';

/**
 * How a document uses line breaks inside its paragraphs: `wrapped` at a column (a break is a real end
 * of block only where the next word would have fitted), or `linePerParagraph` (every line is a
 * paragraph: files written without blank lines).
 */
export type LineLayout = { kind: 'wrapped'; width: number; byteWidth: number } | { kind: 'linePerParagraph' };

/**
 * Wrapping tools count characters (editors, Python's textwrap) or bytes (`fold`); a line with accented
 * letters or dashes is shorter in characters than a byte-counting wrapper thought. Both are measured,
 * and a break counts as real only when the next word would have fitted by both counts.
 */
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** The columns a line takes on screen: a tab moves to the next multiple of 8, as in editors and `fold`. */
export function widthOf(text: string): number {
  let column = 0;
  for (const char of text) column = char === '\t' ? column + 8 - (column % 8) : column + 1;
  return column;
}

/** The same, counting a character's UTF-8 bytes. */
const byteWidthOf = (text: string) => widthOf(text) + byteLength(text) - text.length;
export const indentOf = (text: string) => widthOf(/^\s*/.exec(text)![0]);

/** Lines this long are whole paragraphs: nobody wraps text this wide. */
const LONG_LINE = 150;
/** Share of long lines from which a file is read as one paragraph per line (a few long URLs do not count). */
const LONG_LINE_SHARE = 0.25;

/** The largest of `values`; spreading a long file's line lengths into Math.max overflows the stack. */
export const largest = (values: readonly number[]) => values.reduce((max, value) => (value > max ? value : max), -Infinity);

/** The longest of the lengths that cluster near the 90th percentile. */
function nearWidth(lengths: readonly number[]): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  return largest(lengths.filter((length) => length <= width + 10));
}

/**
 * Reads the layout of `lines` (blank lines separate blocks). Wrapped prose has most lines that are
 * followed by another line of the same block ending close to one width; unwrapped text has long
 * lines that vary with their paragraphs (and short heading lines between them). A few short lines
 * with no clear width are read as wrapped at the longest of them.
 */
export function lineLayout(lines: readonly Line[]): LineLayout {
  const inner: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!isBlank(lines[i]!) && !isBlank(lines[i + 1]!)) inner.push(widthOf(lines[i]!.text.trimEnd()));
  }
  if (inner.length === 0) return { kind: 'linePerParagraph' };
  const innerBytes: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!isBlank(lines[i]!) && !isBlank(lines[i + 1]!)) innerBytes.push(byteWidthOf(lines[i]!.text.trimEnd()));
  }
  const sorted = [...inner].sort((a, b) => a - b);
  const width = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  if (inner.length >= 3 && width >= 30 && width <= 200) {
    const near = inner.filter((length) => length >= 0.7 * width && length <= width + 10);
    if (near.length >= 0.6 * inner.length) return { kind: 'wrapped', width: largest(near), byteWidth: nearWidth(innerBytes) };
  }
  const filled = lines.filter((line) => !isBlank(line));
  if (filled.filter((line) => widthOf(line.text) > LONG_LINE).length >= LONG_LINE_SHARE * filled.length) return { kind: 'linePerParagraph' };
  return { kind: 'wrapped', width: sorted.at(-1)!, byteWidth: largest(innerBytes) };
}

/**
 * Whether the break between `line` and `next` (both non-blank) ends a block. In wrapped text a break
 * is only a wrap when the next line's first word would not have fitted on this line; a list item or
 * heading on the next line always starts a block.
 */
export function isBlockBreak(line: Line, next: Line, layout: LineLayout): boolean {
  if (layout.kind === 'linePerParagraph') return true;
  if (ATX_HEADING.test(next.text) || SETEXT_UNDERLINE.test(next.text) || TABLE_RULE.test(next.text)) return true;
  // A list item starts a block, unless the "marker" is only a number or dash that wrapping put at the start of a line mid-sentence.
  if (LIST_MARKER.test(next.text) && (SENTENCE_END.test(line.text.trimEnd()) || LIST_MARKER.test(line.text))) return true;
  const text = line.text.trimEnd();
  // A line that introduces something ("… as follows:") and a deeper-indented line after it: an example, not a wrap.
  if (text.endsWith(':') && indentOf(next.text) > indentOf(text)) return true;
  const word = /^\s*(\S+)/.exec(next.text)?.[1] ?? '';
  return widthOf(text) + 1 + word.length <= layout.width && byteWidthOf(text) + 1 + byteLength(word) <= layout.byteWidth;
}

/** A gap of a tab or three spaces between words: columns of a table or a term and its definition, not prose. */
export const COLUMN_GAP = /\S(?:\t| {3,})\S/;

/** The column where a list item's text starts (`  - item` → 4), or undefined for a line that is no list item. */
export function itemTextColumn(text: string): number | undefined {
  const marker = LIST_MARKER.exec(text);
  return marker ? widthOf(marker[0].slice(0, -1)) : undefined;
}

export const isListItem = (text: string) => LIST_MARKER.test(text);

/**
 * A short label set before its text by a column gap, the text's lines hanging under it: a term and
 * its description (`-q, --quiet    be quiet`), a question (`Q:  Why …`), a bullet drawn apart (`o  item`).
 */
const LABELLED_LINE = /^(\s*)(\S(?:[^\t]{0,28}?\S)?)(?:\t+| {2,})(?=\S)/;

/** A labelled line's label and text (offsets within the line) and the column its text starts at, or undefined for a line with no label. */
export function labelOf(text: string): { start: number; end: number; textStart: number; textColumn: number } | undefined {
  const match = LABELLED_LINE.exec(text);
  if (!match) return undefined;
  const start = match[1]!.length;
  return { start, end: start + match[2]!.length, textStart: match[0].length, textColumn: widthOf(match[0]) };
}
export const isSetextUnderline = (text: string) => SETEXT_UNDERLINE.test(text);
/** A line drawn under a heading or a table's header: it ends the block above it. */
export const isRule = (text: string) => SETEXT_UNDERLINE.test(text) || TABLE_RULE.test(text);

/** `# Title` → {level: 1, text: 'Title'}. */
export function atxHeading(text: string): { level: number; text: string } | undefined {
  const match = ATX_HEADING.exec(text);
  return match ? { level: match[1]!.length, text: match[2]! } : undefined;
}

function titleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0 || words.length > MAX_HEADING_WORDS) return false;
  const significant = words.filter((word, i) => i === 0 || !SMALL_WORDS.has(word.toLowerCase()));
  const capitalised = significant.filter((word) => /^[^\p{L}]*\p{Lu}/u.test(word)).length;
  return capitalised >= 0.6 * significant.length;
}

/**
 * The heading level of a one-line block of plain text, or undefined when it is not a heading:
 * a short line without closing punctuation that is numbered ("IV.", "2.3"), written in capitals, or
 * title-cased, and that is followed by a longer block (a heading introduces something). Roman
 * numbers rank above decimal ones, which rank by their depth.
 */
export function plainHeadingLevel(text: string, next: string | undefined): number | undefined {
  const line = text.trim();
  if (line.length === 0 || line.length > MAX_HEADING_CHARS || SENTENCE_END.test(line) || !/\p{L}/u.test(line)) return undefined;
  // A row of a table drawn with pipes or spaces is no heading, however its cells are capitalised.
  if (line.includes(' | ') || COLUMN_GAP.test(line)) return undefined;
  if (next === undefined || next.trim().length <= line.length) return undefined;
  if (ROMAN_NUMBERED.test(line)) return 1;
  const decimal = DECIMAL_NUMBERED.exec(line);
  if (decimal) return titleCased(line.slice(decimal[0].length - 1)) ? 1 + decimal[1]!.split('.').length : undefined;
  if (/\p{Lu}/u.test(line) && line === line.toUpperCase() && line.split(/\s+/).length <= 10) return 1;
  if (isListItem(line)) return undefined;
  return titleCased(line) ? 2 : undefined;
}
