import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { InlinePiece } from '../builder.js';
import { ENDS_SENTENCE } from '../layout.js';

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

/**
 * The run of fragment paragraphs starting at `nodes[from]`, if long enough to be a split term. A
 * term is code, without typographic quotes: "“" "true”," "“" are a sentence a converter broke at
 * its quotes.
 */
export function splitTermAt(nodes: readonly RootContent[], from: number, text: (node: Paragraph) => string): Paragraph[] | undefined {
  const run: Paragraph[] = [];
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!isFragment(node, text)) break;
    run.push(node);
  }
  return run.length >= MIN_FRAGMENTS && !run.some((node) => /[\p{Pi}\p{Pf}]/u.test(text(node))) ? run : undefined;
}

/** The pieces of a split term joined back into one line: "heapq." "heappop" "(" "heap," "item" ")" → "heapq.heappop(heap, item)". */
export function joinedTerm(fragments: readonly InlinePiece[][]): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let previous = '';
  for (const fragment of fragments) {
    const text = fragment.map((piece) => piece.text).join('').trim();
    if (previous && !JOINS_NEXT.test(previous) && !JOINS_PREVIOUS.test(text)) pieces.push({ text: ' ' });
    pieces.push(...trimmed(fragment));
    previous = text;
  }
  return pieces;
}

/** Pieces without the white space (a trailing hard break) at their two ends; the spaces between them kept: "`autovacuum` (`boolean`)". */
function trimmed(fragment: readonly InlinePiece[]): InlinePiece[] {
  const pieces = fragment.map((piece) => ({ ...piece }));
  const hasText = (piece: InlinePiece) => piece.text.trim() !== '';
  const first = pieces.findIndex(hasText);
  if (first === -1) return [];
  let last = pieces.length - 1;
  while (!hasText(pieces[last]!)) last--;
  pieces[first]!.text = pieces[first]!.text.trimStart();
  pieces[last]!.text = pieces[last]!.text.trimEnd();
  return pieces.slice(first, last + 1);
}

/**
 * Terms a converter printed as paragraphs of their own, all in code — `autovacuum` (`boolean`), or
 * `-q` then `--quiet` — each before the paragraph that defines it (pandoc writes a DocBook
 * variable list so). Only a list of them (two or more) is read as terms: a lone line of code is
 * text. Returns where each term starts and how many paragraphs it takes.
 */
export function codeTermRuns(nodes: readonly RootContent[], text: (node: Paragraph) => string): Map<number, number> {
  const runs = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) {
    let end = i;
    while (end < nodes.length && isCodeTerm(nodes[end]!, text)) end++;
    if (end > i && nodes[end]?.type === 'paragraph') runs.set(i, end - i);
    i = end;
  }
  return runs.size >= MIN_CODE_TERMS ? runs : new Map();
}

const MIN_CODE_TERMS = 2;
const MAX_CODE_TERM_CHARS = 80;

/** A short paragraph with code in it and no letter or digit outside its code. */
function isCodeTerm(node: RootContent, text: (node: Paragraph) => string): node is Paragraph {
  if (node.type !== 'paragraph' || text(node).trim().length > MAX_CODE_TERM_CHARS) return false;
  const outside = node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'inlineCode' || child.type === 'break' ? '' : 'x')).join('');
  return node.children.some((child) => child.type === 'inlineCode') && !/[\p{L}\p{N}]/u.test(outside);
}

/** Lower case, maybe after an opening quote or bracket; or only opening signs (a converter's "“" on its own before "gapless” …"). */
const STARTS_LOWER_CASE = /^[\p{Ps}\p{Pi}]*(?:\p{Ll}|$)/u;
/** No space after an opening quote or bracket when paragraphs are joined. */
export const ENDS_OPENING = /[\p{Ps}\p{Pi}]$/u;

/** The paragraphs after `nodes[from]` that carry on the sentence it leaves unfinished. */
export function continuationsOf(nodes: readonly RootContent[], from: number, text: (node: Paragraph) => string): Paragraph[] {
  const run: Paragraph[] = [];
  let previous = nodes[from];
  for (let i = from + 1; i < nodes.length && previous?.type === 'paragraph'; i++) {
    const node = nodes[i]!;
    if (node.type !== 'paragraph' || ENDS_SENTENCE.test(text(previous).trim()) || !STARTS_LOWER_CASE.test(text(node).trim())) break;
    run.push(node);
    previous = node;
  }
  return run;
}

/** A word closing a sentence ("… to the index."), not a synopsis's "[<pathspec>…]". */
const ENDS_SENTENCE_WORD = /\p{L}[.!?:;]['"’”)]*$/u;
/** Fewer paragraphs of this shape than this are a stray hard break (an address, a "See also" line), not a list of terms. */
const MIN_BROKEN_TERMS = 2;

/**
 * Definition terms pandoc wrote to GitHub Markdown, which has no definition list: each term a line
 * ending in a hard break, then its description, in one paragraph — "-a␠␠⏎--all␠␠⏎Stash all files."
 * (AsciiDoc's option lists, git's manual). A line ending a sentence is no term. Only a list of them
 * (two or more paragraphs in one section) is read so. Returns, by paragraph index, the pieces of its terms and of
 * its description.
 */
export function brokenTermParagraphs(nodes: readonly RootContent[]): Map<number, { terms: PhrasingContent[][]; description: PhrasingContent[] }> {
  const found = new Map<number, { terms: PhrasingContent[][]; description: PhrasingContent[] }>();
  nodes.forEach((node, i) => {
    if (node.type !== 'paragraph') return;
    const lines: PhrasingContent[][] = [[]];
    for (const child of node.children) {
      if (child.type === 'break') lines.push([]);
      else lines.at(-1)!.push(child);
    }
    const description = lines.pop()!;
    const lineText = (line: PhrasingContent[]) => line.map((child) => ('value' in child ? child.value : 'children' in child ? 'x' : '')).join('').trim();
    if (lines.length === 0 || lineText(description) === '' || lines.some((line) => lineText(line) === '' || ENDS_SENTENCE_WORD.test(lineText(line)))) return;
    found.set(i, { terms: lines, description });
  });
  // Counted between headings: a list of terms is one section's.
  let headings = 0;
  const sectionOf = nodes.map((node) => (node.type === 'heading' ? ++headings : headings));
  const perSection = new Map<number, number>();
  for (const at of found.keys()) perSection.set(sectionOf[at]!, (perSection.get(sectionOf[at]!) ?? 0) + 1);
  for (const at of found.keys()) if (perSection.get(sectionOf[at]!)! < MIN_BROKEN_TERMS) found.delete(at);
  return found;
}
