import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';

/**
 * The OpenAPI 3.1 document, generated from the zod schemas that validate the requests, and a
 * browsable reference page at /docs served from the swagger-ui-dist package: no CDN, works offline.
 */

const require = createRequire(import.meta.url);

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Docent API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<noscript>The interactive reference needs JavaScript; the raw document is at <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: true });\n`;

function assetDir(): string | undefined {
  try {
    return path.dirname(require.resolve('swagger-ui-dist/package.json'));
  } catch {
    return undefined;
  }
}

export function registerDocs(app: OpenAPIHono, { version = '0.1.0' }: { version?: string } = {}) {
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Docent API',
      version,
      description:
        'Ask questions about your documents and get answers whose citations point at exact characters of the source: ' +
        'for every citation, quote === sourceText.slice(start, end) (UTF-16 offsets; fetch the text from /api/sources/{source}). ' +
        'Also: OpenAI-compatible chat (/v1/chat/completions) and citation checking (/api/verify).',
    },
  });

  const dir = assetDir();
  const cache = new Map<string, Buffer>();
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/', (c) => c.redirect('/docs'));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type || !dir) return c.json({ error: { code: 'not_found', message: `No docs asset ${file}` } }, 404);
    let body = cache.get(file);
    if (!body) cache.set(file, (body = fs.readFileSync(path.join(dir, file))));
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
