import { SectionTracker, titleFromFileName } from '../builder.js';
import { decodeText } from '../decode.js';
import { atxHeading, groupLines, isListItem, isSetextUnderline, lineLayout, plainHeadingLevel, splitLines, type Line } from '../layout.js';
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

/**
 * Plain text: the citable text is the file's text exactly (so hard-wrapped lines stay as written;
 * sentence splitting reads a line break inside a block as a space). Blocks are paragraphs, list items
 * and headings read from the layout: blank lines and real line breaks (see layout.ts) end a block;
 * short title-like, numbered, capitalised, `#` or underlined lines are headings.
 */
export function parsePlainText(text: string, source: string): ParsedDocument {
  const lines = splitLines(text);
  const groups = groupLines(lines, lineLayout(lines));
  const sections = new SectionTracker();
  const blocks: Block[] = [];
  groups.forEach((group, i) => {
    // A rule drawn with `=` or `-` under no heading separates blocks and says nothing itself.
    if (group.length === 1 && isSetextUnderline(group[0]!.text)) return;
    const draft = draftOf(text, group, groups[i + 1]);
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
