import type { Context, MiddlewareHandler } from 'hono';
import type { AuthVariables } from './api-keys.js';
import { clientAddress } from './client.js';

/** One line per request. `question` only with LOG_QUESTIONS=1: questions may be private. */
export interface RequestLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  requestId: string;
  method: string;
  /** Without the query string (a search query is a question too). */
  path: string;
  /** The route pattern that answered, e.g. `/api/sources/*`. */
  route: string;
  status: number;
  /** Until the response headers (a stream may go on after). */
  durationMs: number;
  client: string;
  /** `key:<id>` (a hash, never the key), `widget` or `open`; absent where no key check ran. */
  caller?: string;
  question?: string;
}

export type RequestLogSink = (entry: RequestLogEntry) => void;

export interface RequestLogOptions {
  sink: RequestLogSink;
  trustProxy: boolean;
  logQuestions: boolean;
}

const MAX_LOGGED_QUESTION = 500;

/**
 * The question a request carries, from the JSON body its handler already parsed (never read here:
 * a refused request's body stays unread): `question` (ask), `claim` (verify), the last user message
 * (/v1 chat), MCP tool arguments; or `q` (search).
 */
async function questionOf(c: Context): Promise<string | undefined> {
  const query = c.req.query('q');
  if (query) return query;
  if (!c.req.bodyCache.json && !c.req.bodyCache.text && !c.req.bodyCache.arrayBuffer) return undefined;
  const body = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  const args = ((body?.params as Record<string, unknown> | undefined)?.arguments ?? {}) as Record<string, unknown>;
  const messages = Array.isArray(body?.messages) ? (body.messages as Array<{ role?: unknown; content?: unknown }>) : [];
  const lastUser = messages.filter((message) => message.role === 'user').at(-1)?.content;
  const found = [body?.question, body?.claim, lastUser, args.question, args.claim, args.query].find((value) => typeof value === 'string');
  return typeof found === 'string' ? found.slice(0, MAX_LOGGED_QUESTION) : undefined;
}

function callerOf(c: Context): string | undefined {
  const caller = (c.var as Partial<AuthVariables>).caller;
  if (!caller) return undefined;
  return caller.kind === 'key' ? `key:${caller.id}` : caller.kind;
}

/** Logs every request once it is answered; runs after `hono/request-id` (whose id it logs). */
export function requestLog(options: RequestLogOptions): MiddlewareHandler<{ Variables: { requestId: string } & Partial<AuthVariables> }> {
  return async (c, next) => {
    const startedAt = performance.now();
    try {
      await next();
    } finally {
      const { status } = c.res;
      const question = options.logQuestions ? await questionOf(c) : undefined;
      const caller = callerOf(c);
      options.sink({
        time: new Date().toISOString(),
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        msg: 'request',
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        route: c.req.routePath,
        status,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        client: clientAddress(c, options.trustProxy),
        ...(caller ? { caller } : {}),
        ...(question !== undefined ? { question } : {}),
      });
    }
  };
}

const formatText = (entry: RequestLogEntry) =>
  `${entry.time} ${entry.method} ${entry.path} ${entry.status} ${entry.durationMs}ms id=${entry.requestId} client=${entry.client}` +
  (entry.caller ? ` caller=${entry.caller}` : '') +
  (entry.question !== undefined ? ` question=${JSON.stringify(entry.question)}` : '');

/** Writes lines to stdout: JSON (one object per line) for log collectors, readable text on a terminal when `auto`. */
export function stdoutRequestLog(format: 'auto' | 'json' | 'text'): RequestLogSink {
  const json = format === 'json' || (format === 'auto' && !process.stdout.isTTY);
  return (entry) => process.stdout.write(`${json ? JSON.stringify(entry) : formatText(entry)}\n`);
}
