/** Which `Host` names a server answers to, from ALLOWED_HOSTS and the address it is bound to. */

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host) || host === '::1' || /^127\./.test(host);
}

/**
 * The `Host` names to answer. Listed names win; otherwise a server bound to loopback answers only
 * to loopback names (a DNS-rebinding page on another name reads nothing), and a server bound to a
 * public address answers to any name (only the operator knows its public names: list them).
 */
export function resolveAllowedHosts(listed: string[], host: string): string[] {
  if (listed.length > 0) return listed.map((name) => name.toLowerCase());
  if (!isLoopbackHost(host)) return [];
  return [...new Set([...LOOPBACK_HOSTS, host.toLowerCase()])];
}
