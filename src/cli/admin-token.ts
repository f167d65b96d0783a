import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { isLoopbackHost } from '../hosts.js';

/** How the primary of a cluster hands its one-time admin token to its workers (never read from a user's environment). */
export const WORKER_ADMIN_TOKEN = 'DOCENT_WORKER_ADMIN_TOKEN';

/**
 * A random admin token for this run, when no ADMIN_API_KEY is set and the server listens on loopback
 * only (like Jupyter's token): a local user can upload documents at once, nobody else can.
 */
export function oneTimeAdminToken(config: Config): string | undefined {
  if (config.security.adminApiKey || !isLoopbackHost(config.host)) return undefined;
  return randomBytes(24).toString('base64url');
}

/** The link that opens the chat page with admin rights (the token stays in the fragment, never sent to the server in a URL). */
export const adminLink = (host: string, port: number, token: string) => `http://${host.includes(':') ? `[${host}]` : host}:${port}/#admin=${token}`;

/** The keys that unlock admin actions in this process. */
export function adminKeys(config: Config, oneTimeToken: string | undefined): string[] {
  return [config.security.adminApiKey, oneTimeToken].filter((key): key is string => key !== undefined);
}
