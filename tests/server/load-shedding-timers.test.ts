import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSignal, startDeadline } from '../../src/server/deadline.js';
import { loadShedding } from '../../src/server/middleware/load-shedding.js';

/**
 * Found by `npm run soak`: the per-request deadline was an AbortSignal.timeout, whose timer outlived
 * the request and kept it (and the signals combined with it) in memory for REQUEST_TIMEOUT_MS, so the
 * heap grew with the request rate (≈ +220 MiB RSS in a 10 s soak). A finished request leaves no timer.
 * Then: a stream's listener on an `AbortSignal.any` of the client's signal and the deadline kept the
 * stream in Node 20's set of listened-to combined signals until the deadline fired; the deadline is now
 * one plain signal that the client's going away aborts too.
 */
describe('load shedding deadlines', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function app() {
    return new Hono()
      .use('*', loadShedding({ maxInFlight: 4, maxQueued: 0, timeoutMs: 30_000 }))
      .get('/json', (c) => c.json({ aborted: requestSignal(c).aborted }))
      .get('/fails', () => {
        throw new Error('boom');
      })
      .get('/stream', (c) => streamSSE(c, async (stream) => stream.writeSSE({ data: 'x' })));
  }

  it('clears the deadline timer when an answer (or a failure) is done', async () => {
    // AbortSignal.timeout's timer cannot be cleared (nor seen by fake timers): the deadline must be a plain timer.
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    const any = vi.spyOn(AbortSignal, 'any');
    const server = app();
    for (let i = 0; i < 50; i++) expect((await server.request('/json')).status).toBe(200);
    expect((await server.request('/fails')).status).toBe(500);
    expect(vi.getTimerCount()).toBe(0);
    expect(timeout).not.toHaveBeenCalled();
    expect(any).not.toHaveBeenCalled();
  });

  it('aborts the deadline when the client goes away; released, it holds no timer and no listener', () => {
    const client = new AbortController();
    const deadline = startDeadline(client.signal, 30_000);
    const removed = vi.spyOn(client.signal, 'removeEventListener');
    deadline.release();
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(vi.getTimerCount()).toBe(0);
    const leaving = new AbortController();
    const cut = startDeadline(leaving.signal, 30_000);
    leaving.abort(new Error('client went away'));
    expect(cut.signal.reason).toEqual(new Error('client went away'));
    cut.release();
  });

  it('keeps the deadline of a stream while it runs', async () => {
    const response = await app().request('/stream');
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(vi.getTimerCount()).toBe(1);
    await response.text();
  });
});
