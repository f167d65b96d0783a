import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDocent } from '../helpers/fixtures.js';
import { postJson, testApp } from '../helpers/app.js';

let app: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  app = await testApp(await openTestDocent());
});

async function expectCleanResponse(response: Response) {
  expect(response.status).toBeLessThan(500);
  const body = await response.text();
  if (response.status >= 400) {
    const parsed = JSON.parse(body);
    expect(typeof parsed.error.code).toBe('string');
    expect(typeof parsed.error.message).toBe('string');
  }
  expect(body).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe('the server under arbitrary input', () => {
  it('answers any JSON body on /api/ask with a result or a JSON 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ question: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.jsonValue()), topK: fc.oneof(fc.integer(), fc.jsonValue()) }, { requiredKeys: [] }),
          fc.record({ question: fc.string({ minLength: 1, maxLength: 50 }), history: fc.jsonValue(), stream: fc.jsonValue() }, { requiredKeys: ['question'] }),
        ),
        async (body) => expectCleanResponse(await app.request('/api/ask', postJson(body))),
      ),
      { numRuns: 150 },
    );
  });

  it('answers raw, non-JSON bodies and odd content types with a JSON 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''), async (body, type) => {
        await expectCleanResponse(await app.request('/api/ask', { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body }));
      }),
      { numRuns: 100 },
    );
  });

  it('answers arbitrary search queries and source paths without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string(), async (query, k) => {
        await expectCleanResponse(await app.request(`/api/search?q=${encodeURIComponent(query)}&k=${encodeURIComponent(k)}`));
        await expectCleanResponse(await app.request(`/api/sources/${encodeURIComponent(query)}`));
      }),
      { numRuns: 100 },
    );
  });
});
