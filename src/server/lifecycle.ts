import type { AddressInfo } from 'node:net';
import type { Server, IncomingMessage, ServerResponse } from 'node:http';
import { serve } from '@hono/node-server';
import type { Config } from '../config.js';

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** Requests received and not yet answered (streams count until they end). */
  readonly inFlight: number;
  /**
   * Stops accepting connections, lets in-flight requests and streams finish for up to
   * SHUTDOWN_TIMEOUT_MS (keep-alive clients are told to close), then closes whatever is left.
   * Resolves true when everything finished in time.
   */
  shutdown(): Promise<boolean>;
}

/**
 * Listens with the Node server's own slow-client defences set from the config: a client must send
 * its headers within HEADERS_TIMEOUT_MS and its whole request within REQUEST_TIMEOUT_MS, and idle
 * keep-alive sockets close after KEEP_ALIVE_TIMEOUT_MS, so clients trickling bytes cannot hold
 * sockets and starve the others.
 */
export async function listen(fetch: (request: Request) => Response | Promise<Response>, config: Pick<Config, 'host' | 'port' | 'limits'>): Promise<RunningServer> {
  const { limits } = config;
  const server = serve({ fetch, hostname: config.host, port: config.port }) as Server;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  let inFlight = 0;
  let closing = false;
  const drained: Array<() => void> = [];
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight++;
    // While shutting down, every answer tells a keep-alive client not to send another request on this socket.
    if (closing) response.setHeader('Connection', 'close');
    response.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained.splice(0).forEach((resolve) => resolve());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    get inFlight() {
      return inFlight;
    },
    async shutdown() {
      closing = true;
      server.close();
      server.closeIdleConnections();
      const finished = inFlight === 0 || (await Promise.race([
        new Promise<boolean>((resolve) => drained.push(() => resolve(true))),
        new Promise<boolean>((resolve) => setTimeout(resolve, limits.shutdownTimeoutMs, false).unref()),
      ]));
      server.closeAllConnections();
      return finished;
    },
  };
}
