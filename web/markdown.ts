import { Attr, parser, parser_end, parser_write, Token } from 'streaming-markdown';
import { markerGroups, markerNumbers } from '../src/answer/markers.js';

/**
 * Answers, and LLM answers as Markdown rendered by `streaming-markdown` (a small parser made for streamed LLM
 * answers) straight into DOM nodes: text only ever enters as text nodes, never as HTML, so raw HTML
 * in an answer shows as typed and nothing needs sanitising afterwards. Links keep only http(s) and
 * mailto targets and open with rel="noopener noreferrer"; images show their alt text (nothing is
 * fetched from elsewhere). `[n]` citation markers (the grammar of src/answer/markers.ts) become
 * whatever `marker` returns.
 */

const HEADING: Record<number, string> = { [Token.Heading_1]: 'h4', [Token.Heading_2]: 'h5', [Token.Heading_3]: 'h6', [Token.Heading_4]: 'h6', [Token.Heading_5]: 'h6', [Token.Heading_6]: 'h6' };
const TAGS: Record<number, string> = {
  ...HEADING,
  [Token.Blockquote]: 'blockquote',
  [Token.Paragraph]: 'p',
  [Token.Line_Break]: 'br',
  [Token.Rule]: 'hr',
  [Token.Italic_Ast]: 'em',
  [Token.Italic_Und]: 'em',
  [Token.Strong_Ast]: 'strong',
  [Token.Strong_Und]: 'strong',
  [Token.Strike]: 's',
  [Token.Code_Inline]: 'code',
  [Token.Code_Block]: 'code',
  [Token.Code_Fence]: 'code',
  [Token.Link]: 'a',
  [Token.Raw_URL]: 'a',
  [Token.List_Unordered]: 'ul',
  [Token.List_Ordered]: 'ol',
  [Token.List_Item]: 'li',
  [Token.Table]: 'table',
  [Token.Table_Row]: 'tr',
  [Token.Table_Cell]: 'td',
  [Token.Equation_Block]: 'code',
  [Token.Equation_Inline]: 'code',
};
const UNDERSCORE: Record<number, string> = { [Token.Italic_Und]: '_', [Token.Strong_Und]: '__' };
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;
/** Text inside these is shown as written: no citation markers. */
const VERBATIM = 'code, pre, a, button';

export type MarkerRenderer = (numbers: number[]) => Node | undefined;

/** The DOM renderer of streaming-markdown's token callbacks. */
function domRenderer(root: HTMLElement) {
  const stack: HTMLElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  return {
    data: undefined,
    add_token(_: unknown, type: number) {
      let parent = top();
      const text = parent.lastChild?.textContent ?? '';
      let tag = TAGS[type] ?? 'span';
      // snake_case_names: CommonMark never opens `_` emphasis inside a word; keep the underscores as typed.
      const literal = UNDERSCORE[type] !== undefined && /[\p{L}\p{N}]$/u.test(text);
      if (literal) tag = 'span';
      if (type === Token.Code_Block || type === Token.Code_Fence || type === Token.Equation_Block) parent = parent.appendChild(document.createElement('pre'));
      if (type === Token.Table_Cell && parent.parentElement?.firstElementChild === parent) tag = 'th';
      const node = parent.appendChild(document.createElement(tag));
      if (literal) node.dataset.literal = UNDERSCORE[type];
      if (type === Token.Checkbox) node.textContent = '☐ ';
      stack.push(node);
    },
    end_token() {
      const node = stack.pop()!;
      if (node.dataset.literal) node.replaceWith(node.dataset.literal, ...node.childNodes, node.dataset.literal);
    },
    add_text(_: unknown, text: string) {
      top().append(text);
    },
    set_attr(_: unknown, type: number, value: string) {
      const node = top();
      if (type === Attr.Href) {
        if (SAFE_LINK.test(value)) Object.assign(node, { href: value, target: '_blank', rel: 'noopener noreferrer' });
        else node.dataset.unsafe = '';
      } else if (type === Attr.Start && node.tagName === 'OL') node.setAttribute('start', value);
      else if (type === Attr.Checked) node.textContent = '☑ ';
    },
  };
}

/**
 * `[1]` parses as the start of a link that never gets its `(url)`: such links are text again,
 * brackets included; links whose target was refused keep only their text.
 */
function unwrapLinks(root: HTMLElement) {
  for (const link of root.querySelectorAll('a:not([href])')) {
    if ((link as HTMLElement).dataset.unsafe !== undefined) link.replaceWith(...link.childNodes);
    else link.replaceWith('[', ...link.childNodes, ']');
  }
}

function textNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest(VERBATIM)) nodes.push(node as Text);
  return nodes;
}

function replaceMarkers(root: HTMLElement, marker: MarkerRenderer) {
  for (const node of textNodes(root)) {
    const text = node.data;
    const parts: (string | Node)[] = [];
    let last = 0;
    for (const match of text.matchAll(markerGroups())) {
      const replacement = marker(markerNumbers(match[1]!));
      if (!replacement) continue;
      parts.push(text.slice(last, match.index), replacement);
      last = match.index + match[0].length;
    }
    if (parts.length) node.replaceWith(...parts, text.slice(last));
  }
}

/**
 * Renders an answer into `target`, replacing what was there: as Markdown (an LLM's answer), or as
 * the plain text it is (the extractive answerer quotes the citable text, where `*`, `_` and `#` are
 * literal characters of the source, as in `**kwargs` or `__init__`).
 */
export function renderAnswer(target: HTMLElement, text: string, markdown: boolean, marker: MarkerRenderer) {
  target.replaceChildren();
  if (markdown) {
    const markdownParser = parser(domRenderer(target));
    parser_write(markdownParser, text);
    parser_end(markdownParser);
    unwrapLinks(target);
    target.normalize();
  } else {
    target.append(Object.assign(document.createElement('p'), { className: 'dc-plain', textContent: text }));
  }
  replaceMarkers(target, marker);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Wraps the first occurrence of `phrase` (white space compared loosely) in `<strong>`, when it lies
 * inside one text node; false when it does not occur so.
 */
export function emphasize(root: HTMLElement, phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return false;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'));
  for (const node of textNodes(root)) {
    const match = pattern.exec(node.data);
    if (!match) continue;
    const strong = document.createElement('strong');
    strong.className = 'dc-short';
    const rest = node.splitText(match.index);
    rest.splitText(match[0].length);
    rest.replaceWith(strong);
    strong.append(rest);
    return true;
  }
  return false;
}
