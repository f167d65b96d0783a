import { mountChat } from './core.js';
import { adminKeyFromLocation } from './admin-key.js';
import { button, icon } from './dom.js';

/**
 * The chat page (`GET /`): the chat core, full page, talking to its own origin. The documents panel
 * (and its stylesheet) is loaded when first opened: most visitors never need it.
 */
const open = button('dc-head-button', '', { 'aria-haspopup': 'dialog' });
open.append(icon('docs'), 'Documents');

let panel: Promise<{ open(): void }> | undefined;
async function openDocuments() {
  panel ??= Promise.all([import('./documents-panel.js'), stylesheet('/documents.css')]).then(([{ documentsPanel }]) => {
    const documents = documentsPanel('');
    document.body.append(documents.dialog);
    return documents;
  });
  (await panel).open();
}
open.addEventListener('click', () => void openDocuments());

function stylesheet(href: string): Promise<unknown> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  document.head.append(link);
  return new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
}

const chat = mountChat(document.getElementById('app')!, {
  baseUrl: '',
  title: 'Docent',
  heading: 'h1',
  intro: 'Ask a question about the documents.',
  storageKey: 'docent:',
  headerControls: [open],
});
if (adminKeyFromLocation()) void openDocuments();
else chat.focus();
