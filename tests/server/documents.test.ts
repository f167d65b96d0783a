import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets } from '../../src/server/web-assets.js';
import { openDocent } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const KEY = 'admin-secret-key';
const auth = (key = KEY) => ({ Authorization: `Bearer ${key}` });

async function setup(env: Record<string, string> = { ADMIN_API_KEY: KEY }) {
  const corpusDir = await makeCorpus({ 'guide.md': '# Moka\n\nThe moka pot was invented by Alfonso Bialetti in 1933.\n', 'notes.txt': 'Bread needs flour.\n', 'broken.md': '' });
  const config = await testConfig(corpusDir, { MAX_UPLOAD_BYTES: '2048', ...env });
  const docent = await openDocent(config, { embedder: hashEmbedder() });
  const changes: number[] = [];
  const app = createApp(docent, { webAssets: await loadWebAssets(), onCorpusChange: () => changes.push(1) });
  return { app, docent, corpusDir, changes };
}

function upload(files: Array<[name: string, text: string | Uint8Array]>, query = '') {
  const form = new FormData();
  for (const [name, text] of files) form.append('file', new File([text as BlobPart], name));
  return { path: `/api/documents${query}`, init: { method: 'POST', body: form, headers: auth() } as RequestInit };
}

const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('documents API', () => {
  it('lists every document with its format, size, chunks, time and status, failures with their reason', async () => {
    const { app, corpusDir } = await setup();
    await fs.writeFile(path.join(corpusDir, 'new.md'), 'Fresh text.');
    const response = await app.request('/api/documents');
    expect(response.status).toBe(200);
    const { documents } = await response.json();
    const bySource = Object.fromEntries(documents.map((document: { source: string }) => [document.source, document]));
    expect(bySource['guide.md']).toMatchObject({ format: 'markdown', title: 'Moka', status: 'indexed', chunks: 1, bytes: 63 });
    expect(Date.parse(bySource['guide.md'].indexedAt)).not.toBeNaN();
    expect(bySource['broken.md']).toMatchObject({ status: 'failed', error: expect.stringMatching(/empty/) });
    expect(bySource['new.md']).toMatchObject({ status: 'pending', chunks: 0 });
  });

  it('uploads files into the corpus folder (202, pending) and starts a re-index', async () => {
    const { app, corpusDir, changes } = await setup();
    const { path: url, init } = upload([['espresso.md', '# Espresso\n\nEspresso is brewed under pressure.'], ['tea.txt', 'Tea is steeped.']]);
    const response = await app.request(url, init);
    expect(response.status).toBe(202);
    const { documents } = await response.json();
    expect(documents.map((document: { source: string; status: string }) => [document.source, document.status])).toEqual([
      ['espresso.md', 'pending'],
      ['tea.txt', 'pending'],
    ]);
    expect(await fs.readFile(path.join(corpusDir, 'espresso.md'), 'utf8')).toContain('pressure');
    expect(changes).toHaveLength(1);
    // No temporary file is left behind.
    expect((await fs.readdir(corpusDir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses an existing name with 409 unless ?replace=1', async () => {
    const { app, corpusDir } = await setup();
    const first = upload([['guide.md', 'Replaced text.']]);
    const refused = await app.request(first.path, first.init);
    expect([refused.status, await codeOf(refused)]).toEqual([409, 'conflict']);
    expect(await fs.readFile(path.join(corpusDir, 'guide.md'), 'utf8')).toContain('Bialetti');
    const second = upload([['guide.md', 'Replaced text.']], '?replace=1');
    expect((await app.request(second.path, second.init)).status).toBe(202);
    expect(await fs.readFile(path.join(corpusDir, 'guide.md'), 'utf8')).toBe('Replaced text.');
  });

  it('answers 415 for a type no parser reads, 413 over MAX_UPLOAD_BYTES, 400 without a file; writes nothing', async () => {
    const { app, corpusDir } = await setup();
    const before = await fs.readdir(corpusDir);
    const exe = upload([['tool.exe', 'MZ'], ['fine.md', 'ok']]);
    const unsupported = await app.request(exe.path, exe.init);
    expect([unsupported.status, await codeOf(unsupported)]).toEqual([415, 'unsupported_type']);
    const big = upload([['big.txt', 'x'.repeat(4096)]]);
    expect((await app.request(big.path, big.init)).status).toBe(413);
    const empty = await app.request('/api/documents', { method: 'POST', body: new FormData(), headers: auth() });
    expect(empty.status).toBe(400);
    const json = await app.request('/api/documents', { method: 'POST', body: '{}', headers: { ...auth(), 'Content-Type': 'application/json' } });
    expect(json.status).toBe(400);
    expect(await fs.readdir(corpusDir)).toEqual(before);
  });

  it('keeps uploaded names inside the corpus folder, whatever they try', async () => {
    const { app, corpusDir } = await setup();
    const parent = path.dirname(corpusDir);
    const attempts: Array<[string, string | undefined]> = [
      ['../../escape.md', 'escape.md'],
      ['..\\..\\windows.md', 'windows.md'],
      ['/etc/cron.d/job.md', 'job.md'],
      ['sub/dir/nested.md', 'nested.md'],
      ['.hidden.md', 'hidden.md'],
      ['evil\u0000name.md', 'evilname.md'],
      ['rtl\u202Egnp.md', 'rtlgnp.md'],
      ['..', undefined],
      ['...', undefined],
    ];
    for (const [name, expected] of attempts) {
      const { path: url, init } = upload([[name, 'text']]);
      const response = await app.request(url, init);
      if (expected === undefined) {
        expect([response.status, await codeOf(response)]).toEqual([400, 'invalid_name']);
        continue;
      }
      expect(response.status).toBe(202);
      expect((await response.json()).documents[0].source).toBe(expected);
      expect(await fs.readFile(path.join(corpusDir, expected), 'utf8')).toBe('text');
    }
    for (const name of ['escape.md', 'windows.md']) await expect(fs.stat(path.join(parent, name))).rejects.toThrow();
  });

  it('deletes a document (200), 404 for an unknown one, 400 for a path leaving the corpus', async () => {
    const { app, corpusDir, changes } = await setup();
    const deleted = await app.request('/api/documents/notes.txt', { method: 'DELETE', headers: auth() });
    expect([deleted.status, await deleted.json()]).toEqual([200, { deleted: 'notes.txt' }]);
    await expect(fs.stat(path.join(corpusDir, 'notes.txt'))).rejects.toThrow();
    expect(changes).toHaveLength(1);
    expect((await app.request('/api/documents/nothing.md', { method: 'DELETE', headers: auth() })).status).toBe(404);
    await fs.writeFile(path.join(path.dirname(corpusDir), 'outside.md'), 'keep me');
    for (const attempt of ['..%2Foutside.md', '%2E%2E%2Foutside.md', '..%5Coutside.md', 'a%2F..%2F..%2Foutside.md', '%00.md']) {
      const response = await app.request(`/api/documents/${attempt}`, { method: 'DELETE', headers: auth() });
      expect([attempt, response.status, await codeOf(response)]).toEqual([attempt, 400, 'invalid_source']);
    }
    expect(await fs.readFile(path.join(path.dirname(corpusDir), 'outside.md'), 'utf8')).toBe('keep me');
  });

  it('needs the admin key for writes: 401 without or with a wrong one, 403 when none is configured or the server is read-only', async () => {
    const { app } = await setup();
    const { path: url, init } = upload([['a.md', 'text']]);
    const missing = await app.request(url, { ...init, headers: {} });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect((await app.request(url, { ...init, headers: auth('wrong') })).status).toBe(401);
    expect((await app.request('/api/documents/guide.md', { method: 'DELETE' })).status).toBe(401);
    expect((await app.request('/api/documents')).status).toBe(200);

    const disabled = await setup({});
    const refused = await disabled.app.request(url, upload([['a.md', 'text']]).init);
    expect([refused.status, await codeOf(refused)]).toEqual([403, 'admin_disabled']);

    const readOnly = await setup();
    const reader = await openDocent({ ...readOnly.docent.config, readOnly: true }, { embedder: hashEmbedder() });
    const readerApp = createApp(reader, { webAssets: await loadWebAssets() });
    const write = await readerApp.request(url, upload([['a.md', 'text']]).init);
    expect([write.status, await codeOf(write)]).toEqual([403, 'read_only']);
    expect((await readerApp.request('/api/documents/guide.md', { method: 'DELETE', headers: auth() })).status).toBe(403);
  });

  it('lets a cluster worker (a reader of the index, not READ_ONLY) write the corpus folder and tell the indexer', async () => {
    const { docent, corpusDir } = await setup();
    const worker = await openDocent(docent.config, { embedder: hashEmbedder(), reindex: 'never' });
    const told: number[] = [];
    const workerApp = createApp(worker, { webAssets: await loadWebAssets(), onCorpusChange: () => told.push(1) });
    const { path: url, init } = upload([['added.md', 'Otters eat sea urchins.']]);
    expect((await workerApp.request(url, init)).status).toBe(202);
    expect(await fs.readFile(path.join(corpusDir, 'added.md'), 'utf8')).toBe('Otters eat sea urchins.');
    expect(told).toEqual([1]);
  });

  it('accepts the admin key when API_KEYS lock the API', async () => {
    const { app } = await setup({ ADMIN_API_KEY: KEY, API_KEYS: 'reader-key' });
    const { path: url, init } = upload([['a.md', 'text']]);
    expect((await app.request(url, init)).status).toBe(202);
    expect((await app.request(url, { ...upload([['b.md', 'text']]).init, headers: auth('reader-key') })).status).toBe(401);
  });
});
