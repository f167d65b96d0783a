import { isListItem } from '../layout.js';
import type { BlockKind } from '../types.js';
import type { PdfLine } from './text-lines.js';
import { CELL_SEPARATOR } from '../tables.js';
import { numberedHeadingLevels } from './heading-levels.js';

/** One block of a PDF's text, before the document is assembled. */
export interface PdfBlock {
  kind: BlockKind;
  text: string;
  level?: number;
  /** The page the block starts on. */
  page: number;
  /** Where later pages begin inside `text` (a paragraph or code running over a page break). */
  pageStarts: Array<{ at: number; page: number }>;
  /** The sections of this level and deeper end before the block: it is back at the margin after a definition's indented description. */
  leaves?: number;
}

/** Type this much larger than the text's is a heading. */
export const HEADING_RATIO = 1.15;
const MAX_HEADING_CHARS = 200;

/** What the lines of a PDF say about its layout: the text's font size and line pitch, the heading sizes. */
export interface PdfLayout {
  bodySize: number;
  /** Usual distance between the baselines of two lines of one paragraph. */
  pitch: number;
  /** Heading font sizes, largest first: index + 1 is the heading level. */
  headingSizes: number[];
  /** How often each word of the document occurs, to tell a hyphenated word ("termi-nation") from a hyphenated compound ("built-in"). */
  words: ReadonlyMap<string, number>;
}

const rounded = (size: number) => Math.round(size * 2) / 2;

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

export function bodySizeOf(lines: readonly PdfLine[]): number {
  return mostCommon(lines.flatMap((line) => new Array<number>(Math.min(line.text.length, 200)).fill(rounded(line.size)))) ?? 10;
}

export function layoutOf(lines: readonly PdfLine[]): PdfLayout {
  const bodySize = bodySizeOf(lines);
  const gaps: number[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && previous.page === line.page && rounded(previous.size) === bodySize && rounded(line.size) === bodySize) {
      const gap = Math.round((previous.y - line.y) * 2) / 2;
      if (gap > 0 && gap < 3 * bodySize) gaps.push(gap);
    }
  });
  const headingSizes = [...new Set(lines.filter((line) => isHeadingSize(line, bodySize)).map((line) => rounded(line.size)))].sort((a, b) => b - a);
  const words = new Map<string, number>();
  for (const line of lines) for (const word of line.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []) words.set(word, (words.get(word) ?? 0) + 1);
  return { bodySize, pitch: mostCommon(gaps) ?? 1.4 * bodySize, headingSizes, words };
}

const isHeadingSize = (line: PdfLine, bodySize: number) => line.size >= HEADING_RATIO * bodySize && line.text.length <= MAX_HEADING_CHARS && !line.mono;

function kindOf(line: PdfLine, layout: PdfLayout): BlockKind {
  if (isHeadingSize(line, layout.bodySize)) return 'heading';
  if (line.mono) return 'code';
  if (line.cells) return 'table-row';
  return isListItem(line.text) ? 'list-item' : 'paragraph';
}

interface OpenBlock {
  kind: BlockKind;
  lines: PdfLine[];
  /** Definitions' signatures (texinfo's @deffn, several in a row for one description): one heading. */
  definition?: true;
}

/** Whether a signature's brackets are still open ("void f (int a," wraps to "int b)"). */
const unclosed = (block: OpenBlock) => {
  const text = block.lines.map((line) => line.text).join(' ');
  return (text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0);
};

/** Whether `line` goes on with the block, from type, spacing, indentation and, over a page break, the sentence. */
function continues(block: OpenBlock, line: PdfLine, kind: BlockKind, layout: PdfLayout): boolean {
  const previous = block.lines.at(-1)!;
  if (block.definition) return line.definition === true || (line.page === previous.page && line.x > block.lines[0]!.x + 0.9 * layout.bodySize && unclosed(block));
  if (line.definition) return false;
  const prose = (k: BlockKind) => k === 'paragraph' || k === 'list-item';
  if (kind === 'heading' || block.kind === 'heading') {
    return kind === block.kind && rounded(line.size) === rounded(previous.size) && line.page === previous.page && previous.y - line.y < 1.8 * line.size;
  }
  if (kind === 'table-row' || block.kind === 'table-row' || (kind === 'code') !== (block.kind === 'code')) return false;
  if (kind === 'list-item') return false;
  const gap = previous.y - line.y;
  if (line.page !== previous.page || gap < 0) {
    // A page (or column) break: the block goes on when the sentence does, in the same type.
    const sameType = rounded(line.size) === rounded(previous.size);
    return kind === 'code' || (prose(kind) && sameType && (!/[.!?:]["'’”)]?$/u.test(previous.text) || /^\p{Ll}/u.test(line.text)));
  }
  if (kind === 'code') return gap <= 2.2 * layout.pitch;
  if (gap > 1.3 * layout.pitch) return false;
  const size = layout.bodySize;
  const hanging = block.kind === 'list-item' && line.x <= block.lines[0]!.x + 3 * size;
  if (line.x > previous.x + 0.9 * size && !hanging) return false;
  if (line.x < previous.x - 0.9 * size && block.lines.length > 1) return false;
  return true;
}

/**
 * Whether a line-end hyphen split one word ("termi-" "nates"), not a compound: the joined word is the
 * document's, or neither the compound is nor the second part is a word of its own ("per-" "aggregate",
 * "use-" "case" stay). A part in capitals ("SQL-" "standard") is never a syllable.
 */
function splitsWord(first: string, second: string, words: ReadonlyMap<string, number>): boolean {
  if (/^\p{Lu}+$/u.test(first)) return false;
  const [joined, compound] = [`${first}${second}`.toLowerCase(), `${first}-${second}`.toLowerCase()];
  // The second part starts the next line once: a word of its own only if it occurs again.
  return words.has(joined) || (!words.has(compound) && (words.get(second.toLowerCase()) ?? 0) < 2);
}

/** Joins a paragraph's lines with spaces, removing a line-end hyphen that split a word (kept in compounds such as "C-API"). */
function proseText(lines: readonly PdfLine[], words: ReadonlyMap<string, number>, pageStarts: Array<{ at: number; page: number }>): string {
  let text = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous) {
      const split = /(\p{L}+)-$/u.exec(text);
      const next = /^\p{Ll}[\p{L}]*/u.exec(line.text)?.[0];
      if (split && next && splitsWord(split[1]!, next, words)) text = text.slice(0, -1);
      else if (!text.endsWith('-') || !split) text += ' ';
    }
    if (previous && line.page !== previous.page) pageStarts.push({ at: text.length, page: line.page });
    text += line.text;
  });
  return text;
}

/** Code lines with their indentation rebuilt from their positions, and a blank line where the code had one. */
function codeText(lines: readonly PdfLine[], layout: PdfLayout, pageStarts: Array<{ at: number; page: number }>): string {
  const left = Math.min(...lines.map((line) => line.x));
  let text = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous) text += previous.page === line.page && previous.y - line.y > 1.6 * layout.pitch ? '\n\n' : '\n';
    if (previous && line.page !== previous.page) pageStarts.push({ at: text.length, page: line.page });
    const width = line.charWidth ?? layout.bodySize * 0.6;
    text += ' '.repeat(Math.max(0, Math.round((line.x - left) / width))) + line.text;
  });
  return text;
}

function draftOf(block: OpenBlock, layout: PdfLayout): PdfBlock {
  const pageStarts: Array<{ at: number; page: number }> = [];
  const page = block.lines[0]!.page;
  if (block.kind === 'table-row') return { kind: 'table-row', text: block.lines[0]!.cells!.join(CELL_SEPARATOR), page, pageStarts };
  const text = block.kind === 'code' ? codeText(block.lines, layout, pageStarts) : proseText(block.lines, layout.words, pageStarts);
  const level = block.kind === 'heading' ? Math.min(6, layout.headingSizes.indexOf(rounded(block.lines[0]!.size)) + 1) : undefined;
  return { kind: block.kind, text, page, pageStarts, ...(level ? { level } : {}) };
}

/** An API signature or a setting: `glob.iglob(pathname, *, …)`, `class timeit.Timer(…)`, `exception copy.Error`, `autovacuum (boolean)`. */
const SIGNATURE = /^(?:(?:class|exception|async|static|classmethod) )?[\p{L}_][\w.]*\s*(?:\(.*\))?(?:\s*->.*)?$/su;
/** A command-line option with its value, if any: `-d dbname`, `--dbname=dbname`, `--vgdb=<no|yes|full>`, `-?`. */
const OPTION = String.raw`--?[\w?][\w-]*(?:[ =][\w.<>[\]|-]+)?`;
/** A term's line besides a signature: command-line options (`-q, --quiet`), with a default as DocBook's manuals print it (`--trace-children=<yes|no> [default: no]`), or key words (`RESTART IDENTITY`, `NO MINVALUE`). */
const TERM_LINE = new RegExp(`^(?:${OPTION}(?:, ${OPTION})*(?: \\[default: [^\\]]+\\])?|\\p{Lu}+(?: \\p{Lu}+)*(?: [\\w.]+)?)$`, 'u');
const MAX_SIGNATURE_LINES = 4;

/**
 * A definition term, as `<dt>` is in HTML: a short signature or list of options in code type (or in
 * code type but for its brackets: "autovacuum (boolean)", smaller than the text) whose description
 * follows below it, set further right (documentation generators indent `<dd>`; a code example's text
 * is inset by its box, so the prose after it starts left of it). It heads its description.
 */
function isDefinitionTerm(block: OpenBlock, next: OpenBlock | undefined, layout: PdfLayout): boolean {
  const codeType = block.kind === 'code' || (block.kind === 'paragraph' && block.lines.every((line) => line.size < layout.bodySize / HEADING_RATIO));
  if (!codeType || block.lines.length > MAX_SIGNATURE_LINES || !next || !['paragraph', 'list-item'].includes(next.kind)) return false;
  const term = block.lines.map((line) => line.text).join(' ');
  // Below the term: a table's next cell beside it on the same row is no description.
  const below = next.lines[0]!.page !== block.lines.at(-1)!.page || next.lines[0]!.y < block.lines.at(-1)!.y - 0.5 * layout.bodySize;
  const named = SIGNATURE.test(term) || block.lines.every((line) => SIGNATURE.test(line.text) || TERM_LINE.test(line.text));
  return named && below && next.lines[0]!.x > block.lines[0]!.x + 0.9 * layout.bodySize;
}

/**
 * Groups a PDF's lines (furniture removed) into blocks: headings by type size, code by monospaced
 * type, table rows by wide gaps, list items by their markers, and paragraphs by spacing and
 * indentation, continued over page breaks while the sentence goes on; API signatures head their
 * descriptions one level below the heading above them.
 */
export function pdfBlocks(lines: readonly PdfLine[]): PdfBlock[] {
  const layout = layoutOf(lines);
  const blocks: OpenBlock[] = [];
  for (const line of lines) {
    const kind = kindOf(line, layout);
    const block = blocks.at(-1);
    if (block && continues(block, line, kind, layout)) block.lines.push(line);
    else blocks.push(line.definition ? { kind: 'paragraph', lines: [line], definition: true } : { kind, lines: [line] });
  }
  const drafts = numberedHeadingLevels(blocks.map((block) => draftOf(block, layout)));
  let headingLevel = 0;
  // A definition's section ends where the text comes back left of its indented description.
  let definition: { level: number; x: number; bodyX?: number } | undefined;
  return blocks.map((block, i) => {
    const draft = drafts[i]!;
    const x = Math.min(...block.lines.map((line) => line.x));
    if (draft.kind === 'heading') {
      headingLevel = draft.level ?? 1;
      definition = undefined;
    } else if (block.definition || isDefinitionTerm(block, blocks[i + 1], layout)) {
      const level = Math.min(6, headingLevel + 1);
      if (block.definition) definition = { level, x };
      return { ...draft, kind: 'heading', level };
    } else if (definition) {
      definition.bodyX ??= x > definition.x + 0.9 * layout.bodySize ? x : Infinity;
      if (x < definition.bodyX - 0.5 * layout.bodySize) {
        draft.leaves = definition.level;
        definition = undefined;
      }
    }
    return draft;
  });
}
