/** Slowloris: raw sockets that send a request's headers one byte a second and never finish them. */
import net from 'node:net';

export interface SlowClientStats {
  clients: number;
  /** Connections opened (each client reconnects when the server closes it). */
  connections: number;
  /** Connections the server closed (headers timeout), by the status it answered with first ('none': closed without one). */
  closedByServer: Record<string, number>;
  /** Header bytes sent in all. */
  bytesSent: number;
  /** Longest any one connection was held open, s. */
  longestHeldSeconds: number;
}

export interface SlowClients {
  stats(): SlowClientStats;
  stop(): void;
}

/** Opens `count` slow clients against `url`; each sends one header byte per `intervalMs` and reconnects when closed. */
export function startSlowClients(url: string, count: number, intervalMs = 1000): SlowClients {
  const { hostname, port } = new URL(url);
  const stats: SlowClientStats = { clients: count, connections: 0, closedByServer: {}, bytesSent: 0, longestHeldSeconds: 0 };
  const sockets = new Set<net.Socket>();
  let running = true;

  function open(id: number) {
    if (!running) return;
    const request = `GET /api/health HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUser-Agent: soak-slow-client-${id}\r\nX-Slow: `;
    const socket = net.connect({ host: hostname, port: Number(port) });
    const openedAt = Date.now();
    let sent = 0;
    let status = 'none';
    stats.connections++;
    sockets.add(socket);
    socket.setNoDelay(true);
    (socket as net.Socket & { sendNext?: () => void }).sendNext = () => {
      if (!socket.writable) return;
      socket.write(sent < request.length ? request[sent]! : 'a');
      sent++;
      stats.bytesSent++;
    };
    socket.on('data', (chunk) => {
      if (status === 'none') status = /^HTTP\/1\.\d (\d{3})/.exec(chunk.toString('latin1'))?.[1] ?? 'other';
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (!running) return;
      stats.closedByServer[status] = (stats.closedByServer[status] ?? 0) + 1;
      stats.longestHeldSeconds = Math.max(stats.longestHeldSeconds, (Date.now() - openedAt) / 1000);
      setTimeout(() => open(id), 100).unref();
    });
  }

  for (let id = 0; id < count; id++) open(id);
  const ticker = setInterval(() => {
    for (const socket of sockets) (socket as net.Socket & { sendNext?: () => void }).sendNext?.();
  }, intervalMs);

  return {
    stats: () => structuredClone(stats),
    stop() {
      running = false;
      clearInterval(ticker);
      for (const socket of sockets) socket.destroy();
    },
  };
}
