import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.js';

/**
 * The cross-origin policy of the API. Same-origin requests (no `Origin` header, or an `Origin`
 * equal to the server's own) always pass. Cross-origin requests pass only from origins listed in
 * ALLOWED_ORIGINS (`*` = any, and must be written out); they get `Access-Control-Allow-Origin`
 * echoing their origin, and their preflight `OPTIONS` is answered here. Any other origin gets a
 * 403 `forbidden_origin` JSON error, preflight included. Every response carries `Vary: Origin`.
 */

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const DEFAULT_ALLOW_HEADERS = 'Content-Type, Accept, Authorization';
const PREFLIGHT_MAX_AGE = '600';

/** `https://Example.com:443/` → `https://example.com`; anything that is not an http(s) origin stays as written. */
export function normalizeOrigin(origin: string): string {
  const trimmed = origin.trim();
  if (trimmed === '*' || trimmed === 'null') return trimmed;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // not a URL: compared as written
  }
  return trimmed.replace(/\/+$/, '').toLowerCase();
}

/** Whether `origin` is the server's own: same host (as the client addressed it) and same scheme. */
export function isSameOrigin(c: Context, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const url = new URL(c.req.url);
  if (parsed.origin === url.origin) return true;
  // Behind a TLS-terminating proxy the request URL says http: while the page's origin says https:.
  const host = (c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? url.host).split(',')[0]!.trim().toLowerCase();
  const proto = (c.req.header('X-Forwarded-Proto') ?? url.protocol.replace(/:$/, '')).split(',')[0]!.trim().toLowerCase();
  return parsed.host === host && parsed.protocol === `${proto}:`;
}

function addVary(c: Context, header: string) {
  const current = c.res.headers.get('Vary');
  if (!current) c.res.headers.set('Vary', header);
  else if (!current.split(',').some((value) => value.trim().toLowerCase() === header.toLowerCase() || value.trim() === '*')) {
    c.res.headers.set('Vary', `${current}, ${header}`);
  }
}

export function originPolicy(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowAny = allowedOrigins.some((origin) => origin.trim() === '*');
  const allowed = new Set(allowedOrigins.map(normalizeOrigin));
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin === undefined || isSameOrigin(c, origin)) {
      await next();
      addVary(c, 'Origin');
      return;
    }
    if (!allowAny && !allowed.has(normalizeOrigin(origin))) {
      const response = errorResponse(c, 403, 'forbidden_origin', `Cross-origin requests from ${origin} are not allowed; list the origin in ALLOWED_ORIGINS`);
      response.headers.set('Vary', 'Origin');
      return response;
    }
    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;
    if (preflight) {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': c.req.header('Access-Control-Request-Headers') || DEFAULT_ALLOW_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
        Vary: 'Origin, Access-Control-Request-Headers',
      });
    }
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    addVary(c, 'Origin');
  };
}
