import type { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../web/documents-api.js';
import { DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';
import { BrowserSession, screenshot, seriousViolations, serveDocent, watch, type Served } from './browser.js';

/**
 * The documents panel against a stand-in of the documents API (contract §6): the list with status and
 * errors, and with the admin key (from the one-time link or typed in) upload with progress and delete.
 */

const KEY = 'secret-admin-token';
const session = new BrowserSession();
let server: Served;
let documents: DocumentInfo[];
const received: { method: string; auth: string | undefined; files?: { name: string; text: string }[]; source?: string }[] = [];

function fakeDocumentsApi(app: Hono) {
  const authorized = (header: string | undefined) => header === `Bearer ${KEY}`;
  const refused = { error: { code: 'unauthorized', message: 'This action needs the admin key' } };
  app.get('/api/documents', (c) => {
    const listed = documents.map((doc) => ({ ...doc }));
    // Indexing finishes between two looks at the list.
    documents = documents.map((doc) => (doc.status === 'pending' ? { ...doc, status: 'indexed', chunks: 1, indexedAt: new Date().toISOString() } : doc));
    return c.json({ documents: listed });
  });
  app.post('/api/documents', async (c) => {
    const auth = c.req.header('Authorization');
    const body = await c.req.parseBody({ all: true });
    const files = ([] as unknown[]).concat(body.file ?? []).filter((file): file is File => file instanceof File);
    received.push({ method: 'POST', auth, files: await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() }))) });
    if (!authorized(auth)) return c.json(refused, 401);
    const added = files.map((file): DocumentInfo => ({ source: file.name, format: 'markdown', title: file.name, bytes: file.size, chunks: 0, indexedAt: '', status: 'pending' }));
    documents.push(...added);
    return c.json({ documents: added }, 202);
  });
  app.delete('/api/documents/:source{.+}', (c) => {
    const source = decodeURIComponent(c.req.param('source'));
    received.push({ method: 'DELETE', auth: c.req.header('Authorization'), source });
    if (!authorized(c.req.header('Authorization'))) return c.json(refused, 401);
    documents = documents.filter((doc) => doc.source !== source);
    return c.json({ deleted: source });
  });
}

beforeAll(async () => {
  [server] = await Promise.all([serveDocent(await openTestDocent(), { extend: fakeDocumentsApi }), session.start()]);
});

afterAll(async () => {
  await session.stop();
  await server?.close();
});

function reset() {
  received.length = 0;
  documents = [
    { source: DEFAULT_SOURCE, format: 'markdown', title: 'IV. Active Efforts for Greater International Cooperation', bytes: 7133, chunks: 12, indexedAt: '2026-01-05T10:00:00Z', status: 'indexed' },
    { source: 'scans/broken.pdf', format: 'pdf', title: 'broken.pdf', bytes: 20480, chunks: 0, pages: 3, indexedAt: '', status: 'failed', error: 'The PDF is encrypted' },
  ];
}

const rows = (page: Page) => page.locator('.dc-doc-table tbody tr');

describe('the documents panel', () => {
  it('opens from the one-time admin link, lists the documents, uploads with progress and deletes', async () => {
    reset();
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.newPage({ colorScheme });
      const problems = watch(page);
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${server.url}/#admin=${KEY}`);
      const dialog = page.getByRole('dialog', { name: 'Documents' });
      await expect.poll(() => rows(page).count()).toBe(documents.length);
      // The token leaves the address bar at once, and stays in this tab only.
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.evaluate(() => sessionStorage.getItem('docent-admin-key'))).toBe(KEY);
      expect(await dialog.locator('tr', { hasText: 'broken.pdf' }).textContent()).toContain('The PDF is encrypted');
      expect(await dialog.locator('tr', { hasText: 'broken.pdf' }).textContent()).toContain('3 pages');
      expect(await seriousViolations(page, '.dc-docs')).toEqual([]);
      await screenshot(page, `documents-${colorScheme}.png`);
      if (colorScheme === 'dark') break;

      await dialog.locator('input[type="file"]').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n\nThe harbour opens at dawn.\n') });
      await expect.poll(() => dialog.locator('.dc-uploads li').textContent()).toContain('uploaded; indexing');
      expect(await dialog.locator('.dc-uploads progress').evaluate((node) => (node as HTMLProgressElement).value)).toBe(1);
      expect(received.at(-1)).toEqual({ method: 'POST', auth: `Bearer ${KEY}`, files: [{ name: 'notes.md', text: '# Notes\n\nThe harbour opens at dawn.\n' }] });
      // Pending while it is indexed; the panel looks again until it is done.
      await expect.poll(() => dialog.locator('tr', { hasText: 'notes.md' }).locator('.dc-badge').textContent(), { timeout: 10_000 }).toBe('indexed');

      // Drag and drop works the same way.
      await dialog.locator('.dc-drop').evaluate((zone) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['Dropped text.'], 'dropped.txt', { type: 'text/plain' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
      await expect.poll(() => received.at(-1)?.files?.[0]?.name).toBe('dropped.txt');

      await dialog.getByRole('button', { name: 'Delete notes.md' }).click();
      await expect.poll(() => dialog.locator('tr', { hasText: 'notes.md' }).count()).toBe(0);
      expect(received.at(-1)).toEqual({ method: 'DELETE', auth: `Bearer ${KEY}`, source: 'notes.md' });

      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(problems).toEqual([]);
    }
  });

  it('without the key lists only; a wrong key is refused, forgotten and asked for again', async () => {
    reset();
    const page = await session.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Documents' }).click();
    const dialog = page.getByRole('dialog', { name: 'Documents' });
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(await dialog.getByRole('button', { name: /^Delete / }).count()).toBe(0);
    expect(await dialog.locator('input[type="file"]').count()).toBe(0);

    await dialog.getByRole('textbox', { name: 'Admin key' }).fill('wrong');
    await dialog.getByRole('button', { name: 'Unlock upload and delete' }).click();
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'x.md', mimeType: 'text/markdown', buffer: Buffer.from('x') });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/admin key.*forgotten/i);
    expect(received.at(-1)).toMatchObject({ method: 'POST', auth: 'Bearer wrong' });
    expect(await page.evaluate(() => sessionStorage.getItem('docent-admin-key'))).toBeNull();
    await dialog.getByRole('textbox', { name: 'Admin key' }).waitFor();
  });
});
