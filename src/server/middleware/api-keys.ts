import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.js';
import { isSameOrigin, normalizeOrigin } from './cross-origin.js';

/** What the auth middleware learned about the caller; read by the rate limiter. */
export type Caller = { kind: 'key'; id: string } | { kind: 'widget' } | { kind: 'open' };

export type AuthVariables = { caller: Caller };

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time (over fixed-length digests, so the length of a key leaks nothing either). */
export function matchesKey(candidate: string, keys: readonly string[]): string | undefined {
  const probe = digest(candidate);
  let found: string | undefined;
  for (const key of keys) if (timingSafeEqual(probe, digest(key))) found = key;
  return found;
}

export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  return match?.[1];
}

/** A short, non-reversible name for a key in logs and rate-limit buckets: keys are never logged. */
export const keyId = (key: string) => digest(key).toString('hex').slice(0, 12);

export interface ApiKeyOptions {
  keys: readonly string[];
  allowedOrigins: readonly string[];
  trustProxy: boolean;
  /** Requests a browser page may make without a key, from its own or an allowed origin (the chat page and widget). */
  isWidgetRequest: (c: Context) => boolean;
}

/**
 * Optional API keys (API_KEYS) as `Authorization: Bearer <key>`. With no keys configured the API is
 * open. With keys, a keyless request passes only on the widget's path and only from the server's own
 * page or an ALLOWED_ORIGINS origin (where the widget runs), and is marked so the rate limiter gives
 * it the lower widget limit. Everything else gets 401.
 */
export function apiKeys(options: ApiKeyOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  const allowed = new Set(options.allowedOrigins.filter((origin) => origin !== '*').map(normalizeOrigin));
  return async (c, next) => {
    if (options.keys.length === 0) {
      c.set('caller', { kind: 'open' });
      return next();
    }
    const token = bearerToken(c);
    const key = token === undefined ? undefined : matchesKey(token, options.keys);
    if (key !== undefined) {
      c.set('caller', { kind: 'key', id: keyId(key) });
      return next();
    }
    const origin = c.req.header('Origin');
    const fromPage = origin !== undefined && (isSameOrigin(c, origin, options.trustProxy) || allowed.has(normalizeOrigin(origin)));
    if (token === undefined && fromPage && options.isWidgetRequest(c)) {
      c.set('caller', { kind: 'widget' });
      return next();
    }
    const response = errorResponse(c, 401, 'unauthorized', token === undefined ? 'This API needs a key: send Authorization: Bearer <key>' : 'The API key is not valid');
    response.headers.set('WWW-Authenticate', 'Bearer');
    return response;
  };
}

/**
 * Admin actions (documents upload and delete, re-index): always need the admin key — ADMIN_API_KEY,
 * or the one-time token printed at start-up when no key is set and the server listens on loopback.
 * With neither, admin actions are off (403).
 */
export function requireAdmin(adminKeys: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const keys = adminKeys();
    if (keys.length === 0) return errorResponse(c, 403, 'admin_disabled', 'Admin actions are disabled: set ADMIN_API_KEY');
    const token = bearerToken(c);
    if (token === undefined || matchesKey(token, keys) === undefined) {
      const response = errorResponse(c, 401, 'unauthorized', 'This action needs the admin key: send Authorization: Bearer <ADMIN_API_KEY>');
      response.headers.set('WWW-Authenticate', 'Bearer');
      return response;
    }
    return next();
  };
}
