import { SectionTracker, titleFromFileName } from '../builder.js';
import { decodeText } from '../decode.js';
import { atxHeading, indentOf, isListItem, isRule, isSetextUnderline, labelOf, lineLayout, plainHeadingLevel, splitLines, type Line } from '../layout.js';
import { CELL_SEPARATOR } from '../tables.js';
import { groupLines, plainWords } from './text-lines.js';
import type { Block, BlockKind, ParsedDocument, Parser } from '../types.js';

interface Draft {
  kind: BlockKind;
  start: number;
  end: number;
  level?: number;
  /** The heading's own text, when it differs from the span (`# Title` → `Title`). */
  headingText?: string;
}

const trimmedSpan = (text: string, start: number, end: number) => {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
};

/** A line of a record or mail header, `Program: GNU bc`, `Signed-off-by: …`: a field, not a title, when another field is beside it. */
const FIELD_LINE = /^\s*\p{L}[\p{L}\d -]{0,30}: \S/u;
const isFieldGroup = (group: readonly Line[] | undefined) => group?.length === 1 && FIELD_LINE.test(group[0]!.text);

/** A table of contents' heading: it heads the list of sections, not the sections after it. */
const CONTENTS_HEADING = /^(?:table of )?contents$/i;
const BLANK_LINE = /\n[ \t]*\r?\n/;
/** A manual page's first heading: the line under it names the page. */
const NAME_HEADING = /^name$/i;

function draftOf(text: string, lines: Line[], next: Line[] | undefined, previous: Line[] | undefined): Draft {
  const first = lines[0]!;
  const last = lines.at(-1)!;
  if (lines.length >= 2 && isSetextUnderline(last.text)) {
    const span = trimmedSpan(text, first.start, lines.at(-2)!.end);
    return { kind: 'heading', ...span, level: last.text.trim().startsWith('=') ? 1 : 2 };
  }
  const span = trimmedSpan(text, first.start, last.end);
  if (lines.length === 1) {
    const atx = atxHeading(first.text);
    if (atx) return { kind: 'heading', ...span, level: atx.level, headingText: atx.text };
    const nextText = next?.map((line) => line.text).join(' ');
    const level = plainHeadingLevel(first.text, nextText);
    if (level !== undefined && !(FIELD_LINE.test(first.text) && (isFieldGroup(previous) || isFieldGroup(next)))) {
      return { kind: 'heading', ...span, level };
    }
  }
  return { kind: isListItem(first.text) ? 'list-item' : 'paragraph', ...span };
}

/** A shell prompt opening a line: the line is a command. */
const PROMPT = /^\s*\$ \S/;
/** What code and command lines have and prose has little of: brackets, operators, paths, options. */
const CODE_SIGN = /[[\]{}()<>=|;/\\$]|\s--?\w/;
/** Code and commands have fewer plain words than this (`svn checkout svn://… avahi`). */
const CODE_WORDS = 4;

/**
 * An example: command lines (`$ make install`), or code indented under a line that introduces it ("On
 * most systems, you say:" / `cjpeg [switches] [imagefile] >jpegfile`): few plain words, a bracket,
 * operator, path or option, and no capitalised word to open it as a sentence opens. A list item, an
 * option or table row (a label before a column gap) and a heading are not.
 */
function isExample(group: readonly Line[], previous: readonly Line[] | undefined): boolean {
  if (group.every((line) => PROMPT.test(line.text))) return true;
  const introduced = previous !== undefined && previous.at(-1)!.text.trimEnd().endsWith(':') && indentOf(group[0]!.text) > indentOf(previous[0]!.text);
  if (!introduced || isListItem(group[0]!.text) || labelOf(group[0]!.text) !== undefined) return false;
  const text = group.map((line) => line.text.trim()).join(' ');
  return CODE_SIGN.test(text) && plainWords(text) < CODE_WORDS && !/^\p{Lu}\p{Ll}/u.test(text);
}

const separatorsIn = (group: readonly Line[] | undefined) => (group?.length === 1 ? group[0]!.text.split(CELL_SEPARATOR).length - 1 : 0);

const isRuleGroup = (group: readonly Line[] | undefined) => group?.length === 1 && isRule(group[0]!.text);

/**
 * A one-line block with cells joined by ` | `, as the block above or below it has (the rule under
 * a header between them): a row of a table drawn with pipes.
 */
function isTableRow(groups: readonly Line[][], i: number): boolean {
  const separators = separatorsIn(groups[i]);
  const above = isRuleGroup(groups[i - 1]) ? groups[i - 2] : groups[i - 1];
  const below = isRuleGroup(groups[i + 1]) ? groups[i + 2] : groups[i + 1];
  return separators > 0 && (separatorsIn(above) === separators || separatorsIn(below) === separators);
}

/**
 * Plain text: the citable text is the file's text exactly (so hard-wrapped lines stay as written;
 * sentence splitting reads a line break inside a block as a space). Blocks are paragraphs, list items
 * headings and table rows read from the layout: blank lines and real line breaks (see layout.ts) end
 * a block; short title-like, numbered, capitalised, `#` or underlined lines are headings.
 */
export function parsePlainText(text: string, source: string): ParsedDocument {
  const lines = splitLines(text);
  const groups = groupLines(lines, lineLayout(lines));
  const sections = new SectionTracker();
  const blocks: Block[] = [];
  // A table of contents' section ends at the next heading, whatever its level.
  let contentsLevel: number | undefined;
  groups.forEach((group, i) => {
    // A rule drawn under no heading, or under a table's header, separates blocks and says nothing itself.
    if (isRuleGroup(group)) return;
    const draft = isTableRow(groups, i) ? { kind: 'table-row' as const, ...trimmedSpan(text, group[0]!.start, group[0]!.end) } : draftOf(text, group, groups[i + 1], groups[i - 1]);
    if (draft.end <= draft.start) return;
    if (draft.kind === 'paragraph' && isExample(group, groups[i - 1])) draft.kind = 'code';
    const headingText = draft.headingText ?? text.slice(draft.start, draft.end);
    if (draft.kind === 'heading' && contentsLevel !== undefined) {
      // The lines right under a table of contents' heading, up to a blank line, are its entries, not headings.
      if (!BLANK_LINE.test(text.slice(groups[i - 1]!.at(-1)!.end, group[0]!.start))) draft.kind = 'paragraph';
      else sections.leave(contentsLevel);
    }
    if (draft.kind === 'heading') contentsLevel = CONTENTS_HEADING.test(headingText) ? draft.level : undefined;
    const isHeading = draft.kind === 'heading';
    const section = isHeading ? sections.heading(draft.level ?? 2, headingText) : sections.path();
    blocks.push({ kind: draft.kind, start: draft.start, end: draft.end, section, ...(isHeading ? { level: draft.level } : {}) });
  });
  return { format: 'text', title: titleOf(text, blocks) ?? titleFromFileName(source), text, blocks };
}

/** The file's leading heading (a manual page's name line under its NAME heading; not a table of contents' heading). */
function titleOf(text: string, blocks: readonly Block[]): string | undefined {
  const [first, second] = blocks.slice(0, 2).map((block) => text.slice(block.start, block.end).replace(/^#+\s*/, ''));
  if (blocks[0]?.kind !== 'heading' || CONTENTS_HEADING.test(first!)) return undefined;
  return NAME_HEADING.test(first!) ? second : first;
}

export const textParser: Parser = {
  format: 'text',
  extensions: ['.txt', '.text'],
  async parse(bytes, { source }) {
    return parsePlainText(decodeText(bytes), source);
  },
};
