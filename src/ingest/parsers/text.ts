import { SectionTracker, titleFromFileName } from '../builder.js';
import { decodeText } from '../decode.js';
import { atxHeading, isListItem, isRule, isSetextUnderline, lineLayout, plainHeadingLevel, splitLines, type Line } from '../layout.js';
import { CELL_SEPARATOR } from '../tables.js';
import { groupLines } from './text-lines.js';
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

function draftOf(text: string, lines: Line[], next: Line[] | undefined): Draft {
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
    if (level !== undefined) return { kind: 'heading', ...span, level };
  }
  return { kind: isListItem(first.text) ? 'list-item' : 'paragraph', ...span };
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
  groups.forEach((group, i) => {
    // A rule drawn under no heading, or under a table's header, separates blocks and says nothing itself.
    if (isRuleGroup(group)) return;
    const draft = isTableRow(groups, i) ? { kind: 'table-row' as const, ...trimmedSpan(text, group[0]!.start, group[0]!.end) } : draftOf(text, group, groups[i + 1]);
    if (draft.end <= draft.start) return;
    const isHeading = draft.kind === 'heading';
    const headingText = draft.headingText ?? text.slice(draft.start, draft.end);
    const section = isHeading ? sections.heading(draft.level ?? 2, headingText) : sections.path();
    blocks.push({ kind: draft.kind, start: draft.start, end: draft.end, section, ...(isHeading ? { level: draft.level } : {}) });
  });
  const first = blocks[0];
  const leadingHeading = first?.kind === 'heading' ? text.slice(first.start, first.end).replace(/^#+\s*/, '') : undefined;
  return { format: 'text', title: leadingHeading ?? titleFromFileName(source), text, blocks };
}

export const textParser: Parser = {
  format: 'text',
  extensions: ['.txt', '.text'],
  async parse(bytes, { source }) {
    return parsePlainText(decodeText(bytes), source);
  },
};
