import { parseHTML } from 'linkedom';
import { DocumentBuilder, titleFromFileName } from '../builder.js';
import { UnreadableDocumentError, type DocumentFormat, type ParsedDocument } from '../types.js';
import { mainContent } from './main-content.js';
import { HtmlWalker } from './walk.js';

/**
 * The structure of an HTML document's main content (also what DOCX becomes through mammoth). The
 * title is the first top-level heading, else `<title>`, else the file name.
 */
export function parseHtmlString(html: string, source: string, format: DocumentFormat = 'html'): ParsedDocument {
  // HTML's input stream turns CR LF and lone CR into LF before parsing; linkedom does not, and a `<pre>` would keep them.
  const { document } = parseHTML(html.replace(/\r\n?/g, '\n'));
  const pageTitle = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  const builder = new DocumentBuilder(format);
  new HtmlWalker(builder).walk(mainContent(document));
  const parsed = builder.finish('');
  if (parsed.text === '') throw new UnreadableDocumentError('no text to index outside navigation, scripts and page furniture');
  const top = parsed.blocks.find((block) => block.kind === 'heading' && block.level === 1);
  const title = (top && parsed.text.slice(top.start, top.end)) || pageTitle || builder.firstHeading() || titleFromFileName(source);
  return { ...parsed, title };
}
