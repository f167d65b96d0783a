import { askStreaming, ChatError, fetchSource, type AskResult, type ChatTurn, type Citation } from './protocol.js';
import { answerWithCitations, boundedHistory, declinedReason, highlightParts, segmentAnswer } from './text.js';

/**
 * The chat core shared by the page (web/chat.ts) and the widget (web/widget.ts): the conversation,
 * streaming answers, `[n]` citation buttons and the source viewer that highlights the cited span.
 * Every piece of corpus and user text is put into the DOM as text (textContent / text nodes), never as HTML.
 */

export interface ChatOptions {
  /** Where the API lives: '' for the same origin, else e.g. `https://docs.example.com`. */
  baseUrl: string;
  title: string;
  placeholder?: string;
  /** The title's heading element: the page uses h1, an embedded widget h2. */
  heading?: 'h1' | 'h2';
  /** Extra controls for the header (the widget's close button). */
  headerControls?: HTMLElement[];
  /** What to show before the first question. */
  intro?: string;
}

export interface Chat {
  readonly root: HTMLElement;
  focus(): void;
  /** Closes the source viewer; false when it was not open. */
  closeViewer(): boolean;
}

type Attributes = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string, attributes: Attributes = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function button(className: string, text: string, attributes: Attributes = {}): HTMLButtonElement {
  return el('button', className, text, { type: 'button', ...attributes });
}

let instances = 0;

async function copyText(text: string, scratchParent: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No async clipboard (plain http, or denied): the old way.
    const area = el('textarea', 'dc-sr', undefined, { 'aria-hidden': 'true', tabindex: '-1' });
    area.value = text;
    scratchParent.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function mountChat(container: HTMLElement, options: ChatOptions): Chat {
  const id = `dc${++instances}`;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const history: ChatTurn[] = [];
  const sources = new Map<string, Promise<string>>();
  let running: AbortController | undefined;
  let viewerOpener: HTMLElement | undefined;

  const root = el('div', 'docent');
  const layout = el('div', 'dc-layout');
  const main = el('div', 'dc-main');
  const header = el('header', 'dc-head');
  const title = el(options.heading ?? 'h2', 'dc-title', options.title, { id: `${id}-title` });
  header.append(title, ...(options.headerControls ?? []));

  const log = el('div', 'dc-log', undefined, { role: 'log', 'aria-labelledby': `${id}-title`, tabindex: '-1' });
  const intro = el('div', 'dc-intro');
  intro.append(
    el('p', 'dc-intro-lead', options.intro ?? 'Ask a question about the documents.'),
    el('p', 'dc-muted', 'Answers quote the documents word for word. Select a [n] marker to see the quoted passage in its source.'),
  );
  log.append(intro);

  const form = el('form', 'dc-form', undefined, { 'aria-label': 'Ask a question' });
  const label = el('label', 'dc-sr', 'Your question', { for: `${id}-q` });
  const input = el('textarea', 'dc-input', undefined, {
    id: `${id}-q`,
    rows: '1',
    maxlength: '2000',
    placeholder: options.placeholder ?? 'Ask about the documents…',
    'aria-describedby': `${id}-hint`,
    autocomplete: 'off',
  });
  const hint = el('span', 'dc-sr', 'Enter sends; Shift+Enter starts a new line.', { id: `${id}-hint` });
  const send = el('button', 'dc-send', 'Send', { type: 'submit' });
  form.append(label, input, hint, send);
  const status = el('p', 'dc-sr', '', { role: 'status' });
  main.append(header, log, form, status);

  const viewer = el('section', 'dc-viewer', undefined, { id: `${id}-viewer`, 'aria-labelledby': `${id}-vtitle`, hidden: '' });
  const viewerHead = el('div', 'dc-vhead');
  const viewerTitle = el('h3', 'dc-vtitle', '', { id: `${id}-vtitle` });
  const viewerMeta = el('p', 'dc-muted dc-vmeta');
  const closeViewerButton = button('dc-icon', '×', { 'aria-label': 'Close source' });
  const viewerText = el('div', 'dc-vtitles');
  viewerText.append(viewerTitle, viewerMeta);
  viewerHead.append(viewerText, closeViewerButton);
  const viewerNote = el('p', 'dc-vnote', '', { hidden: '' });
  const sourceText = el('div', 'dc-source', undefined, { tabindex: '0', role: 'document', 'aria-label': 'Source text' });
  viewer.append(viewerHead, viewerNote, sourceText);

  layout.append(main, viewer);
  root.append(layout);
  container.append(root);

  const announce = (message: string) => {
    status.textContent = message;
  };

  const autosize = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
  };

  const scrollLog = () => {
    log.scrollTop = log.scrollHeight;
  };

  function setBusy(busy: boolean) {
    send.textContent = busy ? 'Stop' : 'Send';
    send.setAttribute('aria-label', busy ? 'Stop answering' : 'Send question');
    root.classList.toggle('dc-busy', busy);
  }
  setBusy(false);

  function renderAnswer(target: HTMLElement, answer: string, citations: readonly Citation[]) {
    const nodes: Node[] = [];
    for (const segment of segmentAnswer(answer, citations)) {
      if ('text' in segment) nodes.push(document.createTextNode(segment.text));
      else if (segment.citation) nodes.push(citationButton(segment.citation));
      else nodes.push(el('span', 'dc-marker dc-pending', `[${segment.marker}]`, { 'aria-hidden': 'true' }));
    }
    target.replaceChildren(...nodes);
  }

  function citationButton(citation: Citation): HTMLButtonElement {
    const cite = button('dc-marker', `[${citation.n}]`, {
      'aria-label': `Citation ${citation.n}: show the quoted passage in ${citation.source}`,
      'aria-controls': viewer.id,
      'aria-expanded': 'false',
      'data-n': String(citation.n),
    });
    cite.addEventListener('click', () => void openCitation(citation, cite));
    return cite;
  }

  function closeViewer(): boolean {
    if (viewer.hidden) return false;
    viewer.hidden = true;
    layout.classList.remove('dc-viewing');
    root.querySelectorAll('[aria-expanded="true"].dc-marker, [aria-expanded="true"].dc-card').forEach((node) => node.setAttribute('aria-expanded', 'false'));
    viewerOpener?.focus();
    viewerOpener = undefined;
    return true;
  }

  async function openCitation(citation: Citation, opener: HTMLElement) {
    root.querySelectorAll('[aria-expanded="true"]').forEach((node) => node.setAttribute('aria-expanded', 'false'));
    opener.setAttribute('aria-expanded', 'true');
    viewerOpener = opener;
    viewer.hidden = false;
    layout.classList.add('dc-viewing');
    viewerTitle.textContent = citation.source;
    viewerMeta.textContent = `Citation [${citation.n}] · characters ${citation.start}–${citation.end}`;
    viewerNote.hidden = true;
    sourceText.replaceChildren(el('p', 'dc-muted', 'Loading the source…'));
    sourceText.setAttribute('aria-busy', 'true');
    let text: string;
    try {
      let pending = sources.get(citation.source);
      if (!pending) {
        pending = fetchSource(baseUrl, citation.source);
        sources.set(citation.source, pending);
        pending.catch(() => sources.delete(citation.source));
      }
      text = await pending;
    } catch (error) {
      sourceText.replaceChildren(el('p', 'dc-error', `Could not load ${citation.source}: ${(error as Error).message}`, { role: 'alert' }));
      sourceText.removeAttribute('aria-busy');
      return;
    }
    if (viewerOpener !== opener) return; // another citation was opened meanwhile
    const parts = highlightParts(text, citation.start, citation.end);
    const mark = el('mark', 'dc-mark', parts.mark, { 'data-start': String(citation.start), 'data-end': String(citation.end) });
    sourceText.replaceChildren(document.createTextNode(parts.before), mark, document.createTextNode(parts.after));
    sourceText.removeAttribute('aria-busy');
    if (parts.mark !== citation.quote) {
      viewerNote.hidden = false;
      viewerNote.textContent = 'The source text at these offsets differs from the quote: the document changed after indexing.';
    }
    // Scroll only the source pane (scrollIntoView would also scroll a host page around the widget).
    sourceText.scrollTop = Math.max(0, mark.offsetTop - (sourceText.clientHeight - mark.offsetHeight) / 2);
    sourceText.focus({ preventScroll: true });
    announce(`Showing citation ${citation.n} in ${citation.source}, the quoted passage is highlighted.`);
  }

  async function ask(question: string) {
    intro.remove();
    const turn = el('article', 'dc-turn');
    const asked = el('p', 'dc-q', question);
    const reply = el('div', 'dc-a', undefined, { 'aria-busy': 'true' });
    const searched = el('p', 'dc-searched', '', { hidden: '' });
    const progress = el('p', 'dc-muted dc-progress', 'Searching the documents…');
    const body = el('p', 'dc-text');
    reply.append(searched, progress, body);
    turn.append(el('h3', 'dc-sr', 'You asked'), asked, el('h3', 'dc-sr', 'Answer'), reply);
    log.append(turn);
    scrollLog();
    announce('Searching the documents…');

    const controller = new AbortController();
    running = controller;
    setBusy(true);
    let text = '';
    try {
      const result = await askStreaming(
        baseUrl,
        { question, history: boundedHistory(history) },
        {
          onPassages(passages, standalone) {
            progress.textContent = passages.length ? `Reading ${passages.length} passages…` : 'No passages found.';
            if (standalone.trim() !== question.trim()) {
              searched.hidden = false;
              searched.textContent = `Searched for: ${standalone}`;
            }
          },
          onDelta(delta) {
            text += delta;
            progress.remove();
            renderAnswer(body, text, []);
            scrollLog();
          },
        },
        controller.signal,
      );
      progress.remove();
      showResult(reply, body, result);
      history.push({ role: 'user', content: question }, { role: 'assistant', content: result.answer });
      announce(result.answerable ? `Answer ready with ${result.citations.length} citation${result.citations.length === 1 ? '' : 's'}.` : 'Not found in the documents.');
    } catch (error) {
      progress.remove();
      if (controller.signal.aborted) {
        reply.append(el('p', 'dc-muted', 'Stopped.'));
        announce('Stopped.');
      } else {
        const message = error instanceof ChatError ? error.message : 'Something went wrong while answering.';
        const alert = el('div', 'dc-error', undefined, { role: 'alert' });
        alert.append(el('strong', undefined, 'Could not answer. '), document.createTextNode(message));
        reply.append(alert);
        root.classList.add('dc-failed');
        if (!input.value) {
          input.value = question;
          autosize();
        }
      }
    } finally {
      reply.setAttribute('aria-busy', 'false');
      running = undefined;
      setBusy(false);
      scrollLog();
    }
  }

  function showResult(reply: HTMLElement, body: HTMLElement, result: AskResult) {
    root.classList.remove('dc-failed');
    if (!result.answerable) {
      body.remove();
      const declined = el('div', 'dc-declined');
      declined.append(el('strong', 'dc-declined-title', 'Not found in the documents'), el('p', undefined, declinedReason(result.answer)));
      reply.append(declined);
      return;
    }
    renderAnswer(body, result.answer, result.citations);
    if (result.citations.length) {
      const list = el('ol', 'dc-cites', undefined, { 'aria-label': 'Sources' });
      for (const citation of result.citations) {
        const item = el('li');
        const card = button('dc-card', '', { 'aria-controls': viewer.id, 'aria-expanded': 'false' });
        card.append(el('span', 'dc-card-n', `[${citation.n}]`), el('span', 'dc-card-src', citation.source), el('span', 'dc-card-quote', citation.quote));
        card.setAttribute('aria-label', `Source ${citation.n}: ${citation.source}, characters ${citation.start} to ${citation.end}`);
        card.addEventListener('click', () => void openCitation(citation, card));
        item.append(card);
        list.append(item);
      }
      reply.append(list);
    }
    const actions = el('div', 'dc-actions');
    const copy = button('dc-link', 'Copy answer', { 'aria-label': 'Copy the answer with its citations' });
    copy.addEventListener('click', async () => {
      const ok = await copyText(answerWithCitations(result.answer, result.citations), root);
      copy.textContent = ok ? 'Copied' : 'Copy failed';
      announce(ok ? 'Answer copied with its citations.' : 'Could not copy the answer.');
      setTimeout(() => (copy.textContent = 'Copy answer'), 2000);
    });
    actions.append(copy);
    reply.append(actions);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (running) {
      running.abort();
      return;
    }
    const question = input.value.trim();
    if (!question) {
      input.focus();
      return;
    }
    input.value = '';
    autosize();
    void ask(question);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!running) form.requestSubmit();
    }
  });
  input.addEventListener('input', autosize);
  closeViewerButton.addEventListener('click', () => closeViewer());
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && closeViewer()) event.stopPropagation();
  });

  return { root, focus: () => input.focus(), closeViewer };
}
