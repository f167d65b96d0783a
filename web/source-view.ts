import type { SourceDocument } from './protocol.js';

/**
 * The source viewer's rendering of a document's citable text with its structure (blocks: headings,
 * paragraphs, list items, quotes, code, table rows; inline marks: code, emphasis, strong, links),
 * highlighting exactly `[start, end)` — also across blocks and marks. Every character of the text
 * is in the DOM in order (white space between blocks in hidden spans), so the container's
 * textContent is the citable text and offsets stay checkable.
 */

type Block = SourceDocument['blocks'][number];
type InlineMark = NonNullable<SourceDocument['marks']>[number];

export interface Span {
  start: number;
  end: number;
}

/** A stretch of text with the same formatting. */
export interface Run extends Span {
  /** Marks covering it, outermost first. */
  marks: InlineMark[];
  highlight: boolean;
  /** Inside the short answer (shown in bold). */
  short: boolean;
}

/** A block of the text, or the text between blocks (`block` undefined). */
export interface Part extends Span {
  block?: Block;
  /** White space between blocks: kept in the DOM, not shown. */
  hidden: boolean;
  runs: Run[];
}

const within = (span: Span | undefined, start: number, end: number) => span !== undefined && start >= span.start && end <= span.end;

/** The parts of the text, in order: blocks, and what lies between them. */
function partsOf(document: SourceDocument): Omit<Part, 'runs'>[] {
  const { text } = document;
  const parts: Omit<Part, 'runs'>[] = [];
  let at = 0;
  const gap = (end: number) => {
    if (end > at) parts.push({ start: at, end, hidden: text.slice(at, end).trim() === '' });
  };
  for (const block of [...document.blocks].sort((a, b) => a.start - b.start)) {
    if (block.start < at) continue; // overlapping blocks break no offsets: the later one is shown as text
    gap(block.start);
    parts.push({ start: block.start, end: block.end, block, hidden: false });
    at = block.end;
  }
  gap(text.length);
  return parts;
}

/** Lays out `document` as parts and runs; `highlight` and `short` are offsets into its text. */
export function sourceLayout(document: SourceDocument, highlight: Span, short?: Span): Part[] {
  const parts = partsOf(document);
  const marksOf = parts.map((): InlineMark[] => []);
  const starts = parts.map((part) => part.start);
  for (const mark of document.marks ?? []) {
    // The part holding the mark's start (binary search), then every later part it reaches into.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= mark.start) low = middle;
      else high = middle - 1;
    }
    for (let i = low; i < parts.length && parts[i]!.start < mark.end; i++) marksOf[i]!.push(mark);
  }
  return parts.map((part, i) => {
    const marks = marksOf[i]!;
    const cuts = new Set([part.start, part.end]);
    for (const point of [...marks.flatMap((mark) => [mark.start, mark.end]), highlight.start, highlight.end, short?.start, short?.end]) {
      if (point !== undefined && point > part.start && point < part.end) cuts.add(point);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs = points.slice(1).map((end, j): Run => {
      const start = points[j]!;
      const covering = marks.filter((mark) => mark.start <= start && mark.end >= end).sort((a, b) => a.start - b.start || b.end - a.end);
      return { start, end, marks: covering, highlight: within(highlight, start, end), short: within(short, start, end) };
    });
    return { ...part, runs };
  });
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

function markElement(mark: InlineMark): HTMLElement {
  if (mark.kind === 'link') {
    if (!mark.href || !SAFE_LINK.test(mark.href)) return Object.assign(document.createElement('span'), { className: 'dc-link-text', title: mark.href ?? '' });
    return Object.assign(document.createElement('a'), { href: mark.href, target: '_blank', rel: 'noopener noreferrer' });
  }
  return document.createElement(mark.kind === 'code' ? 'code' : mark.kind === 'strong' ? 'strong' : 'em');
}

const HEADINGS = ['h4', 'h4', 'h5', 'h6'];

function blockElement(part: Part): HTMLElement {
  const kind = part.hidden ? 'gap' : (part.block?.kind ?? 'text');
  const tag = kind === 'heading' ? HEADINGS[Math.min(part.block?.level ?? 3, 3)]! : kind === 'code' ? 'pre' : kind === 'quote' ? 'blockquote' : kind === 'gap' ? 'span' : 'p';
  const node = document.createElement(tag);
  node.className = `dc-b dc-b-${kind}`;
  return node;
}

/** Renders the layout into `container`; returns the highlight's elements (in order). */
export function renderSource(container: HTMLElement, document_: SourceDocument, highlight: Span, short?: Span): HTMLElement[] {
  const highlighted: HTMLElement[] = [];
  let page: number | undefined;
  const nodes = sourceLayout(document_, highlight, short).map((part) => {
    const block = blockElement(part);
    const blockPage = part.block?.page;
    if (blockPage !== undefined && blockPage !== page) block.dataset.page = `Page ${(page = blockPage)}`;
    const stack: { mark?: InlineMark; node: HTMLElement }[] = [{ node: block }];
    for (const run of part.runs) {
      let depth = 0;
      while (depth < run.marks.length && stack[depth + 1]?.mark === run.marks[depth]) depth++;
      stack.length = depth + 1;
      for (const mark of run.marks.slice(depth)) {
        const node = markElement(mark);
        stack[stack.length - 1]!.node.append(node);
        stack.push({ mark, node });
      }
      let leaf: Node = document.createTextNode(document_.text.slice(run.start, run.end));
      if (run.short) leaf = Object.assign(document.createElement('strong'), { className: 'dc-short' }).appendChild(leaf).parentNode!;
      if (run.highlight) {
        const mark = Object.assign(document.createElement('mark'), { className: 'dc-mark' });
        mark.dataset.start = String(run.start);
        mark.dataset.end = String(run.end);
        mark.append(leaf);
        highlighted.push((leaf = mark));
      }
      stack[stack.length - 1]!.node.append(leaf);
    }
    return block;
  });
  container.replaceChildren(...nodes);
  return highlighted;
}
