import styles from 'docent:widget-css';
import { mountChat, type Chat } from './core.js';

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

const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm3 6.5a1.5 1.5 0 1 0 0 .01Zm5 0a1.5 1.5 0 1 0 0 .01Zm5 0a1.5 1.5 0 1 0 0 .01Z';
const CLOSE_ICON = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4Z';

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
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
    const options = { baseUrl: baseUrlFor(this), title, placeholder: this.dataset.placeholder, heading: 'h2' as const };
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
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'dc-icon';
    close.setAttribute('aria-label', 'Close chat');
    close.append(icon(CLOSE_ICON));
    close.firstElementChild!.setAttribute('width', '20');
    close.firstElementChild!.setAttribute('height', '20');
    close.firstElementChild!.setAttribute('fill', 'currentColor');
    const chat = mountChat(panel, { ...options, headerControls: [close] });
    this.#chat = chat;

    const setOpen = (open: boolean, focus = true) => {
      panel.hidden = !open;
      bubble.setAttribute('aria-expanded', String(open));
      bubble.setAttribute('aria-label', `${open ? 'Close' : 'Open'} chat: ${title}`);
      bubble.replaceChildren(icon(open ? CLOSE_ICON : CHAT_ICON));
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
