import type { Paragraph, RootContent } from 'mdast';
import type { InlinePiece } from '../builder.js';

/**
 * Paragraphs a converter split. Converters that cannot write a definition list in Markdown (pandoc
 * to GitHub Markdown) print an API entry's term — `heapq.heappop(heap)` — as one paragraph per
 * piece: "heapq.", "heappop", "(", "heap", ")". Such a run is read back as the one line it was, the
 * heading of the paragraphs that follow it, as the HTML parser reads the definition term itself.
 * They also break a sentence where an inline element they render as a block begins ("Return an" /
 * "iterator which yields …"); a paragraph that stops mid-sentence is joined with the one that
 * carries on in lower case.
 */

/** A piece of a split term: one line, one word or sign, no sentence. */
const FRAGMENT = /^\S{1,40}$/u;
/** Fewer pieces than this are a stray word or two ("Note", "Example"), not a split term. */
const MIN_FRAGMENTS = 2;
/** No space after an opening sign, a qualifier's dot or a star ("*args"), none before a closing sign, a comma or "=". */
const JOINS_NEXT = /[.([{=*]$/;
const JOINS_PREVIOUS = /^[.,)\]}=(]/;

const isFragment = (node: RootContent, text: (node: Paragraph) => string): node is Paragraph =>
  node.type === 'paragraph' && !text(node).includes('\n') && FRAGMENT.test(text(node).trim());

/** The run of fragment paragraphs starting at `nodes[from]`, if long enough to be a split term. */
export function splitTermAt(nodes: readonly RootContent[], from: number, text: (node: Paragraph) => string): Paragraph[] | undefined {
  const run: Paragraph[] = [];
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!isFragment(node, text)) break;
    run.push(node);
  }
  return run.length >= MIN_FRAGMENTS ? run : undefined;
}

/** The pieces of a split term joined back into one line: "heapq." "heappop" "(" "heap," "item" ")" → "heapq.heappop(heap, item)". */
export function joinedTerm(fragments: readonly InlinePiece[][]): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let previous = '';
  for (const fragment of fragments) {
    const text = fragment.map((piece) => piece.text).join('').trim();
    if (previous && !JOINS_NEXT.test(previous) && !JOINS_PREVIOUS.test(text)) pieces.push({ text: ' ' });
    pieces.push(...fragment.map((piece) => ({ ...piece, text: piece.text.trim() })));
    previous = text;
  }
  return pieces;
}

/** A sentence ends with a full stop, a question or exclamation mark, a colon or semicolon, maybe closed by a quote or bracket. */
const SENTENCE_END = /[.!?:;…]['"’”)\]]*$/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

/** The paragraphs after `nodes[from]` that carry on the sentence it leaves unfinished. */
export function continuationsOf(nodes: readonly RootContent[], from: number, text: (node: Paragraph) => string): Paragraph[] {
  const run: Paragraph[] = [];
  let previous = nodes[from];
  for (let i = from + 1; i < nodes.length && previous?.type === 'paragraph'; i++) {
    const node = nodes[i]!;
    if (node.type !== 'paragraph' || SENTENCE_END.test(text(previous).trim()) || !STARTS_LOWER_CASE.test(text(node).trim())) break;
    run.push(node);
    previous = node;
  }
  return run;
}
