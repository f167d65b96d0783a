import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { AskRequestSchema, AskResponseSchema, ErrorSchema } from '../schemas.js';

const errors = {
  400: { description: 'Invalid request (empty, too long, wrong type, invalid JSON)', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: 'Request body too large', content: { 'application/json': { schema: ErrorSchema } } },
};

export const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Answer a question with citations',
  description: 'Every citation satisfies quote === text of the source file .slice(start, end).',
  request: { body: { required: true, content: { 'application/json': { schema: AskRequestSchema } } } },
  responses: { 200: { description: 'A cited answer, or answerable: false', content: { 'application/json': { schema: AskResponseSchema } } }, ...errors },
});

export function registerAsk(app: OpenAPIHono, docent: Docent) {
  app.openapi(askRoute, async (c) => {
    const { question, topK } = c.req.valid('json');
    return c.json(await docent.ask(question, { topK }), 200);
  });
}
