import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { stdoutRequestLog, type RequestLogEntry } from '../../src/server/middleware/request-log.js';
import type { Docent } from '../../src/service.js';
import { postJson } from '../helpers/app.js';
import { openTestDocent } from '../helpers/fixtures.js';

let docent: Docent;
const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';

beforeAll(async () => {
  docent = await openTestDocent();
});
afterEach(() => vi.restoreAllMocks());

function loggedApp(logQuestions = false) {
  const entries: RequestLogEntry[] = [];
  const config = { ...docent.config, observability: { ...docent.config.observability, logQuestions } };
  const app = createApp({ ...docent, config } as Docent, { webAssets: new Map(), log: (entry) => entries.push(entry) });
  return { app, entries };
}

describe('request log', () => {
  it('writes one line per request with the id returned as X-Request-Id, and no question text', async () => {
    const { app, entries } = loggedApp();
    const response = await app.request('/api/ask', postJson({ question: QUESTION }));
    await app.request('/api/search?q=secret+search+words');
    await app.request('/api/ask', postJson({ question: '' }));
    expect(entries).toHaveLength(3);
    const [ask, search, invalid] = entries as [RequestLogEntry, RequestLogEntry, RequestLogEntry];
    expect(ask).toMatchObject({ msg: 'request', level: 'info', method: 'POST', path: '/api/ask', route: '/api/ask', status: 200, caller: 'open' });
    expect(ask.requestId).toBe(response.headers.get('X-Request-Id'));
    expect(ask.durationMs).toBeGreaterThanOrEqual(0);
    expect(search.path).toBe('/api/search');
    expect(invalid).toMatchObject({ status: 400, level: 'warn' });
    expect(JSON.stringify(entries)).not.toMatch(/Mongolia|secret/);
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const { app, entries } = loggedApp();
    const kept = await app.request('/api/health', { headers: { 'X-Request-Id': 'trace-123' } });
    expect(kept.headers.get('X-Request-Id')).toBe('trace-123');
    const replaced = await app.request('/api/health', { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries.map((entry) => entry.requestId)).toEqual(['trace-123', replaced.headers.get('X-Request-Id')]);
  });

  it('logs refused and not-found requests too, each with an id', async () => {
    const { app, entries } = loggedApp();
    const refused = await app.request('/api/ask', { ...postJson({ question: QUESTION }), headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' } });
    const missing = await app.request('/no/such/page');
    for (const response of [refused, missing]) expect(response.headers.get('X-Request-Id')).toBeTruthy();
    expect(entries.map((entry) => entry.status)).toEqual([403, 404]);
  });

  it('includes the question, claim or query only with LOG_QUESTIONS', async () => {
    const { app, entries } = loggedApp(true);
    await app.request('/api/ask', postJson({ question: QUESTION }));
    await app.request('/api/verify', postJson({ claim: 'China and Mongolia held an exercise.' }));
    await app.request('/api/search?q=joint+exercise');
    await app.request('/v1/chat/completions', postJson({ model: 'docent', messages: [{ role: 'user', content: 'Who trained peacekeepers?' }] }));
    expect(entries.map((entry) => entry.question)).toEqual([QUESTION, 'China and Mongolia held an exercise.', 'joint exercise', 'Who trained peacekeepers?']);
  });

  it('prints JSON lines when stdout is not a terminal, readable lines when asked', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const entry: RequestLogEntry = { time: '2025-01-01T00:00:00.000Z', level: 'info', msg: 'request', requestId: 'abc', method: 'GET', path: '/api/health', route: '/api/health', status: 200, durationMs: 1.5, client: '127.0.0.1' };
    stdoutRequestLog('json')(entry);
    stdoutRequestLog('text')(entry);
    expect(JSON.parse(String(write.mock.calls[0]![0]))).toEqual(entry);
    expect(String(write.mock.calls[1]![0])).toBe('2025-01-01T00:00:00.000Z GET /api/health 200 1.5ms id=abc client=127.0.0.1\n');
  });
});
