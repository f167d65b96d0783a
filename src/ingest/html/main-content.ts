import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { removeNavigation } from './navigation.js';

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
 * extracts when it keeps most of the text, else the body without its page header and footer.
 */
export function mainContent(document: HtmlDocument): HtmlElement {
  for (const element of document.querySelectorAll(NOISE)) element.remove();
  removeNavigation(document);
  for (const selector of MAIN) {
    const found = document.querySelectorAll(selector);
    if (found.length === 1) return found[0] as HtmlElement;
  }
  const body = document.body as HtmlElement;
  const article = readable(document);
  if (article && textLength(article) >= MIN_READABLE_SHARE * textLength(body)) return withLeadingHeading(document, withTitleBlock(document, article));
  for (const element of body.querySelectorAll(':scope > header, :scope > footer, :scope > #footer, aside')) element.remove();
  return body;
}

/**
 * Readability is made for articles among clutter; on a manual page of many short sections it may keep
 * one long section and drop the rest as clutter (half of git-commit's AsciiDoc page: synopsis,
 * description, examples). When it keeps less than this share of the text outside navigation, the
 * page has no clutter worth that loss, and the body is read instead. Pages with navigation removed
 * keep 92 % or more (PostgreSQL's DocBook pages).
 */
const MIN_READABLE_SHARE = 0.8;

const flatText = (element: { textContent: string | null }) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
const textLength = (element: HtmlElement) => flatText(element).length;

/** Title blocks longer than this are no title and summary but content Readability chose to leave out. */
const TITLE_BLOCK_MAX_CHARS = 600;

/**
 * Readability's article with the page's title block put back when it left it out: AsciiDoc (git's
 * manual) holds the page's only `<h1>` and its NAME summary in a `#header` block beside the
 * `#content` Readability picks. The block is the `<h1>`'s outermost ancestor below the body, kept
 * only when short (a title and a line or two, not a second article).
 */
function withTitleBlock(document: HtmlDocument, article: HtmlElement): HtmlElement {
  const titles = document.querySelectorAll('h1');
  const title = titles.length === 1 ? (titles[0] as HtmlElement) : undefined;
  if (!title || flatText(title) === '' || [...article.querySelectorAll('h1')].some((h1) => flatText(h1) === flatText(title))) return article;
  let block = title;
  while (block.parentElement && block.parentElement !== document.body) block = block.parentElement;
  if (flatText(block).length > TITLE_BLOCK_MAX_CHARS) return article;
  article.prepend(block.cloneNode(true));
  return article;
}

/** Characters of the text after a heading that must open Readability's article for the heading to be put back. */
const OPENING_CHARS = 80;

/**
 * Readability's article with the page's first heading put back when it kept the text that heading
 * opens but not the heading: on a short page (one node of a texinfo manual: "2.6 Closure Example",
 * a sentence and a code example) it scores the paragraph and leaves the section's heading out.
 */
function withLeadingHeading(document: HtmlDocument, article: HtmlElement): HtmlElement {
  const heading = (document.body as HtmlElement).querySelector('h1, h2, h3, h4, h5, h6');
  if (!heading || flatText(heading) === '' || [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')].some((kept) => flatText(kept) === flatText(heading))) return article;
  let opened = heading.nextElementSibling;
  while (opened && flatText(opened) === '') opened = opened.nextElementSibling;
  if (!opened || !flatText(article).startsWith(flatText(opened).slice(0, OPENING_CHARS))) return article;
  article.prepend(heading.cloneNode(true));
  return article;
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
