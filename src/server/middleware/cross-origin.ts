import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { errorResponse } from '../errors.js';

/**
 * The cross-origin policy of the API. Same-origin requests (no `Origin`, or the server's own) pass
 * untouched. Origins listed in ALLOWED_ORIGINS (`*` = any, written out) get CORS headers from
 * `hono/cors`. Any other origin gets a 403 `forbidden_origin` before its body is read — with CORS
 * headers on it, so a misconfigured widget can show the real reason instead of "network error";
 * its preflight is answered too (with a fixed header list), for the same reason. Refused origins are
 * logged once each.
 */

const ALLOW_METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'];
// Mcp-Protocol-Version: browser MCP clients send it on every call after initialize; X-Request-Id: a caller's own trace id.
const ALLOW_HEADERS = ['Content-Type', 'Accept', 'Authorization', 'Mcp-Protocol-Version', 'X-Request-Id'];
const EXPOSE_HEADERS = ['Retry-After', 'X-Request-Id'];
const PREFLIGHT_MAX_AGE = 600;
/** Refused origins remembered for log-once; past this the set starts afresh. */
const LOGGED_ORIGINS = 1000;

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

/**
 * Whether `origin` is the server's own: same host (as the client addressed it) and scheme. Behind a
 * TLS-terminating proxy (TRUST_PROXY) the forwarded host and scheme are the page's.
 */
export function isSameOrigin(c: Context, origin: string, trustProxy: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const url = new URL(c.req.url);
  if (parsed.origin === url.origin) return true;
  const forwarded = (name: string) => (trustProxy ? c.req.header(name)?.split(',')[0]?.trim() : undefined);
  const host = (forwarded('X-Forwarded-Host') ?? c.req.header('Host') ?? url.host).toLowerCase();
  const proto = (forwarded('X-Forwarded-Proto') ?? url.protocol.replace(/:$/, '')).toLowerCase();
  return parsed.host === host && parsed.protocol === `${proto}:`;
}

function addVary(c: Context) {
  const current = c.res.headers.get('Vary');
  if (!current) c.res.headers.set('Vary', 'Origin');
  else if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(current)) c.res.headers.set('Vary', `${current}, Origin`);
}

export function crossOrigin(allowedOrigins: readonly string[], { trustProxy }: { trustProxy: boolean }): MiddlewareHandler {
  const allowAny = allowedOrigins.some((origin) => origin.trim() === '*');
  const allowed = new Set(allowedOrigins.map(normalizeOrigin));
  const isAllowed = (origin: string) => allowAny || allowed.has(normalizeOrigin(origin));
  const corsHeaders = cors({ origin: (origin) => origin, allowMethods: ALLOW_METHODS, allowHeaders: ALLOW_HEADERS, exposeHeaders: EXPOSE_HEADERS, maxAge: PREFLIGHT_MAX_AGE });
  const logged = new Set<string>();
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin === undefined || isSameOrigin(c, origin, trustProxy)) {
      await next();
      addVary(c);
      return;
    }
    if (isAllowed(origin)) return corsHeaders(c, next);
    if (!logged.has(origin)) {
      if (logged.size >= LOGGED_ORIGINS) logged.clear();
      logged.add(origin);
      console.error(`docent: refused a cross-origin request from ${JSON.stringify(origin.slice(0, 200))}; list it in ALLOWED_ORIGINS to allow it`);
    }
    const preflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;
    const response = preflight
      ? c.body(null, 204, { 'Access-Control-Allow-Methods': ALLOW_METHODS.join(', '), 'Access-Control-Allow-Headers': ALLOW_HEADERS.join(', '), 'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE) })
      : errorResponse(c, 403, 'forbidden_origin', `Cross-origin requests from ${origin} are not allowed; list the origin in ALLOWED_ORIGINS`);
    response.headers.set('Access-Control-Allow-Origin', origin);
    response.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS.join(', '));
    response.headers.set('Vary', 'Origin');
    return response;
  };
}
