import { atxHeading, COLUMN_GAP, ENDS_SENTENCE, indentOf, isBlank, isBlockBreak, isListItem, isRule, isSetextUnderline, itemTextColumn, labelOf, largest, widthOf, type Line, type LineLayout } from '../layout.js';

/**
 * Which lines of a plain-text file make one block. The file's layout (layout.ts) says where a break
 * is real by the file's width; real files also fill paragraphs at other widths or by hand, hang list
 * items' lines under their text, and underline headings, which is read here.
 */

/**
 * Whether `line` goes on with `block` although its break looked real: a line indented to the text
 * of the list item or labelled line above it (a hanging indent: `* item\n  more`, `-q      be\n        quiet`),
 * or the underline of a one-line heading.
 */
function continuesBlock(block: readonly Line[], line: Line): boolean {
  const first = block[0]!.text;
  if (isSetextUnderline(line.text)) return block.length === 1 && !isListItem(first);
  const column = itemTextColumn(first) ?? labelOf(first)?.textColumn;
  return column !== undefined && !isListItem(line.text) && atxHeading(line.text) === undefined && indentOf(line.text) === column;
}

/** A line labelled as the block's first line is, at its indent and column: the next entry of a definition list or table. */
function startsEntry(block: readonly Line[], line: Line): boolean {
  const [first, next] = [labelOf(block[0]!.text), labelOf(line.text)];
  return first !== undefined && next !== undefined && next.textColumn === first.textColumn && indentOf(line.text) === indentOf(block[0]!.text);
}

/** Plain words a line of prose has at least. */
const PROSE_WORDS = 6;
/** A line shorter than this share of the file's width is too short to have been wrapped. */
const WRAPPED_SHARE = 0.6;

/**
 * Whether the break between `line` and `next`, which the file's width reads as real, is a wrap all
 * the same: one file holds paragraphs filled at different widths (70 here, 76 there, 79 in code), and
 * people fill by hand. Only a long line that leaves its sentence open, followed at the same margin by
 * prose, is read so; then the next word not fitting the paragraph's own width (`runWidth`: its longest
 * line that another follows), or a line ending in a word or comma before one starting in lower case,
 * is a wrap. A question or item per line, a table, a term and its definition, or an indented example
 * stay apart.
 */
function wrapsInParagraph(line: Line, next: Line, runWidth: number, layout: LineLayout): boolean {
  if (layout.kind !== 'wrapped' || isListItem(next.text) || atxHeading(next.text) !== undefined || isSetextUnderline(next.text)) return false;
  const text = line.text.trimEnd();
  if (ENDS_SENTENCE.test(text) || COLUMN_GAP.test(text.trim()) || COLUMN_GAP.test(next.text.trim())) return false;
  if (indentOf(next.text) > indentOf(text) || widthOf(text) < WRAPPED_SHARE * layout.width) return false;
  const word = /^\s*(\S+)/.exec(next.text)?.[1] ?? '';
  if (/[\p{L},]$/u.test(text) && /^\p{Ll}/u.test(word) && isProse(text)) return true;
  return runWidth < layout.width && widthOf(text) + 1 + word.length > runWidth;
}

/** A line of prose has words, unlike a command line (`git push origin main`) or code. */
const isProse = (text: string) => plainWords(text) >= PROSE_WORDS;

/** How many of the text's words are plain words, not names with dots, brackets or slashes. */
export const plainWords = (text: string) => text.split(/\s+/).filter((token) => /^\p{L}[\p{L}'’-]*[,.;]?$/u.test(token)).length;

/** Runs of non-blank lines between blank lines. */
function runsOf(lines: readonly Line[]): Line[][] {
  const runs: Line[][] = [[]];
  for (const line of lines) {
    if (!isBlank(line)) runs.at(-1)!.push(line);
    else if (runs.at(-1)!.length) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

/**
 * Groups non-blank lines into blocks: blank lines always separate blocks, and so do real breaks. An
 * underline ends its heading's block.
 */
export function groupLines(lines: readonly Line[], layout: LineLayout): Line[][] {
  const blocks: Line[][] = [];
  for (const run of runsOf(lines)) {
    const runWidth = largest(run.slice(0, -1).map((line) => widthOf(line.text.trimEnd())));
    let current: Line[] = [];
    run.forEach((line, i) => {
      const previous = run[i - 1];
      const breaks =
        previous !== undefined &&
        !continuesBlock(current, line) &&
        (isRule(previous.text) || startsEntry(current, line) || (isBlockBreak(previous, line, layout) && !wrapsInParagraph(previous, line, runWidth, layout)));
      if (breaks) {
        blocks.push(current);
        current = [];
      }
      current.push(line);
    });
    blocks.push(current);
  }
  return blocks;
}
