import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { Docent } from '../service.js';
import { errorResponse, handleError, validationHook } from './errors.js';
import { allowedHosts } from './middleware/allowed-hosts.js';
import { apiKeys } from './middleware/api-keys.js';
import { declaredBodyLimit } from './middleware/body-limit.js';
import { crossOrigin } from './middleware/cross-origin.js';
import { loadShedding } from './middleware/load-shedding.js';
import { appMetrics } from './middleware/metrics.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog, type RequestLogSink } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { servedVersion } from './middleware/served-version.js';
import { MCP_PATH, registerMcp } from '../mcp/http.js';
import { registerAsk } from './routes/ask.js';
import { registerDocs } from './routes/docs.js';
import { registerDocuments } from './routes/documents.js';
import { registerFeedback } from './routes/feedback.js';
import { registerHealth } from './routes/health.js';
import { registerOpenAI } from './routes/openai.js';
import { registerSearch } from './routes/search.js';
import { registerSources } from './routes/sources.js';
import { registerSuggestions } from './routes/suggestions.js';
import { registerVerify } from './routes/verify.js';
import type { WebAsset } from './web-assets.js';

export interface AppOptions {
  /** The chat page's files by URL path; see loadWebAssets. */
  webAssets: ReadonlyMap<string, WebAsset>;
  /** Keys that unlock admin actions (default: ADMIN_API_KEY); `npm start` adds its one-time token. */
  adminKeys?: readonly string[];
  /** Told when the documents API changed the corpus folder (default: re-index in this process). */
  onCorpusChange?: () => void;
  /** Where the one-line-per-request log goes (see stdoutRequestLog); no request log without it. */
  log?: RequestLogSink;
}

/** Paths the built-in chat page and the embedded widget call; with API_KEYS set they stay open to their pages' origins. */
const WIDGET_PATHS = [/^\/api\/ask$/, /^\/api\/sources\//, /^\/api\/suggestions$/, /^\/api\/feedback$/];
const isWidgetRequest = (c: Context) => WIDGET_PATHS.some((path) => path.test(c.req.path));

const API_PREFIXES = ['/api/*', '/v1/*', MCP_PATH];

/** The HTTP API and chat page over one opened Docent; one middleware per concern, in the order a request meets them. */
export function createApp(service: Docent, { webAssets, log, ...options }: AppOptions) {
  const { config } = service;
  const { security, limits } = config;
  const adminKeys = options.adminKeys ?? (security.adminApiKey ? [security.adminApiKey] : []);
  const metrics = appMetrics(service, { token: config.observability.metricsToken });
  const docent = metrics.observe(service);
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`));

  // Every request gets an id (X-Request-Id, a valid incoming one kept), a log line and its metrics, refusals included.
  app.use('*', requestId());
  if (log) app.use('*', requestLog({ sink: log, trustProxy: security.trustProxy, logQuestions: config.observability.logQuestions }));
  app.use('*', metrics.middleware);

  app.use('*', allowedHosts(security.allowedHosts));
  app.use('*', securityHeaders(config.allowedOrigins));
  const api = (middleware: MiddlewareHandler) => API_PREFIXES.forEach((prefix) => app.use(prefix, middleware));
  // Cross-origin calls are refused before anything reads the body; static files stay public.
  api(crossOrigin(config.allowedOrigins, { trustProxy: security.trustProxy }));
  // Liveness and readiness answer before keys, rate limits and the request queue: a load balancer must always get through.
  registerHealth(app, docent);
  app.get('/metrics', metrics.handler);
  // An admin key also opens the API (one Authorization header carries one key).
  api(apiKeys({ keys: security.apiKeys.length ? [...security.apiKeys, ...adminKeys] : [], allowedOrigins: config.allowedOrigins, trustProxy: security.trustProxy, isWidgetRequest }) as MiddlewareHandler);
  api(rateLimit({ perMinute: limits.ratePerMinute, widgetPerMinute: limits.widgetRatePerMinute, trustProxy: security.trustProxy }) as MiddlewareHandler);
  api(loadShedding({ maxInFlight: limits.maxInFlight, maxQueued: limits.maxQueued, timeoutMs: limits.requestTimeoutMs }) as MiddlewareHandler);
  // Pinned once admitted, so a request that queued gets the version current when it runs.
  api(servedVersion(docent));
  const jsonLimit = declaredBodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => errorResponse(c, 413, 'payload_too_large', `Request body is larger than ${config.maxBodyBytes} bytes`) });
  const uploadLimit = declaredBodyLimit({ maxSize: config.maxUploadBytes, onError: (c) => errorResponse(c, 413, 'payload_too_large', `Upload is larger than MAX_UPLOAD_BYTES (${config.maxUploadBytes} bytes)`) });
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && c.req.path === '/api/documents' ? uploadLimit : jsonLimit)(c, next));
  app.use(MCP_PATH, jsonLimit);
  app.use(
    '/v1/*',
    declaredBodyLimit({
      maxSize: config.maxBodyBytes,
      onError: (c) => c.json({ error: { message: `Request body is larger than ${config.maxBodyBytes} bytes`, type: 'invalid_request_error', param: null, code: 'payload_too_large' } }, 413),
    }),
  );
  registerAsk(app, docent);
  registerSearch(app, docent);
  registerSources(app, docent);
  registerDocuments(app, docent, {
    adminKeys: () => adminKeys,
    onCorpusChange: options.onCorpusChange ?? (() => void docent.refresh().catch((error: unknown) => console.error('docent: re-index failed:', error instanceof Error ? error.message : error))),
  });
  registerVerify(app, docent);
  registerFeedback(app, docent);
  // Picking suggestions asks in the background: those are not answers to users, so they bypass the metrics.
  registerSuggestions(app, service);
  registerOpenAI(app, docent);
  registerMcp(app, docent);
  registerDocs(app);
  app.get('*', (c, next) => {
    const asset = webAssets.get(c.req.path);
    if (!asset) return next();
    return c.body(asset.body, 200, { 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache', ...asset.headers });
  });
  return app;
}

export type DocentApp = ReturnType<typeof createApp>;
