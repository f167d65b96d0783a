import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { normalizeOrigin } from '../../src/server/middleware/cross-origin.js';
import { loadWebAssets, type WebAsset } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';
import { openTestDocent } from '../helpers/fixtures.js';
import { postJson } from '../helpers/app.js';

const SELF = 'http://docent.test';
const ALLOWED = 'https://docs.example.com';
const OTHER = 'https://evil.example';

let docent: Docent;
let webAssets: Map<string, WebAsset>;

beforeAll(async () => {
  docent = await openTestDocent();
  webAssets = await loadWebAssets();
});

/** An app with ALLOWED_ORIGINS = `allowedOrigins`, answering to any host name (this file's requests use docent.test). */
function appWith(allowedOrigins: string[], { trustProxy = false } = {}) {
  const security = { ...docent.config.security, allowedHosts: [], trustProxy };
  return createApp({ ...docent, config: { ...docent.config, allowedOrigins, security } }, { webAssets });
}

const ask = (origin?: string) => new Request(`${SELF}/api/ask`, postJson({ question: 'peacekeeping training' }, origin ? { Origin: origin } : {}));
const preflight = (origin: string) =>
  new Request(`${SELF}/api/ask`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });

describe('the cross-origin policy', () => {
  it('always allows same-origin requests: no Origin header, or the server’s own', async () => {
    const app = appWith([]);
    for (const request of [ask(), ask(SELF)]) {
      const response = await app.request(request);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it('treats the origin a TLS-terminating proxy forwards for as its own, only when TRUST_PROXY says a proxy is there', async () => {
    const request = () => new Request(`${SELF}/api/health`, { headers: { Origin: 'https://docent.test', 'X-Forwarded-Proto': 'https' } });
    expect((await appWith([], { trustProxy: true }).request(request())).status).toBe(200);
    // Without a trusted proxy, a forwarded header is the client's own claim.
    expect((await appWith([]).request(request())).status).toBe(403);
    const wrongScheme = new Request(`${SELF}/api/health`, { headers: { Origin: 'https://docent.test' } });
    expect((await appWith([], { trustProxy: true }).request(wrongScheme)).status).toBe(403);
  });

  it('answers cross-origin requests with 403 forbidden_origin by default, readable by the calling page', async () => {
    const response = await appWith([]).request(ask(OTHER));
    expect(response.status).toBe(403);
    // CORS headers on the refusal, so a misconfigured widget can show the reason instead of "network error".
    expect(response.headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect((await response.json()).error.code).toBe('forbidden_origin');
  });

  it('lets the preflight of an unlisted origin through to that 403, allowing only the fixed headers', async () => {
    const request = new Request(`${SELF}/api/ask`, { method: 'OPTIONS', headers: { Origin: OTHER, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-forwarded-host' } });
    const response = await appWith([ALLOWED]).request(request);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).not.toMatch(/forwarded/i);
    expect((await appWith([ALLOWED]).request(ask(OTHER))).status).toBe(403);
  });

  it('answers the preflight of a listed origin', async () => {
    const response = await appWith([`${ALLOWED}/`]).request(preflight(ALLOWED));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('echoes a listed origin on answers, streams, sources and errors', async () => {
    const app = appWith([ALLOWED, 'http://localhost:3000']);
    const requests = [
      ask(ALLOWED),
      new Request(`${SELF}/api/ask`, postJson({ question: 'peacekeeping training', stream: true }, { Origin: ALLOWED })),
      new Request(`${SELF}/api/sources/missing.md`, { headers: { Origin: ALLOWED } }),
      new Request(`${SELF}/api/ask`, postJson({ question: '' }, { Origin: ALLOWED })),
    ];
    const statuses = [];
    for (const request of requests) {
      const response = await app.request(request);
      statuses.push(response.status);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(response.headers.get('vary')).toMatch(/Origin/);
      await response.text();
    }
    expect(statuses).toEqual([200, 200, 404, 400]);
    expect((await app.request(ask('http://localhost:3000'))).headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect((await app.request(ask('http://localhost:3001'))).status).toBe(403);
  });

  it('allows any origin only when `*` is listed explicitly', async () => {
    const response = await appWith(['*']).request(ask(OTHER));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(OTHER);
  });

  it('treats the opaque origin "null" as foreign', async () => {
    expect((await appWith([]).request(ask('null'))).status).toBe(403);
  });

  it('checks the origin before reading the body', async () => {
    const response = await appWith([]).request(new Request(`${SELF}/api/ask`, postJson({ question: 'x', padding: 'y'.repeat(70 * 1024) }, { Origin: OTHER })));
    expect(response.status).toBe(403);
  });

  it('serves widget.js to any site, and the chat page without CORS headers', async () => {
    const app = appWith([]);
    const widget = await app.request(new Request(`${SELF}/widget.js`, { headers: { Origin: OTHER } }));
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toContain('javascript');
    expect(widget.headers.get('access-control-allow-origin')).toBe('*');
    expect(await widget.text()).toContain('docent-chat');
    const page = await app.request(new Request(`${SELF}/`, { headers: { Origin: OTHER } }));
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('normalizes listed origins', () => {
    expect(normalizeOrigin('HTTPS://Docs.Example.com:443/')).toBe('https://docs.example.com');
    expect(normalizeOrigin(' http://localhost:3000 ')).toBe('http://localhost:3000');
    expect(normalizeOrigin('*')).toBe('*');
  });
});
