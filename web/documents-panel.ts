import { button, el, iconButton } from './dom.js';
import { adminKey } from './admin-key.js';
import { deleteDocument, listDocuments, uploadDocument, type DocumentInfo } from './documents-api.js';

/**
 * The chat page's documents panel (a modal dialog): every document with its status or error, and,
 * with the admin key, upload by drag and drop or file picker (with progress) and delete.
 */

const ACCEPT = '.md,.markdown,.txt,.html,.htm,.pdf,.docx';
const REFRESH_MS = 2000;
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function documentsPanel(baseUrl: string): { dialog: HTMLDialogElement; open(): void } {
  const dialog = el('dialog', 'dc-docs', undefined, { 'aria-labelledby': 'dc-docs-title' });
  const head = el('div', 'dc-docs-head');
  const close = iconButton('dc-icon', 'close', 'Close documents');
  head.append(el('h2', 'dc-docs-title', 'Documents', { id: 'dc-docs-title' }), close);
  const summary = el('p', 'dc-muted', '', { role: 'status', tabindex: '-1' });
  const problem = el('p', 'dc-error-text', '', { role: 'alert' });
  const admin = el('div', 'dc-admin');
  const uploads = el('ul', 'dc-uploads', undefined, { 'aria-label': 'Uploads' });
  const table = el('table', 'dc-doc-table');
  dialog.append(head, summary, problem, admin, uploads, table);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function fail(error: unknown) {
    const status = (error as { status?: number }).status;
    if (status === 401) adminKey.set(undefined);
    problem.textContent = `${(error as Error).message}${status === 401 ? '. The key was forgotten: enter it again.' : ''}`;
    renderAdmin();
  }

  function renderAdmin() {
    const key = adminKey.get();
    if (!key) {
      const form = el('form', 'dc-keyform');
      const input = el('input', 'dc-input', undefined, { type: 'password', autocomplete: 'off', 'aria-label': 'Admin key', placeholder: 'Admin key' });
      form.append(input, el('button', 'dc-small', 'Unlock upload and delete', { type: 'submit' }), el('p', 'dc-muted', 'Adding and removing documents needs the admin key (ADMIN_API_KEY, or the link npm start prints). It is kept in this tab only.'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        problem.textContent = '';
        adminKey.set(input.value.trim() || undefined);
        renderAdmin();
        void refresh();
      });
      return admin.replaceChildren(form);
    }
    const picker = el('input', 'dc-sr', undefined, { type: 'file', multiple: '', accept: ACCEPT, 'aria-label': 'Choose files to add' });
    const choose = button('dc-small', 'Choose files');
    choose.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => void upload([...(picker.files ?? [])]));
    const zone = el('div', 'dc-drop');
    zone.append(el('p', undefined, 'Drop .md, .txt, .html, .pdf or .docx files here, or'), choose, picker);
    for (const type of ['dragenter', 'dragover']) zone.addEventListener(type, (event) => (event.preventDefault(), zone.classList.add('dc-over')));
    zone.addEventListener('dragleave', () => zone.classList.remove('dc-over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dc-over');
      void upload([...(event.dataTransfer?.files ?? [])]);
    });
    const forget = button('dc-link', 'Forget the admin key');
    forget.addEventListener('click', () => (adminKey.set(undefined), renderAdmin(), void refresh()));
    admin.replaceChildren(zone, forget);
  }

  async function upload(files: File[]) {
    const key = adminKey.get();
    if (!key) return;
    for (const file of files) {
      const progress = el('progress', undefined, undefined, { max: '1', value: '0', 'aria-label': `Uploading ${file.name}` });
      const note = el('span', 'dc-muted', 'uploading…');
      const item = el('li');
      item.append(el('span', undefined, file.name), progress, note);
      uploads.append(item);
      try {
        await uploadDocument(baseUrl, file, key, (share) => (progress.value = share));
        progress.value = 1;
        note.textContent = 'uploaded; indexing';
      } catch (error) {
        note.className = 'dc-error-text';
        note.textContent = (error as Error).message;
        if ((error as { status?: number }).status === 401) fail(error);
      }
    }
    await refresh();
  }

  function row(doc: DocumentInfo): HTMLTableRowElement {
    const tr = el('tr');
    const name = el('td');
    name.append(el('span', 'dc-doc-title', doc.title || doc.source), el('span', 'dc-muted dc-doc-src', doc.source));
    const state = el('td');
    state.append(el('span', `dc-badge dc-st-${doc.status}`, doc.status));
    if (doc.error) state.append(el('span', 'dc-error-text', doc.error));
    const facts = `${size(doc.bytes)} · ${doc.chunks} chunks${doc.pages ? ` · ${doc.pages} pages` : ''}`;
    tr.append(name, el('td', undefined, doc.format), el('td', undefined, facts), state, el('td', undefined, doc.indexedAt ? when.format(new Date(doc.indexedAt)) : ''));
    const actions = el('td');
    if (adminKey.get()) {
      const remove = button('dc-link', 'Delete', { 'aria-label': `Delete ${doc.source}` });
      remove.addEventListener('click', async () => {
        if (!confirm(`Remove ${doc.source} from the documents?`)) return;
        await deleteDocument(baseUrl, doc.source, adminKey.get() ?? '').catch(fail);
        await refresh();
        summary.focus(); // the row and its button are gone

      });
      actions.append(remove);
    }
    tr.append(actions);
    return tr;
  }

  async function refresh() {
    clearTimeout(timer);
    let documents: DocumentInfo[];
    try {
      documents = await listDocuments(baseUrl);
    } catch (error) {
      return fail(error);
    }
    const count = (status: DocumentInfo['status']) => documents.filter((doc) => doc.status === status).length;
    summary.textContent = `${documents.length} documents · ${count('pending')} being indexed · ${count('failed')} failed`;
    const headRow = el('tr');
    for (const label of ['Document', 'Format', 'Size', 'Status', 'Indexed', 'Actions']) headRow.append(el('th', undefined, label, { scope: 'col' }));
    const thead = el('thead');
    thead.append(headRow);
    const tbody = el('tbody');
    tbody.append(...documents.map(row));
    table.replaceChildren(thead, tbody);
    if (dialog.open && count('pending')) timer = setTimeout(refresh, REFRESH_MS);
  }

  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => clearTimeout(timer));
  return {
    dialog,
    open() {
      renderAdmin();
      dialog.showModal();
      void refresh();
    },
  };
}
