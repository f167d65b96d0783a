import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { openTestDocent } from '../helpers/fixtures.js';

let app: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  app = await testApp(await openTestDocent());
});

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document of every route, generated from the request schemas', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Docent API');
    for (const route of ['/api/ask', '/api/search', '/api/sources/{source}', '/api/health', '/api/verify', '/v1/chat/completions', '/v1/models']) {
      expect(Object.keys(doc.paths), route).toContain(route);
    }
    const verifyRequest = doc.components.schemas.VerifyRequest;
    expect(verifyRequest.required).toEqual(['claim']);
    expect(verifyRequest.properties.claim).toMatchObject({ type: 'string', minLength: 1, maxLength: 2000 });
    expect(doc.components.schemas.VerifyResponse.properties.verdict).toBeDefined();
    expect(doc.components.schemas.Verdict.enum).toEqual(['supported', 'partially_supported', 'contradicted', 'not_found']);
    expect(doc.components.schemas.Citation.properties.support).toBeDefined();
    expect(doc.components.schemas.AskResponse.properties.verification).toBeDefined();
    expect(doc.components.schemas.ChatCompletionRequest.required).toContain('messages');
    expect(Object.keys(doc.paths['/v1/chat/completions'].post.responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
  });
});

describe('GET /docs', () => {
  it('serves a reference page whose assets all come from this server (works offline)', async () => {
    const response = await app.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(expect.arrayContaining(['/docs/assets/swagger-ui.css', '/docs/assets/swagger-ui-bundle.js', '/docs/init.js']));
    for (const asset of assets.filter((url) => url.startsWith('/docs'))) {
      const assetResponse = await app.request(asset);
      expect(assetResponse.status, asset).toBe(200);
      expect((await assetResponse.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    expect(await (await app.request('/docs/init.js')).text()).toContain("url: '/openapi.json'");
    expect((await app.request('/docs/assets/swagger-ui-bundle.js')).headers.get('content-type')).toContain('javascript');
  });

  it('answers 404 for files it does not serve', async () => {
    expect((await app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
    expect((await app.request('/docs/assets/index.html')).status).toBe(404);
  });
});
