import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';
import { postJson } from '../helpers/app.js';
import { openTestDocent } from '../helpers/fixtures.js';

let docent: Docent;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  docent = await openTestDocent();
  app = createApp(docent, { webAssets: await loadWebAssets() });
});

async function scrape(target = app, headers: Record<string, string> = {}): Promise<string> {
  const response = await target.request('/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series (labels in any order), 0 when it is absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, expected]) => present[key] === expected)) return Number(match[3]);
  }
  return 0;
}

const ANSWERABLE = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';
const UNANSWERABLE = 'Who won the 2018 FIFA World Cup?';

describe('GET /metrics', () => {
  it('reports the index served, index builds and the process', async () => {
    const text = await scrape();
    expect(value(text, 'docent_index_documents')).toBe(docent.index.sources.size);
    expect(value(text, 'docent_index_chunks')).toBe(docent.index.chunks.length);
    expect(value(text, 'docent_index_failed_documents')).toBe(0);
    expect(value(text, 'docent_index_build_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('counts requests and latency per route and status', async () => {
    const before = await scrape();
    const labels = { method: 'POST', route: '/api/ask', status: '200' };
    await app.request('/api/ask', postJson({ question: ANSWERABLE }));
    await app.request('/api/ask', postJson({ question: '' }));
    await app.request('/api/search?q=peacekeeping');
    const after = await scrape();
    expect(value(after, 'http_requests_total', labels) - value(before, 'http_requests_total', labels)).toBe(1);
    expect(value(after, 'http_requests_total', { ...labels, status: '400' }) - value(before, 'http_requests_total', { ...labels, status: '400' })).toBe(1);
    expect(value(after, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/search', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(value(after, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(value(after, 'http_requests_total', labels));
  });

  it('counts answers answered vs declined and checked citations, whichever route asked', async () => {
    const before = await scrape();
    const answered = await (await app.request('/api/ask', postJson({ question: ANSWERABLE }))).json();
    await app.request('/api/ask', postJson({ question: UNANSWERABLE }));
    await app.request('/v1/chat/completions', postJson({ model: 'docent', messages: [{ role: 'user', content: UNANSWERABLE }] }));
    await app.request('/api/verify', postJson({ claim: answered.citations[0].quote }));
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('docent_answers_total', { outcome: 'answered', answerer: 'extractive' })).toBe(1);
    expect(delta('docent_answers_total', { outcome: 'declined', answerer: 'extractive' })).toBe(2);
    const flagged = delta('docent_citations_total', { flagged: 'true' });
    expect(flagged + delta('docent_citations_total', { flagged: 'false' })).toBe(answered.citations.length);
    expect(flagged).toBe(answered.citations.filter((c: { n: number }) => answered.verification.sentences.some((s: { flagged: boolean; citations: number[] }) => s.flagged && s.citations.includes(c.n))).length);
    expect(delta('docent_verify_total', { verdict: 'supported' })).toBe(1);
  });

  it('needs METRICS_TOKEN when it is set', async () => {
    const locked = createApp({ ...docent, config: { ...docent.config, observability: { ...docent.config.observability, metricsToken: 'scrape-me' } } } as Docent, { webAssets: new Map() });
    const refused = await locked.request('/metrics');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthorized');
    expect((await locked.request('/metrics', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect(await scrape(locked, { Authorization: 'Bearer scrape-me' })).toMatch(/docent_index_documents/);
  });
});
