import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Never content: scripts, styles, embedded objects, forms' controls, and navigation landmarks. */
const NOISE = [
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button', 'input', 'select', 'textarea',
  'nav', '[role=navigation]', '[role=search]', '[role=banner]', '[role=contentinfo]', '[hidden]', '[aria-hidden=true]',
  // Permalink anchors next to headings (¶, #, §).
  'a.headerlink', 'a.anchor', 'a.header-anchor',
].join(',');

/** Landmarks that hold a page's main content, most specific first. */
const MAIN = ['main', '[role=main]', 'article'];

type HtmlDocument = ReturnType<typeof parseHTML>['document'];
type HtmlElement = NonNullable<HtmlDocument['body']>;

/**
 * The element holding the page's main content, with navigation, scripts and other furniture
 * removed: the page's own `<main>`/`role=main`/single `<article>` when it marks one (documentation
 * generators do, and keep API entries, code and tables inside it), else what Mozilla's Readability
 * extracts, else the body without its page header and footer.
 */
export function mainContent(document: HtmlDocument): HtmlElement {
  for (const element of document.querySelectorAll(NOISE)) element.remove();
  for (const selector of MAIN) {
    const found = document.querySelectorAll(selector);
    if (found.length === 1) return found[0] as HtmlElement;
  }
  const body = document.body as HtmlElement;
  const article = readable(document);
  if (article) return article;
  for (const element of body.querySelectorAll(':scope > header, :scope > footer, aside')) element.remove();
  return body;
}

/** Readability's main content as a fresh element, or undefined when it finds no article. */
function readable(document: HtmlDocument): HtmlElement | undefined {
  try {
    const article = new Readability(document.cloneNode(true) as unknown as Document, { keepClasses: false }).parse();
    if (!article?.content || (article.textContent ?? '').trim().length === 0) return undefined;
    return parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as HtmlElement;
  } catch {
    return undefined;
  }
}

export type { HtmlDocument, HtmlElement };
