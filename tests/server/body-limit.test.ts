import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { declaredBodyLimit } from '../../src/server/middleware/body-limit.js';

function limitedApp(maxSize: number) {
  const app = new Hono();
  app.use('*', declaredBodyLimit({ maxSize, onError: (c) => c.json({ error: 'too large' }, 413) }));
  app.post('/echo', async (c) => c.json(await c.req.json()));
  app.get('/echo', (c) => c.text('get'));
  return app;
}

/** A body of unknown length: sent chunked, so only counting it tells its size. */
const streamed = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe('declaredBodyLimit', () => {
  const app = limitedApp(32);

  it('refuses a declared size over the limit and passes one within it', async () => {
    const over = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '33' }, body: '{}' });
    expect(over.status).toBe(413);
    const within = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '10' }, body: '{"a":"b"}' });
    expect(await within.json()).toEqual({ a: 'b' });
  });

  it('counts a body without a declared size', async () => {
    const over = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamed(JSON.stringify({ long: 'x'.repeat(64) })), duplex: 'half' } as RequestInit);
    expect(over.status).toBe(413);
    const within = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamed('{"a":1}'), duplex: 'half' } as RequestInit);
    expect(await within.json()).toEqual({ a: 1 });
    expect((await app.request('/echo')).status).toBe(200);
  });

  it('reads the JSON of a real HTTP request (node-server) and refuses an oversized one', async () => {
    const server = serve({ fetch: limitedApp(64).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
    try {
      const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(await (await post('{"question":"Who?"}')).json()).toEqual({ question: 'Who?' });
      expect((await post(JSON.stringify({ question: 'x'.repeat(100) }))).status).toBe(413);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
