import { expect } from 'vitest';

/** A stack frame (`    at fn (file:1:2)`) or a path into this repository's sources: internals that must never reach a client. */
const STACK_FRAME = /^\s+at .*(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
const SOURCE_PATH = /(?:\/|\\)src(?:\/|\\)[\w./\\-]+\.[cm]?[jt]s\b|node_modules(?:\/|\\)/;

export interface Sent {
  method: string;
  url: string;
}

function fail(sent: Sent, response: Response, text: string, why: string): never {
  throw new Error(`${why}: ${sent.method} ${sent.url.slice(0, 300)} → ${response.status}\n${text.slice(0, 600)}`);
}

/**
 * What every answer must be, whatever was sent: no 5xx except a deliberate 503 with Retry-After,
 * an error body that is JSON with an error object on the API paths, and no stack trace or source path.
 * `isOwnFile` tells the server's own scripts and vendored assets (served with 200), exempt from the leak checks.
 */
export async function expectClean(sent: Sent, response: Response, isOwnFile: (path: string) => boolean = () => false) {
  const text = await response.text();
  if (response.status >= 500 && !(response.status === 503 && response.headers.get('retry-after'))) fail(sent, response, text, 'server error');
  const path = new URL(sent.url).pathname;
  const api = /^\/(api|v1)\//.test(path) || path === '/mcp';
  if (api && response.status >= 400 && sent.method !== 'HEAD') {
    let parsed: { error?: { message?: unknown } } | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      fail(sent, response, text, 'error body is not JSON');
    }
    if (typeof parsed?.error !== 'object' || parsed.error === null || typeof parsed.error.message !== 'string') fail(sent, response, text, 'error body has no error object');
  }
  if (response.ok && isOwnFile(path)) return;
  if (STACK_FRAME.test(text)) fail(sent, response, text, 'stack trace in the body');
  if (SOURCE_PATH.test(text)) fail(sent, response, text, 'source path in the body');
  expect(response.status).toBeGreaterThanOrEqual(100);
}

/** Collects what the server logs as an unexpected failure (console.error), to fail on hidden 500s inside streams. */
export function captureErrors() {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '));
  };
  return {
    logged,
    restore: () => {
      console.error = original;
    },
  };
}
