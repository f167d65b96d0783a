import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The real app on a free loopback port, for clients that speak HTTP (MCP, LangChain). */
export async function serveApp(docent: Docent): Promise<Served> {
  const app = createApp(docent, { webAssets: await loadWebAssets() });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
