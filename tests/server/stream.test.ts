import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AskOptions, AskResult, Docent } from '../../src/service.js';
import { readEvents, type ServerSentEvent } from '../helpers/sse.js';
import { DEFAULT_CORPUS, DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';
import { postJson, testApp } from '../helpers/app.js';

let docent: Docent;
let app: Awaited<ReturnType<typeof testApp>>;
const corpusText = fs.readFileSync(path.join(DEFAULT_CORPUS, DEFAULT_SOURCE), 'utf8');
const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';

beforeAll(async () => {
  docent = await openTestDocent();
  app = await testApp(docent);
});

async function collect(response: Response): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readEvents(response.body!)) events.push(event);
  return events;
}

const withoutTimings = ({ timings: _timings, ...rest }: AskResult) => rest;

describe('POST /api/ask as Server-Sent Events', () => {
  it('sends passages, then deltas, then done carrying exactly the non-streaming body', async () => {
    const response = await app.request('/api/ask', postJson({ question: QUESTION, stream: true }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await collect(response);
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('passages');
    expect(names.at(-1)).toBe('done');
    expect(names.slice(1, -1).length).toBeGreaterThanOrEqual(1);
    expect(new Set(names.slice(1, -1))).toEqual(new Set(['delta']));

    const passages = JSON.parse(events[0]!.data);
    const done = JSON.parse(events.at(-1)!.data) as AskResult;
    const deltas = events.slice(1, -1).map((event) => JSON.parse(event.data).text as string);
    expect(deltas.join('')).toBe(done.answer);
    expect(passages).toEqual({ passages: done.passages, standaloneQuestion: done.standaloneQuestion });

    const plain = (await (await app.request('/api/ask', postJson({ question: QUESTION }))).json()) as AskResult;
    expect(Object.keys(done).sort()).toEqual(Object.keys(plain).sort());
    expect(withoutTimings(done)).toEqual(withoutTimings(plain));
    expect(done.answerable).toBe(true);
    for (const citation of done.citations) expect(citation.quote).toBe(corpusText.slice(citation.start, citation.end));
  });

  it('streams on Accept: text/event-stream, and "stream": false overrides it', async () => {
    const accept = { Accept: 'text/event-stream' };
    const streamed = await app.request('/api/ask', postJson({ question: QUESTION }, accept));
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await collect(streamed)).at(-1)!.event).toBe('done');
    const plain = await app.request('/api/ask', postJson({ question: QUESTION, stream: false }, accept));
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('streams a declined answer the same way', async () => {
    const events = await collect(await app.request('/api/ask', postJson({ question: 'Who won the 2018 FIFA World Cup?', stream: true })));
    const done = JSON.parse(events.at(-1)!.data);
    expect(done).toMatchObject({ answerable: false, citations: [] });
    expect(done.answer).toMatch(/not found in the documents/i);
  });

  it.each([
    ['an empty question', { question: '', stream: true }, 'question'],
    ['a non-boolean stream', { question: 'ok', stream: 'yes' }, 'stream'],
    ['a turn with an unknown role', { question: 'ok', stream: true, history: [{ role: 'system', content: 'x' }] }, 'history'],
    ['a turn over 4000 characters', { question: 'ok', stream: true, history: [{ role: 'user', content: 'x'.repeat(4001) }] }, 'history'],
    ['21 turns', { question: 'ok', stream: true, history: Array.from({ length: 21 }, () => ({ role: 'user', content: 'hi' })) }, 'history'],
    ['a history that is not a list', { question: 'ok', stream: true, history: 'hello' }, 'history'],
  ])('answers %s with a JSON 400 even when streaming was asked for', async (_name, body, field) => {
    const response = await app.request('/api/ask', postJson(body, { Accept: 'text/event-stream' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(field);
  });

  it('accepts 20 turns of history, and a turn of 4000 characters', async () => {
    // 20 × 4000 characters would exceed the 64 KiB body limit; the web client keeps its history under it.
    const history = Array.from({ length: 20 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: (i === 0 ? 'x'.repeat(4000) : 'y'.repeat(2000)) }));
    expect((await app.request('/api/ask', postJson({ question: QUESTION, history }))).status).toBe(200);
  });

  it('resolves a follow-up against the previous turn before retrieval and reports what it searched for', async () => {
    const first = (await (await app.request('/api/ask', postJson({ question: QUESTION }))).json()) as AskResult;
    const history = [
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: first.answer },
    ];
    const events = await collect(await app.request('/api/ask', postJson({ question: 'and when was that?', history, stream: true })));
    const passages = JSON.parse(events[0]!.data);
    const done = JSON.parse(events.at(-1)!.data) as AskResult;
    expect(done.standaloneQuestion).not.toBe('and when was that?');
    expect(done.standaloneQuestion).toContain('Mongolia');
    expect(passages.standaloneQuestion).toBe(done.standaloneQuestion);
    expect(done.answer).toContain('2009');
  });

  it('reports a failure after the stream started as an error event, without details', async () => {
    const failing: Docent = {
      ...docent,
      ask: async (question, options: AskOptions = {}) => {
        options.onEvent?.({ type: 'passages', passages: [], standaloneQuestion: question });
        throw new Error('secret internals');
      },
    };
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const events = await collect(await (await testApp(failing)).request('/api/ask', postJson({ question: 'x', stream: true })));
      expect(events.map((event) => event.event)).toEqual(['passages', 'error']);
      expect(JSON.parse(events[1]!.data)).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
      expect(events[1]!.data).not.toContain('secret');
    } finally {
      errorLog.mockRestore();
    }
  });
});

describe('a client that disconnects mid-stream', () => {
  let server: ReturnType<typeof serve>;
  let base: string;
  let seen: { signal?: AbortSignal; settled?: 'resolved' | 'rejected' } = {};
  let release: () => void = () => {};

  beforeAll(async () => {
    // An ask that sends its passages and then works until it is aborted.
    const slow: Docent = {
      ...docent,
      ask: (question, options: AskOptions = {}) => {
        // Background work (the suggested questions) asks without a signal: answered as usual.
        if (!options.signal) return docent.ask(question, options);
        seen = { signal: options.signal };
        options.onEvent?.({ type: 'passages', passages: [], standaloneQuestion: question });
        options.onEvent?.({ type: 'delta', text: 'Thinking' });
        const work = new Promise<AskResult>((_resolve, reject) => {
          const stop = () => reject(options.signal!.reason ?? new Error('aborted'));
          release = stop;
          options.signal!.addEventListener('abort', stop, { once: true });
        });
        work.then(
          () => (seen.settled = 'resolved'),
          () => (seen.settled = 'rejected'),
        );
        return work;
      },
    };
    const slowApp = await testApp(slow);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: slowApp.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    release();
    await new Promise((resolve) => server.close(resolve));
  });

  it('aborts the work and leaves the server serving', async () => {
    const errors = vi.spyOn(console, 'error');
    const controller = new AbortController();
    const response = await fetch(`${base}/api/ask`, { ...postJson({ question: 'anything', stream: true }), signal: controller.signal });
    const reader = readEvents(response.body!);
    expect((await reader.next()).value).toMatchObject({ event: 'passages' });
    expect((await reader.next()).value).toMatchObject({ event: 'delta' });
    expect(seen.signal?.aborted).toBe(false);
    controller.abort();
    await vi.waitFor(() => expect(seen.signal?.aborted).toBe(true), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(seen.settled).toBe('rejected'), { timeout: 10_000, interval: 20 });
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
