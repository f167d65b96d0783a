import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Docent } from '../../src/service.js';
import { DEFAULT_CORPUS, DEFAULT_SOURCE, makeCorpus, openTestDocent } from '../helpers/fixtures.js';
import { postJson, testApp } from '../helpers/app.js';

let docent: Docent;
let app: Awaited<ReturnType<typeof testApp>>;
const corpusText = fs.readFileSync(path.join(DEFAULT_CORPUS, DEFAULT_SOURCE), 'utf8');

beforeAll(async () => {
  docent = await openTestDocent();
  app = await testApp(docent);
});

async function ask(body: unknown) {
  return app.request('/api/ask', postJson(body));
}

describe('POST /api/ask', () => {
  it('answers with citations whose quotes are exact slices of the source file', async () => {
    const response = await ask({ question: 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.answerable).toBe(true);
    expect(body.answer).toContain('June and July 2009');
    expect(body.citations.length).toBeGreaterThanOrEqual(1);
    expect(body.citations.length).toBeLessThanOrEqual(3);
    for (const citation of body.citations) {
      expect(citation.source).toBe(DEFAULT_SOURCE);
      expect(citation.quote).toBe(corpusText.slice(citation.start, citation.end));
      expect(body.answer).toContain(`${citation.quote} [${citation.n}]`);
      expect(typeof citation.chunkId).toBe('string');
      expect(typeof citation.score).toBe('number');
    }
    for (const passage of body.passages) expect(passage.text).toBe(corpusText.slice(passage.start, passage.end));
    expect(Object.keys(body.timings).sort()).toEqual(['answerMs', 'retrieveMs', 'totalMs']);
  });

  it('declines questions the corpus does not answer', async () => {
    for (const question of ['Who won the 2018 FIFA World Cup?', 'How many peacekeepers died?', 'What is the population of Beijing?']) {
      const body = await (await ask({ question })).json();
      expect(body, question).toMatchObject({ answerable: false, citations: [] });
      expect(body.answer).toMatch(/not found in the documents/i);
    }
  });

  it('honours topK', async () => {
    const body = await (await ask({ question: 'peacekeeping training', topK: 2 })).json();
    expect(body.passages).toHaveLength(2);
  });

  it.each([
    [{}, 'question'],
    [{ question: '' }, 'question'],
    [{ question: '   ' }, 'question'],
    [{ question: 'x'.repeat(2001) }, 'question'],
    [{ question: 42 }, 'question'],
    [{ question: 'ok', topK: 0 }, 'topK'],
    [{ question: 'ok', topK: 21 }, 'topK'],
    [{ question: 'ok', topK: 'five' }, 'topK'],
  ])('rejects %j with a 400 naming the field', async (body, field) => {
    const response = await ask(body);
    expect(response.status).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(field);
  });

  it('rejects malformed JSON with 400 and no stack trace', async () => {
    const response = await app.request('/api/ask', postJson('{"question": '));
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body).error.code).toBe('invalid_json');
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects bodies over 64 KiB with 413', async () => {
    const response = await ask({ question: 'x', padding: 'y'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });
});

describe('GET /api/search', () => {
  it('returns ranked passages with fused scores and both component ranks', async () => {
    const response = await app.request('/api/search?q=joint%20exercise%20Mongolia&k=3');
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results).toHaveLength(3);
    expect(results[0].text).toContain('Mongolia');
    for (const passage of results) {
      expect(passage.text).toBe(corpusText.slice(passage.start, passage.end));
      expect(passage).toHaveProperty('ranks.bm25');
      expect(passage).toHaveProperty('ranks.dense');
    }
    expect(results[0].score).toBeGreaterThanOrEqual(results[2].score);
  });

  it.each(['/api/search', '/api/search?q=', '/api/search?q=a&k=0', '/api/search?q=a&k=abc'])('rejects %s with 400', async (url) => {
    expect((await app.request(url)).status).toBe(400);
  });
});

describe('GET /api/sources/:source', () => {
  it('returns the indexed text', async () => {
    const response = await app.request(`/api/sources/${DEFAULT_SOURCE}`);
    const body = await response.json();
    // A Markdown file without Markdown marks renders exactly as written.
    expect(body).toMatchObject({ source: DEFAULT_SOURCE, format: 'markdown', title: 'IV. Active Efforts for Greater International Cooperation', text: corpusText });
    expect(body.blocks[0]).toEqual({ kind: 'heading', start: 0, end: 56, level: 1, section: [] });
    expect(body.blocks[1]).toMatchObject({ kind: 'paragraph', section: ['IV. Active Efforts for Greater International Cooperation'] });
  });

  it('serves the original file with ?format=original, sandboxed', async () => {
    const response = await app.request(`/api/sources/${DEFAULT_SOURCE}?format=original`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="china-un/);
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(await response.text()).toBe(corpusText);
    expect((await app.request(`/api/sources/${DEFAULT_SOURCE}?format=pdf`)).status).toBe(400);
  });

  it.each(['/api/sources/..%2Fpackage.json', '/api/sources/%2Fetc%2Fpasswd', '/api/sources/a%00b', '/api/sources/%E0%A4%A'])('rejects %s with 400', async (url) => {
    const response = await app.request(url);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_source');
  });

  it('answers 404 for a source that is not indexed', async () => {
    expect((await app.request('/api/sources/missing.md')).status).toBe(404);
  });

  it('serves sources in sub-folders, raw or percent-encoded', async () => {
    const nested = await openTestDocent(await makeCorpus({ 'guides/setup.md': 'Install it. Then run it.' }));
    const nestedApp = await testApp(nested);
    for (const url of ['/api/sources/guides/setup.md', '/api/sources/guides%2Fsetup.md']) {
      expect(await (await nestedApp.request(url)).json()).toMatchObject({ source: 'guides/setup.md', text: 'Install it. Then run it.' });
    }
  });
});

describe('GET /api/health and the rest', () => {
  it('reports documents, chunks, model and index', async () => {
    const body = await (await app.request('/api/health')).json();
    expect(body).toEqual({
      status: 'ok',
      state: 'ready',
      version: docent.index.version,
      documents: 1,
      chunks: docent.index.chunks.length,
      embedding: { model: 'test-hash', dimensions: 128, pretrained: false },
      index: { type: 'hnsw', elements: docent.index.chunks.length },
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('serves the chat page, its script and a favicon', async () => {
    const page = await app.request('/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/chat.js');
    expect((await app.request('/chat.js')).status).toBe(200);
    expect((await app.request('/favicon.svg')).status).toBe(200);
  });
});
