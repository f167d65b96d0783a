import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { errorResponse } from '../errors.js';
import type { AuthVariables } from './api-keys.js';
import { clientAddress } from './client.js';

export interface RateLimitOptions {
  /** Requests per minute per API key, or per client address for keyless callers; 0 = no limit. */
  perMinute: number;
  /** Per client address on the keyless widget path. */
  widgetPerMinute: number;
  trustProxy: boolean;
}

const WINDOW_MS = 60_000;

/**
 * Per-caller rate limits with `hono-rate-limiter` (fixed one-minute windows, in memory): a key's
 * requests share one bucket wherever they come from; keyless callers are counted by address, widget
 * callers against the lower widget limit. Over the limit: 429 with `Retry-After` and a JSON error.
 * In a cluster each worker counts on its own, so the effective limit is up to WORKERS times higher.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<{ Variables: AuthVariables }> {
  const limiter = rateLimiter<{ Variables: AuthVariables }>({
    windowMs: WINDOW_MS,
    limit: (c) => (c.get('caller')?.kind === 'widget' ? options.widgetPerMinute : options.perMinute),
    standardHeaders: 'draft-6',
    keyGenerator: (c) => {
      const caller = c.get('caller');
      if (caller?.kind === 'key') return `key:${caller.id}`;
      return `${caller?.kind ?? 'open'}:${clientAddress(c, options.trustProxy)}`;
    },
    skip: (c) => (c.get('caller')?.kind === 'widget' ? options.widgetPerMinute : options.perMinute) === 0,
    handler: (c) => {
      const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const seconds = Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
      const response = errorResponse(c, 429, 'rate_limited', `Too many requests: try again in ${seconds} s`);
      response.headers.set('Retry-After', String(seconds));
      return response;
    },
  });
  return limiter as MiddlewareHandler<{ Variables: AuthVariables }>;
}
