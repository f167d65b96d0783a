import { renderAnswerText, renderReply, writesMarkdown } from './answer-view.js';
import { composer } from './composer.js';
import { conversationBar, conversationList, listToggle } from './conversations.js';
import { copyText, download, el, newId } from './dom.js';
import { askStreaming, ChatError, sendFeedback, type ChatTurn } from './protocol.js';
import { browserStorage, ConversationStore, storedResult, type Conversation, type StoredTurn } from './store.js';
import { suggestionsBox } from './suggestions.js';
import { boundedHistory, conversationMarkdown, conversationTitle, exportFileName, spokenAnswer } from './text.js';
import { createViewer } from './viewer.js';

/**
 * The chat core shared by the page (web/chat.ts) and the widget (web/widget.ts): conversations kept
 * in the browser, streamed answers rendered as Markdown with `[n]` citation buttons, and the source
 * viewer that highlights the cited span.
 */

export interface ChatOptions {
  /** Where the API lives: '' for the same origin, else e.g. `https://docs.example.com`. */
  baseUrl: string;
  title: string;
  placeholder?: string;
  /** The title's heading element: the page uses h1, an embedded widget h2. */
  heading?: 'h1' | 'h2';
  /** Extra controls for the header (the widget's close button, the page's documents button). */
  headerControls?: HTMLElement[];
  /** What to show before the first question. */
  intro?: string;
  /** Prefix of this chat's keys in localStorage: the page and each widget keep their own conversations. */
  storageKey: string;
}

export interface Chat {
  readonly root: HTMLElement;
  focus(): void;
  /** Closes the source viewer (or the conversation list drawer); false when neither was open. */
  closeViewer(): boolean;
}

let instances = 0;

export function mountChat(container: HTMLElement, options: ChatOptions): Chat {
  const id = `dc${++instances}`;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const store = new ConversationStore(browserStorage(), options.storageKey);
  const replies = new WeakMap<StoredTurn, HTMLElement>();
  const fresh = (): Conversation => ({ id: newId(), title: '', updatedAt: Date.now(), turns: [] });
  let conversation = fresh();
  let running: AbortController | undefined;
  /** Streamed text is shown as the last answerer wrote (Markdown or plain) until the result says. */
  let markdown = false;

  const root = el('div', 'docent');
  const layout = el('div', 'dc-layout');
  const main = el('div', 'dc-main');
  const status = el('div', 'dc-sr', '', { role: 'status', 'aria-live': 'polite' });
  const announce = (message: string) => (status.textContent = message);
  const viewer = createViewer({ id: `${id}-viewer`, baseUrl, announce, onToggle: (open) => layout.classList.toggle('dc-viewing', open) });
  const list = conversationList(store, { open: (cid) => show(store.get(cid) ?? fresh(), true), create: () => show(fresh(), true), clearAll, close: () => (setList(false), toggle.focus()) }, `${id}-list`);
  const toggle = listToggle(list.element.id, setList);
  const bar = conversationBar({ rename, exportMarkdown: () => download(exportFileName(conversation), conversationMarkdown(conversation)), remove: () => (store.remove(conversation.id), show(fresh(), true)) });

  const header = el('header', 'dc-head');
  header.append(toggle, el(options.heading ?? 'h2', 'dc-title', options.title, { id: `${id}-title` }), ...(options.headerControls ?? []));
  const log = el('section', 'dc-log', undefined, { 'aria-label': 'Conversation', tabindex: '-1' });
  const intro = el('div', 'dc-intro');
  intro.append(
    el('p', 'dc-intro-lead', options.intro ?? 'Ask a question about the documents.'),
    el('p', 'dc-muted', 'Answers quote the documents word for word. Select a citation number to see the quoted passage in its source.'),
    suggestionsBox(baseUrl, (question) => void ask(question)),
  );
  const box = composer(id, options.placeholder ?? 'Ask about the documents…', { ask: (question) => void ask(question), running: () => Boolean(running), stop: () => running?.abort() });
  const { input } = box;
  main.append(header, bar.element, log, box.form, status);
  layout.append(list.element, main, viewer.element);
  root.append(layout);
  container.append(root);

  function setList(open: boolean) {
    root.classList.toggle('dc-side-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) list.element.querySelector('button')?.focus();
  }

  function setBusy(busy: boolean) {
    box.setBusy(busy);
    root.classList.toggle('dc-busy', busy);
  }

  const scrollLog = () => (log.scrollTop = log.scrollHeight);

  function save(owner: Conversation) {
    owner.updatedAt = Date.now();
    store.save(owner);
    if (owner !== conversation) return;
    store.openId = owner.id;
    list.render(owner.id);
    bar.show(owner);
  }

  function rename(title: string) {
    conversation.title = title;
    save(conversation);
  }

  function clearAll() {
    store.clear();
    show(fresh(), true);
  }

  /** Shows `next` (a stored conversation, or a new empty one). */
  function show(next: Conversation, focus = false) {
    running?.abort();
    viewer.close();
    conversation = next;
    if (next.turns.length) store.openId = next.id;
    else store.openId = undefined;
    log.replaceChildren(...(next.turns.length ? next.turns.map(turnElement) : [intro]));
    list.render(next.turns.length ? next.id : undefined);
    bar.show(next);
    setList(false);
    scrollLog();
    if (focus) input.focus();
  }

  function turnElement(turn: StoredTurn): HTMLElement {
    const article = el('article', 'dc-turn');
    const reply = el('div', 'dc-a', undefined, { 'aria-busy': 'false' });
    article.append(el('h3', 'dc-sr', 'You asked'), el('p', 'dc-q', turn.question), el('h3', 'dc-sr', 'Answer'), reply);
    replies.set(turn, reply);
    renderTurn(turn);
    return article;
  }

  function renderTurn(turn: StoredTurn, owner = conversation) {
    const reply = replies.get(turn);
    if (!reply) return;
    const last = owner.turns.at(-1) === turn;
    renderReply(reply, turn, {
      viewer,
      regenerate: last ? () => void answer(owner, turn) : undefined,
      copy: (text) => copyText(text, root),
      rate: async (rating, comment) => {
        const { result } = turn;
        if (!result) return;
        const citations = result.citations.map(({ n, source, start, end }) => ({ n, source, start, end }));
        await sendFeedback(baseUrl, { id: turn.id, rating, comment, question: turn.question, answer: result.answer, citations });
        turn.feedback = { rating, comment: comment ?? turn.feedback?.comment };
        save(owner);
      },
    });
  }

  function historyBefore(owner: Conversation, turn: StoredTurn): ChatTurn[] {
    const earlier = owner.turns.slice(0, owner.turns.indexOf(turn)).filter((t) => t.result);
    return boundedHistory(earlier.flatMap((t): ChatTurn[] => [{ role: 'user', content: t.question }, { role: 'assistant', content: t.result!.answer }]));
  }

  async function ask(question: string) {
    const owner = conversation;
    const previous = owner.turns.at(-1);
    const turn: StoredTurn = { id: newId(), question };
    owner.turns.push(turn);
    owner.title ||= conversationTitle(question);
    intro.remove();
    log.append(turnElement(turn));
    if (previous) renderTurn(previous); // only the last answer offers "regenerate"
    await answer(owner, turn);
  }

  /** Asks `turn`'s question with the history before it, streaming into its reply; also regenerates. */
  async function answer(owner: Conversation, turn: StoredTurn) {
    const reply = replies.get(turn)!;
    Object.assign(turn, { id: newId(), result: undefined, error: undefined, stopped: undefined, feedback: undefined });
    save(owner);
    const progress = el('p', 'dc-muted dc-progress', 'Searching the documents…');
    const body = el('div', 'dc-text');
    reply.replaceChildren(progress, body);
    reply.setAttribute('aria-busy', 'true');
    scrollLog();
    announce('Searching the documents…');
    const controller = new AbortController();
    running = controller;
    setBusy(true);
    let text = '';
    let frame = 0;
    try {
      const result = await askStreaming(
        baseUrl,
        { question: turn.question, history: historyBefore(owner, turn) },
        {
          onPassages: (passages) => (progress.textContent = passages.length ? `Reading ${passages.length} passages…` : 'No passages found.'),
          onDelta(delta) {
            text += delta;
            progress.remove();
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => (renderAnswerText(body, text, { markdown }), scrollLog()));
          },
        },
        controller.signal,
      );
      turn.result = storedResult(result);
      markdown = writesMarkdown(result.answerer);
      announce(result.answerable ? `Answer: ${spokenAnswer(result.answer)}` : 'Not found in the documents.');
    } catch (error) {
      if (controller.signal.aborted) turn.stopped = true;
      else turn.error = `Could not answer. ${error instanceof ChatError ? error.message : 'Something went wrong while answering.'}`;
      announce(turn.stopped ? 'Stopped.' : turn.error!);
      if (turn.error && owner === conversation) box.refill(turn.question);
    } finally {
      cancelAnimationFrame(frame);
      if (running === controller) running = undefined;
      setBusy(Boolean(running));
      save(owner);
      renderTurn(turn, owner);
      reply.setAttribute('aria-busy', 'false');
      if (owner === conversation) scrollLog();
    }
  }

  const closeOverlays = () => viewer.close() || (root.classList.contains('dc-side-open') && (setList(false), toggle.focus(), true));
  // A tap on the chat beside the drawer closes the drawer (and does nothing else).
  const drawerOpen = () => root.classList.contains('dc-side-open') && getComputedStyle(list.element).position === 'absolute';
  main.addEventListener('click', (event) => void (drawerOpen() && (event.preventDefault(), event.stopPropagation(), setList(false), toggle.focus())), true);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && closeOverlays()) event.stopPropagation();
  });
  // Another tab changed the stored conversations.
  addEventListener('storage', (event) => {
    if (event.key?.startsWith(options.storageKey)) list.render(conversation.turns.length ? conversation.id : undefined);
  });

  const open = store.openId;
  show((open && store.get(open)) || fresh());
  setBusy(false);
  return { root, focus: () => input.focus(), closeViewer: closeOverlays };
}
