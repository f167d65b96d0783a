import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { createApp } from '../../server/app.js';
import { loadWebAssets } from '../../server/web-assets.js';
import { openFromCli } from '../open.js';

export const serveCommand = new Command('serve')
  .description('Index the corpus if missing or stale, then serve the chat page and API')
  .action(async () => {
    const docent = await openFromCli({ verbose: true });
    const app = createApp(docent, { webAssets: await loadWebAssets() });
    const { host, port } = docent.config;
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      console.log(`Docent is serving ${docent.index.documents.size} documents (${docent.index.chunks.length} chunks) at http://${host}:${info.port}/`);
      void docent.warmUp().catch((error: unknown) => console.error('docent: warm-up failed (answers are unaffected):', error));
    });
    const shutdown = () => server.close(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
