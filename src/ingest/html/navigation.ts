import type { HtmlDocument, HtmlElement } from './main-content.js';

/** Links to a page's neighbours, as generators mark them (texinfo: `rel="next"`, `accesskey="n"`). */
const NEIGHBOUR_LINKS = 'a[rel=next], a[rel=prev], a[rel=previous], a[rel=up]';
/** A navigation bar's own words ("Next:", "Previous:", "Up:") are few: at most this many letters per link outside its links. */
const BAR_LETTERS_PER_LINK = 10;
/** A list of in-page links this long is a table of contents, not a list a sentence introduces. */
const MIN_CONTENTS_ENTRIES = 3;
/** A navigation bar's text where a converter dropped the links' `rel` (pandoc's DOCX of texinfo's HTML): "Next: Types, Previous: …". */
const BAR_TEXT = /^\s*(?:Next|Prev(?:ious)?|Up):\s/;

const letters = (text: string | null | undefined) => (text ?? '').replace(/[^\p{L}\p{N}]/gu, '').length;
const linkLetters = (element: HtmlElement, selector: string) => [...element.querySelectorAll(selector)].reduce((sum, link) => sum + letters(link.textContent), 0);

/**
 * Removes what only moves the reader around a manual, as texinfo's HTML prints it on every node:
 * the bar of links to the next, previous and parent nodes ("Next: Types, Previous: The Basics,
 * Up: Using libffi [Index]"), and a table of contents, a list whose every entry is a link to a
 * section of the page. A list of links with words of their own ("Module datetime: …") stays.
 */
export function removeNavigation(document: HtmlDocument): void {
  const textBars = [...document.querySelectorAll('p')].filter((paragraph) => BAR_TEXT.test(paragraph.textContent ?? '')).map((paragraph) => paragraph.querySelector('a'));
  for (const link of [...document.querySelectorAll(NEIGHBOUR_LINKS), ...textBars]) {
    const bar = link?.parentElement as HtmlElement | null | undefined;
    if (!bar?.isConnected || bar === document.body) continue;
    const links = bar.querySelectorAll('a').length;
    if (letters(bar.textContent) - linkLetters(bar, 'a') <= BAR_LETTERS_PER_LINK * links) bar.remove();
  }
  // texinfo's menu is a table of such links ("• Introduction"), and stays one in a DOCX.
  for (const list of [...document.querySelectorAll('ul, ol, table')] as HtmlElement[]) {
    if (!list.isConnected || list.parentElement?.closest('ul, ol, table')) continue;
    const entries = list.querySelectorAll(list.tagName === 'TABLE' ? 'tr' : 'li').length;
    if (entries >= MIN_CONTENTS_ENTRIES && letters(list.textContent) === linkLetters(list, 'a[href^="#"]')) list.remove();
  }
}
