import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Who is asking, for rate limits and logs: the socket's address, or — only when the operator says a
 * proxy of theirs sits in front (TRUST_PROXY) — the first address of `X-Forwarded-For`. Believing
 * that header without a proxy would let any client pick its own rate-limit bucket.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests handed to app.fetch directly (tests, embedding) have no socket.
    return 'local';
  }
}
