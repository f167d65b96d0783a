import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { HealthResponseSchema } from '../schemas.js';

export const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness, readiness and the index version served',
  description:
    'Always answered, before API keys, rate limits and the request queue. `state` is `starting` until the first index version is loaded ' +
    '(other routes answer 503 meanwhile), `indexing` while a new version is built, then `ready`. With `?ready=1` the status code says it ' +
    'too — 503 while starting — for load balancers and Kubernetes readiness probes that only read the status.',
  request: { query: z.object({ ready: z.enum(['0', '1', 'true', 'false']).optional().openapi({ description: 'Answer 503 while starting' }) }) },
  responses: {
    200: { description: 'The service is up', content: { 'application/json': { schema: HealthResponseSchema } } },
    503: { description: 'With ?ready=1: still starting', content: { 'application/json': { schema: HealthResponseSchema } } },
  },
});

export function registerHealth(app: OpenAPIHono, docent: Docent) {
  app.openapi(healthRoute, (c) => {
    const { model, dimensions, pretrained } = docent.embedder.info;
    const status = docent.status;
    const index = status.state === 'starting' ? undefined : docent.index;
    const body = {
      status: 'ok' as const,
      ...status,
      documents: index?.documents.size ?? 0,
      chunks: index?.chunks.length ?? 0,
      embedding: { model, dimensions, pretrained },
      index: { type: docent.config.vectorStore, elements: index?.vectors.size ?? 0 },
    };
    const readiness = ['1', 'true'].includes(c.req.valid('query').ready ?? '');
    return c.json(body, readiness && !index ? 503 : 200);
  });
}
