import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { DocumentBuilder, titleFromFileName, type InlinePiece } from '../builder.js';
import { ENDS_SENTENCE, lineLayout, plainHeadingLevel, splitLines, type Line } from '../layout.js';
import type { BlockKind, ParsedDocument } from '../types.js';
import { brokenTermParagraphs, codeTermRuns, continuationsOf, ENDS_OPENING, joinedTerm, splitTermAt } from './markdown-splits.js';
import { CELL_SEPARATOR } from '../tables.js';

/** The plain text of inline content, with the formatting a reader may want back as marks. */
function inlinePieces(nodes: readonly PhrasingContent[]): InlinePiece[] {
  return nodes.flatMap((node): InlinePiece[] => {
    switch (node.type) {
      case 'text':
        return [{ text: node.value }];
      case 'inlineCode':
        return [{ text: node.value, mark: { kind: 'code' } }];
      case 'emphasis':
      case 'strong':
        return [{ text: plain(node.children), mark: { kind: node.type } }];
      case 'delete':
      // A reference link (`[text][]`, `[text][id]`) shows its text as an inline link does.
      case 'linkReference':
        return inlinePieces(node.children);
      case 'link':
        return [{ text: plain(node.children), mark: { kind: 'link', href: node.url } }];
      case 'image':
      case 'imageReference':
        return node.alt ? [{ text: node.alt }] : [];
      case 'break':
        return [{ text: '\n' }];
      default:
        // Inline HTML, footnote references: not text a reader sees.
        return [];
    }
  });
}

const plain = (nodes: readonly PhrasingContent[]): string => inlinePieces(nodes).map((piece) => piece.text).join('');

/** Splits inline pieces at line breaks: one entry per source line. */
function piecesByLine(pieces: readonly InlinePiece[]): InlinePiece[][] {
  const lines: InlinePiece[][] = [[]];
  for (const piece of pieces) {
    piece.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ ...piece, text: part });
    });
  }
  return lines.filter((line) => line.some((piece) => piece.text.trim()));
}

const joinedLines = (lines: readonly InlinePiece[][]): InlinePiece[] => lines.flatMap((line, i) => (i > 0 ? [{ text: '\n' }, ...line] : line));

const textOf = (pieces: readonly InlinePiece[]) => pieces.map((piece) => piece.text).join('').trim();

interface Walk {
  builder: DocumentBuilder;
  /** The Markdown source. */
  source: string;
  /** True when the file is not hard-wrapped: then each line of a paragraph is a paragraph of its own. */
  linePerParagraph: boolean;
  /** Where in the source the last block added ended: the white space after it is kept between blocks. */
  sourceEnd: number;
  /** The level of the last Markdown heading: a split term (markdown-splits.ts) heads its entry one level below it. */
  headingLevel: number;
}

/** Adds the block of `node` with the source's own white space before it. */
function addNode(walk: Walk, node: Nodes, kind: BlockKind, pieces: InlinePiece[], options: { level?: number; gapStart?: number } = {}) {
  const start = node.position?.start.offset ?? walk.sourceEnd;
  walk.builder.add(kind, pieces, { level: options.level, gap: walk.source.slice(walk.sourceEnd, options.gapStart ?? start) });
  walk.sourceEnd = node.position?.end.offset ?? walk.sourceEnd;
}

/**
 * A paragraph: one block, or — in a file written one paragraph per line without blank lines — one
 * block per line, the short title-like ones as headings (see layout.ts).
 */
function addParagraph(walk: Walk, node: Paragraph, kind: BlockKind, prefix?: { text: string; start: number }) {
  const pieces = inlinePieces(node.children);
  const lines = walk.linePerParagraph ? piecesByLine(pieces) : [pieces];
  lines.forEach((line, i) => {
    const withPrefix = i === 0 && prefix ? [{ text: prefix.text }, ...line] : line;
    const next = lines[i + 1];
    const level = walk.linePerParagraph && next ? plainHeadingLevel(textOf(withPrefix), textOf(next)) : undefined;
    const blockKind = level !== undefined ? 'heading' : i === 0 ? kind : kind === 'list-item' ? 'paragraph' : kind;
    if (i === 0) addNode(walk, node, blockKind, withPrefix, { level, gapStart: prefix?.start });
    else walk.builder.add(blockKind, withPrefix, { level, gap: '\n' });
  });
}

/**
 * A term split into fragment paragraphs or printed all in code, added as one heading, or a paragraph with the paragraphs
 * that carry on its sentence, added as one (see markdown-splits.ts); returns how many paragraphs it
 * took (none when `nodes[from]` is neither).
 */
function addSplitParagraphs(walk: Walk, nodes: readonly RootContent[], from: number, codeTerms: ReadonlyMap<number, number>): number {
  const text = (node: Paragraph) => plain(node.children);
  const codeTerm = codeTerms.get(from);
  const term = codeTerm ? (nodes.slice(from, from + codeTerm) as Paragraph[]) : splitTermAt(nodes, from, text);
  const first = nodes[from]!;
  const continued = term || walk.linePerParagraph || first.type !== 'paragraph' ? [] : continuationsOf(nodes, from, text);
  const run = term ?? (continued.length > 0 ? [first as Paragraph, ...continued] : undefined);
  if (!run) return 0;
  if (term) addNode(walk, run[0]!, 'heading', joinedTerm(run.map((node) => inlinePieces(node.children))), { level: Math.min(6, walk.headingLevel + 1) });
  else addNode(walk, run[0]!, 'paragraph', run.flatMap((node, i) => [...(i > 0 && !ENDS_OPENING.test(text(run[i - 1]!).trim()) ? [{ text: ' ' }] : []), ...inlinePieces(node.children)]));
  walk.sourceEnd = run.at(-1)!.position?.end.offset ?? walk.sourceEnd;
  return run.length;
}

function walkBlocks(walk: Walk, nodes: readonly RootContent[], context: { kind: BlockKind; prefix?: { text: string; start: number } } = { kind: 'paragraph' }) {
  const codeTerms = codeTermRuns(nodes, (node) => plain(node.children));
  const brokenTerms = context.kind === 'paragraph' && !context.prefix ? brokenTermParagraphs(nodes) : new Map();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const definition = brokenTerms.get(i);
    if (definition) {
      // Its terms, one heading as the HTML parser reads terms in a row, then its description.
      addNode(walk, node, 'heading', joinedLines(definition.terms.map(inlinePieces)), { level: Math.min(6, walk.headingLevel + 1) });
      walk.builder.add('paragraph', inlinePieces(definition.description), { gap: '\n' });
      continue;
    }
    if (context.kind === 'paragraph' && !context.prefix) {
      const taken = addSplitParagraphs(walk, nodes, i, codeTerms);
      if (taken > 0) {
        i += taken - 1;
        continue;
      }
    }
    switch (node.type) {
      case 'heading':
        addNode(walk, node, 'heading', inlinePieces(node.children), { level: node.depth });
        walk.headingLevel = node.depth;
        break;
      case 'paragraph':
        addParagraph(walk, node, context.kind, context.prefix);
        context = { kind: context.kind === 'list-item' ? 'paragraph' : context.kind };
        break;
      case 'code':
        addNode(walk, node, 'code', [{ text: node.value }]);
        break;
      case 'blockquote':
        walkBlocks(walk, node.children, { kind: 'quote' });
        break;
      case 'list':
        for (const item of node.children) {
          // The item's own bullet or number, as written ("1. ", "- ").
          const start = item.position?.start.offset ?? walk.sourceEnd;
          const contentStart = item.children[0]?.position?.start.offset ?? start;
          walkBlocks(walk, item.children, { kind: 'list-item', prefix: { text: `${walk.source.slice(start, contentStart).trim()} `, start } });
        }
        break;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((cell) => inlinePieces(cell.children));
          addNode(walk, row, 'table-row', cells.flatMap((cell, i) => (i === 0 ? cell : [{ text: CELL_SEPARATOR }, ...cell])));
        }
        break;
      case 'html':
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
      case 'footnoteDefinition':
        break;
      default:
        if ('children' in node) walkBlocks(walk, (node as Parent).children as RootContent[], context);
    }
  }
}

/** Whether the file's paragraphs are written one per line (see layout.ts), judged on the lines of its paragraphs only. */
function paragraphLayout(root: Root, text: string): boolean {
  const lines: Line[] = [];
  const separator: Line = { start: 0, end: 0, text: '' };
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph' && node.position) lines.push(...splitLines(text, node.position.start.offset, node.position.end.offset), separator);
    else if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(root);
  return lineLayout(lines).kind === 'linePerParagraph';
}

/** `title:` of a YAML front matter block. */
function frontMatterTitle(root: Root): string | undefined {
  const yaml = root.children.find((node) => node.type === 'yaml');
  const match = yaml && 'value' in yaml ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(yaml.value) : null;
  return match?.[1];
}

/**
 * Markdown through a CommonMark + GFM parser (mdast): the citable text is the rendered text —
 * headings, paragraphs, list items (with their bullet or number), quotes, code blocks and table rows
 * (cells joined by " | "), without Markdown marks; inline code, emphasis and links become marks.
 */
export function parseMarkdown(source: string, text: string): ParsedDocument {
  const root = fromMarkdown(text, { extensions: [gfm(), frontmatter()], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown()] });
  const builder = new DocumentBuilder('markdown');
  walkBlocks({ builder, source: text, linePerParagraph: paragraphLayout(root, text), sourceEnd: 0, headingLevel: 1 }, root.children);
  const parsed = builder.finish('');
  const first = parsed.blocks[0];
  const firstText = first && parsed.text.slice(first.start, first.end);
  const leading = first?.kind === 'heading' ? firstText : first?.kind === 'paragraph' && isTitleLine(firstText!) ? firstText : undefined;
  return { ...parsed, title: frontMatterTitle(root) ?? leading ?? builder.firstHeading() ?? titleFromFileName(source) };
}

/** How long a leading line without a heading mark may be and still be the page's name. */
const MAX_TITLE_CHARS = 80;

/**
 * A converted reference page opens with its name as plain text ("CREATE SEQUENCE", then "CREATE SEQUENCE — define a new
 * sequence generator") and its first heading is a section ("Synopsis"): that short opening line, not a sentence, is the title.
 */
const isTitleLine = (text: string) => text.length <= MAX_TITLE_CHARS && !text.includes('\n') && !ENDS_SENTENCE.test(text.trim());
