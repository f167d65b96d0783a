import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { ErrorSchema, SearchQuerySchema, SearchResponseSchema } from '../schemas.js';

export const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Hybrid (BM25 + vector) passage search',
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'Ranked passages', content: { 'application/json': { schema: SearchResponseSchema } } },
    400: { description: 'Invalid query', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function registerSearch(app: OpenAPIHono, docent: Docent) {
  app.openapi(searchRoute, async (c) => {
    const { q, k } = c.req.valid('query');
    return c.json({ results: await docent.search(q, k) }, 200);
  });
}
