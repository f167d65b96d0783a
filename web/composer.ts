import { el } from './dom.js';

/** The question box under the conversation: a growing textarea, Enter to send, and a Send button that becomes Stop while answering. */
export interface Composer {
  readonly form: HTMLFormElement;
  readonly input: HTMLTextAreaElement;
  setBusy(busy: boolean): void;
  /** Puts a question back in the box (after a failed answer), if the box is empty. */
  refill(question: string): void;
}

export function composer(id: string, placeholder: string, handlers: { ask(question: string): void; running(): boolean; stop(): void }): Composer {
  const form = el('form', 'dc-form', undefined, { 'aria-label': 'Ask a question' });
  const input = el('textarea', 'dc-input', undefined, { id: `${id}-q`, rows: '1', maxlength: '2000', placeholder, 'aria-describedby': `${id}-hint`, autocomplete: 'off' });
  const send = el('button', 'dc-send', 'Send', { type: 'submit' });
  form.append(el('label', 'dc-sr', 'Your question', { for: input.id }), input, el('span', 'dc-sr', 'Enter sends; Shift+Enter starts a new line.', { id: `${id}-hint` }), send);

  const autosize = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 160)}px`;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (handlers.running()) return handlers.stop();
    const question = input.value.trim();
    if (!question) return input.focus();
    input.value = '';
    autosize();
    handlers.ask(question);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!handlers.running()) form.requestSubmit();
    }
  });
  input.addEventListener('input', autosize);

  return {
    form,
    input,
    setBusy(busy) {
      send.textContent = busy ? 'Stop' : 'Send';
      send.setAttribute('aria-label', busy ? 'Stop answering' : 'Send question');
    },
    refill(question) {
      if (input.value) return;
      input.value = question;
      autosize();
    },
  };
}
