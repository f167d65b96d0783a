import { button, el, iconButton } from './dom.js';
import { fetchSource, sourceUrl, type Citation, type ShortAnswer, type SourceDocument } from './protocol.js';
import { renderSource } from './source-view.js';
import { citationPlace } from './text.js';

/** The source viewer: a citation's document with its structure, the cited span highlighted exactly. */

export interface Viewer {
  readonly element: HTMLElement;
  /** Shows `citation` in its source; `opener` gets focus back on close. */
  open(citation: Citation, opener: HTMLElement, shortAnswer?: ShortAnswer): Promise<void>;
  /** False when it was not open. */
  close(): boolean;
}

export interface ViewerOptions {
  id: string;
  baseUrl: string;
  announce(message: string): void;
  onToggle(open: boolean): void;
}

export function createViewer({ id, baseUrl, announce, onToggle }: ViewerOptions): Viewer {
  const sources = new Map<string, Promise<SourceDocument>>();
  let opener: HTMLElement | undefined;

  const element = el('section', 'dc-viewer', undefined, { id, 'aria-labelledby': `${id}-title`, hidden: '' });
  const head = el('div', 'dc-vhead');
  const titles = el('div', 'dc-vtitles');
  const title = el('h2', 'dc-vtitle', '', { id: `${id}-title` });
  const meta = el('p', 'dc-muted dc-vmeta');
  const place = el('p', 'dc-vplace');
  const original = el('a', 'dc-link', 'Open the original file', { target: '_blank', rel: 'noopener noreferrer' });
  titles.append(title, place, meta, original);
  const closeButton = iconButton('dc-icon', 'close', 'Close source');
  head.append(titles, closeButton);
  const note = el('p', 'dc-vnote', '', { hidden: '' });
  const text = el('div', 'dc-source', undefined, { tabindex: '0', role: 'document', 'aria-label': 'Source text' });
  element.append(head, note, text);

  function close(): boolean {
    if (element.hidden) return false;
    element.hidden = true;
    onToggle(false);
    opener?.setAttribute('aria-expanded', 'false');
    opener?.focus();
    opener = undefined;
    return true;
  }
  closeButton.addEventListener('click', close);

  const load = (source: string) => {
    let pending = sources.get(source);
    if (!pending) {
      sources.set(source, (pending = fetchSource(baseUrl, source)));
      pending.catch(() => sources.delete(source));
    }
    return pending;
  };

  async function open(citation: Citation, by: HTMLElement, shortAnswer?: ShortAnswer) {
    opener?.setAttribute('aria-expanded', 'false');
    by.setAttribute('aria-expanded', 'true');
    opener = by;
    element.hidden = false;
    onToggle(true);
    title.textContent = citation.source;
    place.textContent = citationPlace(citation);
    meta.textContent = `${citation.source} · citation [${citation.n}] · characters ${citation.start}–${citation.end}`;
    original.href = sourceUrl(baseUrl, citation.source, true);
    note.hidden = true;
    text.replaceChildren(el('p', 'dc-muted', 'Loading the source…'));
    text.setAttribute('aria-busy', 'true');
    let document_: SourceDocument;
    try {
      document_ = await load(citation.source);
    } catch (error) {
      text.replaceChildren(el('p', 'dc-error', `Could not load ${citation.source}: ${(error as Error).message}`, { role: 'alert' }));
      text.removeAttribute('aria-busy');
      return;
    }
    if (opener !== by) return; // another citation was opened meanwhile
    if (document_.title && document_.title !== citation.source) title.textContent = document_.title;
    // The title is already shown above: the path starts below it.
    const section = citation.section[0] === document_.title ? citation.section.slice(1) : citation.section;
    place.textContent = citationPlace({ ...citation, section });
    const short = shortAnswer?.n === citation.n ? shortAnswer : undefined;
    const marks = renderSource(text, document_, citation, short);
    text.removeAttribute('aria-busy');
    if (document_.text.slice(citation.start, citation.end) !== citation.quote) {
      note.hidden = false;
      note.textContent = 'The source text at these offsets differs from the quote: the document changed after this answer.';
    }
    // Scroll only the source pane (scrollIntoView would also scroll a host page around the widget).
    const first = marks.find((mark) => mark.offsetParent !== null);
    if (first) text.scrollTop = Math.max(0, first.offsetTop - (text.clientHeight - first.offsetHeight) / 2);
    text.focus({ preventScroll: true });
    announce(`Showing citation ${citation.n} in ${document_.title || citation.source}; the quoted passage is highlighted.`);
  }

  return { element, open, close };
}

/** A button that opens `citation` in the viewer. */
export function citationButton(viewer: Viewer, citation: Citation, shortAnswer?: ShortAnswer): HTMLButtonElement {
  const place = citationPlace(citation);
  const node = button('dc-marker', String(citation.n), {
    'aria-label': `Citation ${citation.n}: show the quoted passage in ${citation.source}${place ? `, ${place}` : ''}`,
    title: place || citation.source,
    'aria-controls': viewer.element.id,
    'aria-expanded': 'false',
    'data-n': String(citation.n),
  });
  node.addEventListener('click', () => void viewer.open(citation, node, shortAnswer));
  return node;
}
