import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.js';
import { openTestDocent } from '../helpers/fixtures.js';

/**
 * "Try it out" on /docs pre-fills each route's example: every one must be a real request against the
 * default corpus that succeeds when executed exactly as shown.
 */

type Parameter = { name: string; in: 'path' | 'query' | 'header'; example?: unknown; schema?: { example?: unknown }; required?: boolean };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { example?: unknown }> } };

let app: Awaited<ReturnType<typeof testApp>>;
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  app = await testApp(await openTestDocent());
  paths = (await (await app.request('/openapi.json')).json()).paths;
});

const exampleOf = (parameter: Parameter) => parameter.example ?? parameter.schema?.example;

/** The request Swagger UI sends for an operation with its examples filled in. */
function exampleRequest(path: string, method: string, operation: Operation): { url: string; init: RequestInit } | undefined {
  let url = path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    const example = exampleOf(parameter);
    if (example === undefined) continue;
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(example)));
    if (parameter.in === 'query') query.set(parameter.name, String(example));
  }
  if (/\{\w+\}/.test(url)) return undefined;
  if (query.size) url += `?${query}`;
  const json = operation.requestBody?.content['application/json'];
  if (operation.requestBody && !json) return undefined; // multipart uploads: no JSON example to execute
  const init: RequestInit = { method: method.toUpperCase() };
  if (json) init.body = JSON.stringify(json.example);
  if (json) init.headers = { 'Content-Type': 'application/json' };
  return { url, init };
}

describe('/docs examples', () => {
  it('gives every JSON request body a request-level example, with no placeholder values', () => {
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const json = operation.requestBody?.content['application/json'];
        if (!json) continue;
        expect(json.example, `${method} ${path}`).toBeDefined();
        const text = JSON.stringify(json.example);
        expect(text, `${method} ${path}`).not.toMatch(/"string"|"stream":true|"topK":1\b/);
      }
    }
  });

  it('succeeds for every route when executed as shown', async () => {
    const executed: string[] = [];
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        // Admin routes need a key that an example cannot carry.
        if (method === 'delete') continue;
        const request = exampleRequest(path, method, operation);
        if (!request) continue;
        const response = await app.request(request.url, request.init);
        expect(response.status, `${method} ${request.url}: ${await response.clone().text()}`).toBeLessThan(300);
        executed.push(`${method} ${path}`);
        if (path === '/api/ask') {
          const body = await response.json();
          expect(body.answerable).toBe(true);
          expect(body.citations.length).toBeGreaterThan(0);
        }
        if (path === '/api/verify') expect((await response.json()).verdict).toBe('supported');
      }
    }
    expect(executed).toEqual(expect.arrayContaining(['post /api/ask', 'post /api/verify', 'post /v1/chat/completions', 'post /api/feedback', 'get /api/search', 'get /api/sources/{source}']));
  });
});
