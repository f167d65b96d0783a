import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets, type WebAsset } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';
import { DEFAULT_CORPUS, openTestDocent, tempDir } from '../helpers/fixtures.js';
import { captureErrors, expectClean } from './fuzz/check.js';
import { ADMIN_KEY, ROUTES, type FuzzRequest } from './fuzz/routes.js';

/**
 * Property-based fuzz of every route: random methods, bodies (JSON, malformed, binary, multipart),
 * headers, query strings and Unicode. Whatever arrives, the answer is a 2xx/3xx/4xx (or a deliberate
 * 503 with Retry-After), API errors are JSON with an error object, nothing leaks a stack trace or a
 * source path, nothing is logged as an unexpected failure, and the server still answers afterwards.
 * Fixed seeds and bounded runs: the same requests every time.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);

let docent: Docent;
let webAssets: Map<string, WebAsset>;
let app: ReturnType<typeof createApp>;
let keyed: ReturnType<typeof createApp>;
const errors = captureErrors();

beforeAll(async () => {
  // A copy of the corpus: the documents API (with the admin key) may write to it and delete from it.
  const corpus = await tempDir('docent-fuzz-corpus-');
  await fs.cp(DEFAULT_CORPUS, corpus, { recursive: true });
  docent = await openTestDocent(corpus, { ADMIN_API_KEY: ADMIN_KEY, RATE_LIMIT_PER_MIN: '0' });
  webAssets = await loadWebAssets();
  app = createApp(docent, { webAssets, onCorpusChange: () => undefined });
  // The same routes with keys, a widget origin and low rate limits: the refusal paths get fuzzed too.
  const config = {
    ...docent.config,
    allowedOrigins: ['https://docs.example.com'],
    security: { ...docent.config.security, apiKeys: ['fuzz-key-abcdef0123456789'] },
    limits: { ...docent.config.limits, ratePerMinute: 40, widgetRatePerMinute: 10, maxInFlight: 1, maxQueued: 0 },
  };
  keyed = createApp({ ...docent, config }, { webAssets, onCorpusChange: () => undefined });
});

afterAll(() => { errors.restore(); if (process.env.FUZZ_STATS) console.log([...(globalThis as any).stats].sort().map(([k, v]: [string, number]) => k + ' ' + v).join('\n')); });

const isOwnFile = (file: string) => webAssets.has(file) || file.startsWith('/docs/') || file === '/openapi.json';

function toRequest({ method, path: route, query, headers, body }: FuzzRequest): Request | undefined {
  const url = `http://localhost${route}${query ? `?${query}` : ''}`;
  try {
    const init: RequestInit = { method, headers };
    if (method !== 'GET' && method !== 'HEAD' && body !== undefined) init.body = body as BodyInit;
    return new Request(url, init);
  } catch {
    // Nothing a client can send (an unparsable URL or header): not the server's concern.
    return undefined;
  }
}

async function send(target: ReturnType<typeof createApp>, fuzz: FuzzRequest) {
  const request = toRequest(fuzz);
  if (!request) return;
  const sent = { method: request.method, url: request.url };
  const before = errors.logged.length;
  const response = await target.request(request);
  await expectClean(sent, response, isOwnFile);
  const logged = errors.logged.slice(before).filter((line) => !/refused origin|cross-origin/i.test(line));
  if (logged.length) throw new Error(`logged as a server failure: ${sent.method} ${sent.url.slice(0, 300)}\n${logged.join('\n').slice(0, 1000)}`);
}

describe('fuzzing every route', () => {
  for (const [name, arbitrary] of Object.entries(ROUTES)) {
    it(`${name}: never a 5xx, a stack trace or a non-JSON API error`, async () => {
      await fc.assert(fc.asyncProperty(arbitrary, (fuzz) => send(app, fuzz)), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    }, 300_000);
  }

  it('every route behind API keys, a widget origin, low rate limits and a one-slot queue', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(...Object.values(ROUTES)), (fuzz) => send(keyed, fuzz)), { numRuns: RUNS, seed: SEED, endOnFailure: true });
  }, 300_000);

  it('still answers afterwards', async () => {
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    const ask = await app.request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'peacekeeping training' }) });
    expect(ask.status).toBe(200);
    expect(path.basename(docent.config.corpusDir)).toMatch(/^docent-fuzz-corpus-/);
  });
});
