import { button, el, icon, iconButton } from './dom.js';
import type { Conversation, ConversationStore } from './store.js';

/**
 * The conversation list (new chat, open, clear all) and the bar above an open conversation
 * (its title, rename, export as Markdown, delete).
 */

export interface ListHandlers {
  open(id: string): void;
  create(): void;
  clearAll(): void;
  /** Closes the list where it is a drawer over the chat. */
  close(): void;
}

export interface ConversationList {
  readonly element: HTMLElement;
  render(currentId: string | undefined): void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function conversationList(store: ConversationStore, handlers: ListHandlers, id: string): ConversationList {
  const element = el('nav', 'dc-side', undefined, { id, 'aria-labelledby': `${id}-title` });
  const create = button('dc-new', '');
  create.append(icon('plus'), 'New chat');
  create.addEventListener('click', handlers.create);
  const close = iconButton('dc-icon dc-side-close', 'close', 'Close conversations');
  close.addEventListener('click', handlers.close);
  const top = el('div', 'dc-side-top');
  top.append(create, close);
  const title = el('h2', 'dc-side-title', 'Conversations', { id: `${id}-title` });
  const list = el('ul', 'dc-convs');
  const clear = button('dc-link dc-clear', 'Clear all conversations');
  clear.addEventListener('click', () => {
    if (confirm('Delete every conversation stored in this browser?')) handlers.clearAll();
  });
  element.append(top, title, list, clear);

  function render(currentId: string | undefined) {
    const items = store.list();
    list.replaceChildren(
      ...items.map((item) => {
        const entry = el('li');
        const open = button('dc-conv', '', item.id === currentId ? { 'aria-current': 'true' } : {});
        open.append(el('span', 'dc-conv-title', item.title), el('span', 'dc-conv-time', when.format(item.updatedAt)));
        open.addEventListener('click', () => handlers.open(item.id));
        entry.append(open);
        return entry;
      }),
    );
    if (!items.length) list.append(el('li', 'dc-muted dc-conv-empty', 'No conversations yet.'));
    clear.hidden = items.length === 0;
  }
  return { element, render };
}

export interface BarHandlers {
  rename(title: string): void;
  exportMarkdown(): void;
  remove(): void;
}

export interface ConversationBar {
  readonly element: HTMLElement;
  show(conversation: Conversation | undefined): void;
}

export function conversationBar(handlers: BarHandlers): ConversationBar {
  const element = el('div', 'dc-bar', undefined, { hidden: '' });
  const title = el('h2', 'dc-bar-title');
  const rename = button('dc-link', 'Rename', { 'aria-label': 'Rename this conversation' });
  const save = button('dc-link', 'Export', { 'aria-label': 'Export this conversation as Markdown' });
  const remove = button('dc-link', 'Delete', { 'aria-label': 'Delete this conversation' });
  const tools = el('div', 'dc-bar-tools');
  tools.append(rename, save, remove);
  element.append(title, tools);
  let current: Conversation | undefined;

  rename.addEventListener('click', () => {
    if (!current) return;
    const form = el('form', 'dc-rename');
    const input = el('input', 'dc-input', undefined, { 'aria-label': 'Conversation title', maxlength: '120', required: '' });
    input.value = current.title;
    const cancel = button('dc-link', 'Cancel');
    form.append(input, el('button', 'dc-small', 'Save', { type: 'submit' }), cancel);
    const finish = (newTitle?: string) => {
      element.replaceChildren(title, tools);
      if (newTitle && newTitle !== current?.title) handlers.rename(newTitle);
      rename.focus();
    };
    form.addEventListener('submit', (event) => (event.preventDefault(), finish(input.value.trim())));
    cancel.addEventListener('click', () => finish());
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      finish();
    });
    element.replaceChildren(form);
    input.select();
  });
  save.addEventListener('click', handlers.exportMarkdown);
  remove.addEventListener('click', () => {
    if (current && confirm(`Delete the conversation “${current.title}”?`)) handlers.remove();
  });

  return {
    element,
    show(conversation) {
      current = conversation;
      element.hidden = !conversation?.turns.length;
      title.textContent = conversation?.title ?? '';
    },
  };
}

/** The header button that shows and hides the conversation list where it does not fit beside the chat. */
export function listToggle(listId: string, onToggle: (open: boolean) => void): HTMLButtonElement {
  const toggle = iconButton('dc-icon dc-side-toggle', 'menu', 'Conversations', { 'aria-controls': listId, 'aria-expanded': 'false' });
  toggle.addEventListener('click', () => onToggle(toggle.getAttribute('aria-expanded') !== 'true'));
  return toggle;
}
