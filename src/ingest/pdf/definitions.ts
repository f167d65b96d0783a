import type { PdfLine } from './text-lines.js';

/** texinfo's category of a definition (@deffn), printed at the right margin of its first line: "[Function]", "[Context struct]". */
const CATEGORY = /^\[\p{L}[\p{L} -]{0,30}\]$/u;

/**
 * texinfo's definitions, as TeX prints them: the signature at the left margin, its category at the
 * right margin on the same baseline. The category is dropped, as a margin label, and the signature's
 * line marked, so it heads the indented description below it as `<dt>` does in HTML. One page's lines.
 */
export function withDefinitionTerms(lines: readonly PdfLine[]): PdfLine[] {
  const categories = lines.filter((line) => !line.mono && CATEGORY.test(line.text));
  if (categories.length === 0) return [...lines];
  const terms = new Set<PdfLine>();
  const labels = new Set<PdfLine>();
  for (const category of categories) {
    const term = lines.find((line) => line !== category && !categories.includes(line) && line.endX < category.x && Math.abs(line.y - category.y) < 0.5 * category.size);
    if (!term) continue;
    terms.add(term);
    labels.add(category);
  }
  return lines.filter((line) => !labels.has(line)).map((line) => (terms.has(line) ? { ...line, definition: true } : line));
}
