import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { HealthResponseSchema } from '../schemas.js';

export const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Index and model status',
  responses: { 200: { description: 'The service is up', content: { 'application/json': { schema: HealthResponseSchema } } } },
});

export function registerHealth(app: OpenAPIHono, docent: Docent) {
  app.openapi(healthRoute, (c) => {
    const { model, dimensions, pretrained } = docent.embedder.info;
    return c.json(
      {
        status: 'ok' as const,
        ...docent.status,
        documents: docent.index.documents.size,
        chunks: docent.index.chunks.length,
        embedding: { model, dimensions, pretrained },
        index: { type: 'hnsw' as const, elements: docent.index.vectors.size },
      },
      200,
    );
  });
}
