import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets, type WebAsset } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';
import { postJson } from '../helpers/app.js';
import { openTestDocent } from '../helpers/fixtures.js';

let docent: Docent;
let webAssets: Map<string, WebAsset>;

beforeAll(async () => {
  docent = await openTestDocent();
  webAssets = await loadWebAssets();
});

type Overrides = { security?: Partial<Config['security']>; limits?: Partial<Config['limits']>; allowedOrigins?: string[] };

function appWith({ security = {}, limits = {}, allowedOrigins = [] }: Overrides = {}) {
  const config = {
    ...docent.config,
    allowedOrigins,
    security: { ...docent.config.security, ...security },
    limits: { ...docent.config.limits, ...limits },
  };
  return createApp({ ...docent, config }, { webAssets });
}

const QUESTION = { question: 'When did China establish a peacekeeping training institution?' };

describe('Host allowlist (DNS rebinding)', () => {
  it('answers loopback names by default and refuses any other Host with 421', async () => {
    const app = appWith();
    expect(docent.config.security.allowedHosts).toContain('localhost');
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787']) {
      expect((await app.request('/api/health', { headers: { Host: host } })).status).toBe(200);
    }
    const rebound = await app.request(new Request('http://rebind.attacker.test/api/sources/china-un-peacekeeping-international-cooperation.md'));
    expect(rebound.status).toBe(421);
    expect((await rebound.json()).error.code).toBe('misdirected_request');
    expect((await app.request(new Request('http://rebind.attacker.test/'))).status).toBe(421);
  });

  it('answers listed names, and any name with *', async () => {
    expect((await appWith({ security: { allowedHosts: ['docs.example.com'] } }).request(new Request('http://DOCS.example.com/api/health'))).status).toBe(200);
    expect((await appWith({ security: { allowedHosts: ['*'] } }).request(new Request('http://anything.test/api/health'))).status).toBe(200);
  });
});

describe('security headers', () => {
  it('puts a CSP without inline script, nosniff, a referrer policy and frame-ancestors on pages and API answers', async () => {
    const app = appWith({ allowedOrigins: ['https://docs.example.com'] });
    for (const path of ['/', '/docs', '/api/health']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/docs\.example\.com/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('keeps widget.js loadable by other sites', async () => {
    const response = await appWith().request('/widget.js');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

describe('API keys', () => {
  const KEY = 'k-0123456789abcdef';
  const keyed = () => appWith({ security: { apiKeys: [KEY] } });

  it('needs a valid key on /api and /v1, and says so with 401 and WWW-Authenticate', async () => {
    const app = keyed();
    for (const request of [new Request('http://localhost/api/search?q=peacekeeping'), new Request('http://localhost/v1/models')]) {
      const response = await app.request(request);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect((await response.json()).error.code).toBe('unauthorized');
    }
    const wrong = await app.request('/api/search?q=peacekeeping', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(KEY);
    expect((await app.request('/api/search?q=peacekeeping', { headers: { Authorization: `Bearer ${KEY}` } })).status).toBe(200);
  });

  it('leaves health open, and the widget path open to its own page and allowed origins only', async () => {
    const app = appWith({ security: { apiKeys: [KEY] }, allowedOrigins: ['https://docs.example.com'] });
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/ask', postJson(QUESTION, { Origin: 'http://localhost' }))).status).toBe(200);
    expect((await app.request('/api/ask', postJson(QUESTION, { Origin: 'https://docs.example.com' }))).status).toBe(200);
    // Not a page: no Origin.
    expect((await app.request('/api/ask', postJson(QUESTION))).status).toBe(401);
    // A page, but not the widget's path.
    expect((await app.request('/api/search?q=peacekeeping', { headers: { Origin: 'http://localhost' } })).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and a JSON error past the per-minute limit', async () => {
    const app = appWith({ limits: { ratePerMinute: 3 } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const response = await app.request('/api/search?q=peacekeeping');
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited!.json()).error.code).toBe('rate_limited');
    // Health is never rate limited: a load balancer must always get through.
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('counts a key’s requests in its own bucket, and widget callers against the widget limit', async () => {
    const app = appWith({ security: { apiKeys: ['a-key', 'b-key'] }, limits: { ratePerMinute: 2, widgetRatePerMinute: 1 } });
    const withKey = (key: string) => app.request('/api/search?q=peacekeeping', { headers: { Authorization: `Bearer ${key}` } });
    expect([(await withKey('a-key')).status, (await withKey('a-key')).status, (await withKey('a-key')).status]).toEqual([200, 200, 429]);
    expect((await withKey('b-key')).status).toBe(200);
    const widget = () => app.request('/api/ask', postJson(QUESTION, { Origin: 'http://localhost' }));
    expect([(await widget()).status, (await widget()).status]).toEqual([200, 429]);
  });

  it('is off at 0', async () => {
    const app = appWith({ limits: { ratePerMinute: 0 } });
    for (let i = 0; i < 10; i++) expect((await app.request('/api/search?q=peacekeeping')).status).toBe(200);
  });
});

describe('load shedding', () => {
  it('queues past MAX_IN_FLIGHT and refuses past MAX_QUEUED with 503 and Retry-After', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Docent = { ...docent, search: async (query, k) => (await gate, docent.search(query, k)) };
    const config = { ...docent.config, limits: { ...docent.config.limits, maxInFlight: 1, maxQueued: 1, ratePerMinute: 0 } };
    const app = createApp({ ...slow, config }, { webAssets });
    const first = app.request('/api/search?q=one');
    const second = app.request('/api/search?q=two');
    const third = await app.request('/api/search?q=three');
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('1');
    expect((await third.json()).error.code).toBe('busy');
    release();
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
  });

  it('answers 503 when a request outlives REQUEST_TIMEOUT_MS, and the pipeline is told to stop', async () => {
    let aborted = false;
    const stuck: Docent = {
      ...docent,
      ask: (_question, { signal } = {}) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => ((aborted = true), reject(signal.reason)), { once: true })),
    };
    const config = { ...docent.config, limits: { ...docent.config.limits, requestTimeoutMs: 100 } };
    const response = await createApp({ ...stuck, config }, { webAssets }).request('/api/ask', postJson(QUESTION));
    expect(response.status).toBe(503);
    expect(aborted).toBe(true);
  });
});
