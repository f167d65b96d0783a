import styles from 'docent:widget-css';
import { mountChat, type Chat } from './core.js';
import { icon, iconButton } from './dom.js';

/**
 * The embeddable widget: `<docent-chat>`, a custom element whose shadow root holds the chat core.
 *
 *   <script src="https://HOST/widget.js" data-docent-url="https://HOST" async></script>
 *     adds a launcher bubble (unless the page has its own <docent-chat>, or data-launcher="false");
 *   <docent-chat></docent-chat>
 *     mounts the chat inline, in the page's own layout.
 *
 * Attributes (on the script tag for the launcher, or on the element): data-docent-url, data-title,
 * data-placeholder, data-open (open on load), data-position="left"; data-mode="launcher" on an element.
 */

const script = document.currentScript as HTMLScriptElement | null;
const ATTRIBUTES = ['docentUrl', 'title', 'placeholder', 'open', 'position'] as const;

/** The API's base URL: the element's data-docent-url, the script's, or the folder widget.js came from. */
function baseUrlFor(element: HTMLElement): string {
  const explicit = element.dataset.docentUrl ?? script?.dataset.docentUrl;
  if (explicit) return new URL(explicit, location.href).href.replace(/\/+$/, '');
  if (script?.src) return new URL('.', script.src).href.replace(/\/+$/, '');
  return '';
}

const isTrue = (value: string | undefined) => value !== undefined && !/^(false|0|no|off)$/i.test(value);

export class DocentChatElement extends HTMLElement {
  #chat: Chat | undefined;

  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = styles;
    shadow.append(style);
    const title = this.dataset.title || 'Ask the docs';
    const baseUrl = baseUrlFor(this);
    // Conversations are kept per origin of the host page; the prefix keeps each Docent server's apart.
    const options = { baseUrl, title, placeholder: this.dataset.placeholder, heading: 'h2' as const, storageKey: `docent-widget:${baseUrl}:` };
    if (this.dataset.mode !== 'launcher') {
      const frame = document.createElement('div');
      frame.style.height = '100%';
      shadow.append(frame);
      this.#chat = mountChat(frame, options);
      return;
    }

    const bubble = document.createElement('button');
    bubble.type = 'button';
    bubble.className = 'dw-bubble';
    bubble.setAttribute('aria-label', `Open chat: ${title}`);
    bubble.setAttribute('aria-expanded', 'false');
    const panel = document.createElement('div');
    panel.className = 'dw-panel';
    panel.id = 'panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', title);
    bubble.setAttribute('aria-controls', panel.id);
    const close = iconButton('dc-icon', 'close', 'Close chat');
    const chat = mountChat(panel, { ...options, headerControls: [close] });
    this.#chat = chat;

    const setOpen = (open: boolean, focus = true) => {
      panel.hidden = !open;
      bubble.setAttribute('aria-expanded', String(open));
      bubble.setAttribute('aria-label', `${open ? 'Close' : 'Open'} chat: ${title}`);
      bubble.replaceChildren(icon(open ? 'close' : 'chat'));
      if (focus) (open ? chat.focus() : bubble.focus());
    };
    bubble.addEventListener('click', () => setOpen(panel.hidden));
    close.addEventListener('click', () => setOpen(false));
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !chat.closeViewer()) setOpen(false);
      event.stopPropagation();
    });
    shadow.append(panel, bubble);
    setOpen(isTrue(this.dataset.open), false);
  }

  /** Opens the launcher's panel (no-op inline). */
  open() {
    const bubble = this.shadowRoot?.querySelector<HTMLButtonElement>('.dw-bubble');
    if (bubble?.getAttribute('aria-expanded') === 'false') bubble.click();
  }

  override focus() {
    this.#chat?.focus();
  }
}

if (!customElements.get('docent-chat')) customElements.define('docent-chat', DocentChatElement);

function addLauncher() {
  if (!script || !isTrue(script.dataset.launcher ?? 'true') || document.querySelector('docent-chat')) return;
  const launcher = document.createElement('docent-chat');
  launcher.dataset.mode = 'launcher';
  for (const name of ATTRIBUTES) {
    const value = script.dataset[name];
    if (value !== undefined) launcher.dataset[name] = value;
  }
  document.body.append(launcher);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addLauncher, { once: true });
else addLauncher();
