import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { feedbackLog } from '../../feedback/log.js';
import type { Docent } from '../../service.js';
import { ApiError } from '../errors.js';
import { EXAMPLES } from '../examples.js';
import { FeedbackRequestSchema, FeedbackResponseSchema } from '../schemas-chat.js';
import { ErrorSchema } from '../schemas.js';

const json = (schema: typeof ErrorSchema) => ({ 'application/json': { schema } });

export const feedbackRoute = createRoute({
  method: 'post',
  path: '/api/feedback',
  summary: 'Rate an answer (thumbs up or down, optional comment)',
  description: 'Appended to `feedback.jsonl` under INDEX_DIR (bounded by FEEDBACK_MAX_BYTES; the previous file is kept as `feedback.1.jsonl`). Nothing else about the conversation is stored on the server.',
  request: { body: { required: true, content: { 'application/json': { schema: FeedbackRequestSchema, example: EXAMPLES.feedback } } } },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: FeedbackResponseSchema } } },
    400: { description: 'Invalid request', content: json(ErrorSchema) },
    403: { description: 'A READ_ONLY server never writes: feedback goes to the indexer', content: json(ErrorSchema) },
    413: { description: 'Request body too large', content: json(ErrorSchema) },
    429: { description: 'Rate limited', content: json(ErrorSchema) },
  },
});

export function registerFeedback(app: OpenAPIHono, docent: Docent) {
  const log = feedbackLog(docent.config.indexDir, docent.config.feedbackMaxBytes);
  app.openapi(feedbackRoute, async (c) => {
    const feedback = c.req.valid('json');
    if (docent.config.readOnly) throw new ApiError(403, 'read_only', 'This server is read-only (READ_ONLY) and records no feedback');
    await log.append({ at: new Date().toISOString(), version: docent.status.version, ...feedback });
    return c.json({ recorded: true as const, id: feedback.id }, 201);
  });
}
