import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Docent } from '../service.js';
import { errorResponse, handleError, validationHook } from './errors.js';
import { originPolicy } from './origins.js';
import { registerAsk } from './routes/ask.js';
import { registerDocs } from './routes/docs.js';
import { registerOpenAI } from './routes/openai.js';
import { registerVerify } from './routes/verify.js';
import { registerHealth } from './routes/health.js';
import { registerSearch } from './routes/search.js';
import { registerSources } from './routes/sources.js';
import type { WebAsset } from './web-assets.js';

export interface AppOptions {
  /** The chat page's files by URL path; see loadWebAssets. */
  webAssets: ReadonlyMap<string, WebAsset>;
}

/** The HTTP API and chat page over one opened Docent. */
export function createApp(docent: Docent, { webAssets }: AppOptions) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
  // Cross-origin calls only from ALLOWED_ORIGINS (before anything reads the body); static files stay public.
  const origins = originPolicy(docent.config.allowedOrigins);
  app.use('/api/*', origins);
  app.use('/v1/*', origins);
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: docent.config.maxBodyBytes,
      onError: (c) => errorResponse(c, 413, 'payload_too_large', `Request body is larger than ${docent.config.maxBodyBytes} bytes`),
    }),
  );
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: docent.config.maxBodyBytes,
      onError: (c) => c.json({ error: { message: `Request body is larger than ${docent.config.maxBodyBytes} bytes`, type: 'invalid_request_error', param: null, code: 'payload_too_large' } }, 413),
    }),
  );
  registerAsk(app, docent);
  registerSearch(app, docent);
  registerSources(app, docent);
  registerHealth(app, docent);
  registerVerify(app, docent);
  registerOpenAI(app, docent);
  registerDocs(app);
  app.get('*', (c, next) => {
    const asset = webAssets.get(c.req.path);
    if (!asset) return next();
    return c.body(asset.body, 200, { 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache', ...asset.headers });
  });
  return app;
}

export type DocentApp = ReturnType<typeof createApp>;
