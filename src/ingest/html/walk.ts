import type { DocumentBuilder, InlinePiece } from '../builder.js';
import type { BlockKind, InlineMark } from '../types.js';
import type { HtmlElement } from './main-content.js';
import { CELL_SEPARATOR } from '../tables.js';

/** Elements that start and end a block; their text never runs into a neighbour's. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'ul',
]);

const INLINE_MARKS: Record<string, InlineMark['kind']> = { code: 'code', kbd: 'code', samp: 'code', tt: 'code', em: 'emphasis', i: 'emphasis', strong: 'strong', b: 'strong' };

/** A superscript number right after a digit is a power ("2<sup>31</sup>"): written 2^31, not 231. */
const EXPONENT = /^\s*[-+−]?\d+\s*$/;

/** A link whose whole text is a permalink sign is furniture. */
const PERMALINK = /^[\s¶#§🔗]*$/u;

type Node = HtmlElement & { nodeType: number; textContent: string };

interface OpenSection {
  level: number;
  title: string;
  /** The element whose end ends the section: a definition term's list, a heading's section or note; none for a heading of the whole page. */
  scope?: HtmlElement;
}

const childNodes = (element: HtmlElement) => [...element.childNodes] as unknown as Node[];
const tagOf = (node: { localName?: string }) => (node.localName ?? '').toLowerCase();
const hasBlockInside = (node: HtmlElement) => [...node.querySelectorAll('*')].some((child) => BLOCK_ELEMENTS.has(tagOf(child)));
const plainText = (pieces: readonly InlinePiece[]) => pieces.map((piece) => piece.text).join('').replace(/\s+/g, ' ').trim();
const isBlockWithText = (node: Node) => node.nodeType === 1 && BLOCK_ELEMENTS.has(tagOf(node)) && node.textContent.trim() !== '';

/**
 * The element a heading heads: its nearest ancestor with a block of text after it (a DocBook or
 * Sphinx section, a note's box), so the heading's section ends where that element ends — a "Note"
 * heading does not carry over to the paragraphs after its note. Wrappers holding only the heading
 * (a title page), a header with its subtitle and inline elements are looked through; none when the
 * heading stands among the walked root's own children.
 */
function headedElement(heading: HtmlElement, root: HtmlElement): HtmlElement | undefined {
  let branch = heading;
  for (let element = heading.parentElement; element && element !== root; branch = element, element = element.parentElement) {
    if (!BLOCK_ELEMENTS.has(tagOf(element)) || tagOf(element) === 'header') continue;
    const after = childNodes(element).slice(childNodes(element).indexOf(branch as Node) + 1);
    if (after.some(isBlockWithText)) return element;
  }
  return undefined;
}

/** A definition term and the terms right after it, as the children of one element: the heading of their shared definition. */
function termsFrom(term: HtmlElement): HtmlElement {
  const terms = [term];
  for (let next = term.nextElementSibling; next && tagOf(next) === 'dt'; next = next.nextElementSibling) terms.push(next as HtmlElement);
  if (terms.length === 1) return term;
  const heading = term.ownerDocument.createElement('dt');
  terms.forEach((each, i) => heading.append(...(i > 0 ? [term.ownerDocument.createElement('br')] : []), ...each.cloneNode(true).childNodes));
  return heading as unknown as HtmlElement;
}

/**
 * The list that carries on `list`'s last definition past a code block or table inside it: mammoth
 * ends a definition list at a Word paragraph of another style (pandoc's `Source Code` in an
 * option's description) and starts the rest as a list opening with a `<dd>`, a definition without
 * a term of its own.
 */
function continuedList(list: HtmlElement): HtmlElement | undefined {
  for (let next = list.nextElementSibling; next; next = next.nextElementSibling) {
    if (tagOf(next) === 'dl') return tagOf(next.firstElementChild ?? {}) === 'dd' ? (next as HtmlElement) : undefined;
    if (!['pre', 'table'].includes(tagOf(next))) return undefined;
  }
  return undefined;
}

/** The text of a `<pre>` as laid out: white space kept, `<br>` as a line break. */
function preformatted(node: HtmlElement): string {
  return childNodes(node)
    .map((child) => (child.nodeType === 3 ? child.textContent : child.nodeType !== 1 ? '' : tagOf(child) === 'br' ? '\n' : preformatted(child)))
    .join('');
}

/**
 * Walks an HTML element into a DocumentBuilder: headings (h1–h6, and definition terms such as an
 * API entry's signature, which head their definition until the list ends), paragraphs, list items
 * (ordered ones numbered), quotes, `<pre>` code and table rows (cells joined by ` | `). Section
 * paths follow the tree (a definition list closes its terms' sections), so they are set here.
 */
export class HtmlWalker {
  readonly #sections: OpenSection[] = [];
  #root: HtmlElement | undefined;
  #pieces: InlinePiece[] = [];
  #kind: BlockKind = 'paragraph';
  /** An ordered list item's number, put before the item's first text. */
  #prefix: string | undefined;

  constructor(private readonly builder: DocumentBuilder) {}

  walk(root: HtmlElement): void {
    this.#root = root;
    this.#children(root, 'paragraph');
    this.#flush();
  }

  #children(element: HtmlElement, kind: BlockKind): void {
    for (const child of childNodes(element)) this.#node(child, kind);
  }

  #node(node: Node, kind: BlockKind): void {
    if (node.nodeType === 3) return this.#append(kind, { text: node.textContent });
    if (node.nodeType !== 1) return;
    const tag = tagOf(node);
    if (/^h[1-6]$/.test(tag)) return this.#heading(node, Number(tag[1]), headedElement(node, this.#root!));
    if (tag === 'dt') {
      // Terms in a row share one definition (AsciiDoc's "-a" then "--all"): the first heads it with all of them, line by line.
      if (tagOf(node.previousElementSibling ?? {}) === 'dt') return;
      // A term ends the previous term's section of the same list, and heads a level below what encloses
      // the list — below the page's title at least, which it never is.
      const list = node.closest('dl') as HtmlElement | null;
      if (list) this.#closeSections(list);
      return this.#heading(node, (this.#sections.at(-1)?.level ?? 1) + 1, list ?? undefined, termsFrom(node));
    }
    if (tag === 'pre') return this.#add('code', [{ text: preformatted(node) }]);
    if (tag === 'table') return this.#table(node);
    if (tag === 'br') return this.#append(kind, { text: '\n' });
    if (tag === 'hr' || tag === 'img') return this.#flush();
    if (tag === 'a' && PERMALINK.test(node.textContent)) return;
    if (tag === 'sup' && EXPONENT.test(node.textContent) && /\d$/.test(this.#pieces.at(-1)?.text ?? '')) this.#append(kind, { text: '^' });
    if (BLOCK_ELEMENTS.has(tag)) return this.#container(node, tag, kind);
    const mark = INLINE_MARKS[tag] ?? (tag === 'a' && node.getAttribute('href') ? 'link' : undefined);
    if (!mark || hasBlockInside(node)) return this.#children(node, kind);
    this.#append(kind, { text: node.textContent, mark: mark === 'link' ? { kind: mark, href: node.getAttribute('href')! } : { kind: mark } });
  }

  #container(node: HtmlElement, tag: string, kind: BlockKind): void {
    this.#flush();
    const inner: BlockKind = tag === 'li' ? 'list-item' : tag === 'blockquote' ? 'quote' : kind;
    const parent = node.parentElement;
    if (tag === 'li' && parent && tagOf(parent) === 'ol') {
      const items = childNodes(parent).filter((child) => tagOf(child) === 'li');
      this.#prefix = `${Number(parent.getAttribute('start') ?? 1) + items.indexOf(node as Node)}. `;
    }
    this.#children(node, inner);
    this.#flush();
    this.#prefix = undefined;
    const continued = tag === 'dl' ? continuedList(node) : undefined;
    if (continued) this.#sections.forEach((section) => section.scope === node && (section.scope = continued));
    else this.#closeSections(node);
  }

  /** The inline content of an element (a heading, a table cell) as pieces, block structure inside it flattened. */
  #inlineOf(node: HtmlElement): InlinePiece[] {
    const [pieces, kind] = [this.#pieces, this.#kind];
    this.#pieces = [];
    for (const child of childNodes(node)) {
      if (child.nodeType === 1 && BLOCK_ELEMENTS.has(tagOf(child))) this.#pieces.push({ text: ' ' }, ...this.#inlineOf(child), { text: ' ' });
      else this.#node(child, 'paragraph');
    }
    const inline = this.#pieces;
    [this.#pieces, this.#kind] = [pieces, kind];
    return inline;
  }

  /** `content` is what the heading reads, when not the heading element itself (terms in a row). */
  #heading(node: HtmlElement, level: number, scope?: HtmlElement, content = node): void {
    this.#flush();
    const pieces = this.#inlineOf(content);
    const title = plainText(pieces);
    if (title === '') return;
    // A heading inside an open section's element is its subsection whatever its level (DocBook heads every note with an h3).
    const encloses = (section: OpenSection) => section.scope !== undefined && section.scope !== scope && section.scope.contains(node);
    while (this.#sections.length > 0 && this.#sections.at(-1)!.level >= level && !encloses(this.#sections.at(-1)!)) this.#sections.pop();
    this.#add('heading', pieces, Math.min(6, level));
    this.#sections.push({ level, title, ...(scope ? { scope } : {}) });
  }

  #table(table: HtmlElement): void {
    this.#flush();
    for (const row of table.querySelectorAll('tr')) {
      if (row.closest('table') !== table) continue;
      const cells = childNodes(row as HtmlElement).filter((cell) => ['td', 'th'].includes(tagOf(cell)));
      const pieces = cells.flatMap((cell, i) => [...(i > 0 ? [{ text: CELL_SEPARATOR }] : []), ...this.#inlineOf(cell)]);
      if (plainText(pieces).replace(/\|/g, '').trim() !== '') this.#add('table-row', pieces);
    }
  }

  /** Ends the sections `element` scopes and those opened inside them. */
  #closeSections(element: HtmlElement): void {
    const at = this.#sections.findIndex((section) => section.scope === element);
    if (at >= 0) this.#sections.splice(at);
  }

  /** Inline text; text that starts a block takes the pending list number. */
  #append(kind: BlockKind, piece: InlinePiece): void {
    if (this.#pieces.length === 0) this.#kind = kind;
    if (this.#prefix && piece.text.trim() !== '') {
      this.#pieces.push({ text: this.#prefix });
      this.#prefix = undefined;
    }
    this.#pieces.push(piece);
  }

  #flush(): void {
    const pieces = this.#pieces;
    this.#pieces = [];
    if (plainText(pieces) !== '') this.#add(this.#kind, pieces);
  }

  #add(kind: BlockKind, pieces: InlinePiece[], level?: number): void {
    if (kind !== 'heading') this.#flush();
    const block = this.builder.add(kind, pieces, { level });
    if (block) block.section = this.#sections.map((section) => section.title);
  }
}
