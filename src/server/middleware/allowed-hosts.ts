import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.js';

/** `Example.COM:8787` → `example.com`; `[::1]:8787` → `[::1]`. */
function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d+$/, '');
}

/**
 * Answers only requests addressed to a known host name: a page on `rebind.attacker.test` whose DNS
 * later points at 127.0.0.1 sends `Host: rebind.attacker.test`, and gets 421 instead of the corpus.
 * An empty list (a public server whose names were not listed) or `*` allows any host.
 */
export function allowedHosts(hosts: readonly string[]): MiddlewareHandler {
  const allowAny = hosts.length === 0 || hosts.includes('*');
  const allowed = new Set(hosts.map(hostName));
  return async (c, next) => {
    if (allowAny) return next();
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    if (allowed.has(hostName(host))) return next();
    return errorResponse(c, 421, 'misdirected_request', 'This server does not answer to that host name; list it in ALLOWED_HOSTS');
  };
}
