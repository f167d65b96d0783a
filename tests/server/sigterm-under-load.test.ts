import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm-server.js';
import { makeCorpus, tempDir } from '../helpers/fixtures.js';
import { startServer, until, type ServerProcess } from '../helpers/processes.js';

/**
 * Issue 11, "SIGTERM under load": the real server process (`node --import tsx src/cli/main.ts serve`,
 * what `npm start` execs) gets SIGTERM while keep-alive clients keep sending and a slow chat stream is
 * open. Every request the server accepted must complete successfully, new connections must be
 * refused from then on, and the process must exit 0 within SHUTDOWN_TIMEOUT_MS plus a margin.
 *
 * "Accepted" is what the server logged (LOG_REQUESTS, one line per request with the client's own
 * X-Request-Id): a request a client sent on a keep-alive socket the server was closing never
 * reaches a handler, is not logged, and fails on the client like a refused connection.
 */

const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Start-up of tsx and exit after the drain; the stream itself takes about 2 s. */
const EXIT_MARGIN_MS = 10_000;

interface Outcome {
  id: string;
  route: string;
  /** HTTP status, or the error that ended the request before a complete body arrived. */
  status?: number;
  complete: boolean;
  error?: string;
}

let llm: FakeLlm | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  await llm?.close();
});

const json = { 'Content-Type': 'application/json' };
const QUESTION = 'Who invented the moka pot?';
interface Call {
  route: string;
  path: string;
  init: { method?: string; headers?: Record<string, string>; body?: string };
}

const REQUESTS: readonly Call[] = [
  { route: 'POST /api/ask', path: '/api/ask', init: { method: 'POST', headers: json, body: JSON.stringify({ question: QUESTION }) } },
  { route: 'GET /api/search', path: `/api/search?q=${encodeURIComponent('moka pot')}`, init: {} },
  {
    route: 'POST /v1/chat/completions (stream)',
    path: '/v1/chat/completions',
    init: { method: 'POST', headers: json, body: JSON.stringify({ model: 'docent', stream: true, messages: [{ role: 'user', content: QUESTION }] }) },
  },
];

let counter = 0;

/** One request with its own id; the body is read to the end (a stream must end with [DONE]). */
async function send(base: string, request: Call, onFirstChunk?: () => void): Promise<Outcome> {
  const id = `sigterm-${process.pid}-${++counter}`;
  try {
    const response = await fetch(`${base}${request.path}`, { ...request.init, headers: { ...request.init.headers, 'X-Request-Id': id } });
    let body = '';
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      body += decoder.decode(read.value, { stream: true });
      onFirstChunk?.();
    }
    const complete = request.route.includes('stream') ? body.trimEnd().endsWith('data: [DONE]') && !body.includes('server_error') : body.length > 0;
    return { id, route: request.route, status: response.status, complete };
  } catch (error) {
    return { id, route: request.route, complete: false, error: String((error as Error).cause ?? error) };
  }
}

/** True when a fresh TCP connection to the server is refused. */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('SIGTERM under load (a real server process)', () => {
  it('finishes every accepted request and the open stream, refuses new connections, exits 0 in time', async () => {
    llm = await startFakeLlm();
    // The chat stream's answer arrives word by word over about 2 s, so it is open when the signal comes.
    llm.respond((request) => (request.stream ? { text: 'The moka pot was invented by Alfonso Bialetti in 1933 [1]. It brews coffee on a stove with steam pressure.', chunkDelayMs: 100 } : { text: 'Alfonso Bialetti invented it [1].', delayMs: 300 }));
    const corpus = await makeCorpus({ 'guide.md': 'The moka pot was invented by Alfonso Bialetti in 1933. It brews coffee on a stove.\n' });
    server = await startServer({
      CORPUS_DIR: corpus,
      INDEX_DIR: await tempDir(),
      WATCH: '0',
      LOG_REQUESTS: '1',
      LOG_FORMAT: 'text',
      LLM_BASE_URL: llm.baseUrl,
      LLM_MODEL: 'fake',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      RATE_LIMIT_PER_MIN: '0',
    });
    const base = server.url;
    const port = Number(new URL(base).port);
    await until(async () => (await fetch(`${base}/api/health`).then((response) => response.json() as Promise<{ state?: string }>)).state === 'ready', 'the index to be ready');

    // Keep-alive clients, each sending the routes in turn until the server stops answering.
    let stopping = false;
    const outcomes: Outcome[] = [];
    const clients = Array.from({ length: 6 }, async (_, client) => {
      for (let i = client; ; i++) {
        const outcome = await send(base, REQUESTS[i % REQUESTS.length]!);
        outcomes.push(outcome);
        if (stopping && !outcome.complete) return;
      }
    });
    // The stream starts once the load runs, so that on a loaded machine the wait for the load does not use up
    // its 2 s: it must still be open (the server draining) when the refusal of new connections is observed.
    await until(() => outcomes.length >= 12, 'load', 60_000);
    let streamOpen = false;
    const stream = send(base, REQUESTS[2]!, () => (streamOpen = true));
    await until(() => streamOpen, 'an open stream', 60_000);

    const signalledAt = performance.now();
    server.child.kill('SIGTERM');
    stopping = true;
    await until(() => refused(port), 'new connections to be refused', 5_000);
    const refusedWhileDraining = server.child.exitCode === null;
    const exitCode = await server.exited;
    const exitMs = performance.now() - signalledAt;
    const streamOutcome = await stream;
    await Promise.all(clients);
    outcomes.push(streamOutcome);

    expect(exitCode).toBe(0);
    expect(exitMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_MARGIN_MS);
    expect(refusedWhileDraining).toBe(true);
    expect(streamOutcome).toMatchObject({ status: 200, complete: true });

    const accepted = new Set([...server.output().matchAll(/ id=(sigterm-\S+)/g)].map((match) => match[1]!));
    const failedInFlight = outcomes.filter((outcome) => accepted.has(outcome.id) && !(outcome.status === 200 && outcome.complete));
    expect(failedInFlight).toEqual([]);
    // Requests that failed were never accepted: the clients met a closed socket, not a broken answer.
    expect(outcomes.filter((outcome) => !outcome.complete).every((outcome) => outcome.status === undefined && !accepted.has(outcome.id))).toBe(true);
    expect(accepted.size).toBeGreaterThanOrEqual(13);
    expect(await refused(port)).toBe(true);
  }, 240_000);
});
