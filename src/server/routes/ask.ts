import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { AskRequestSchema, AskResponseSchema, ErrorSchema } from '../schemas.js';
import { requestSignal } from '../deadline.js';
import { EXAMPLES } from '../examples.js';
import { streamAnswer, wantsEventStream } from '../sse.js';

const errors = {
  400: { description: 'Invalid request (empty, too long, wrong type, invalid JSON); JSON even when streaming was asked for', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'A cross-origin request from an origin not in ALLOWED_ORIGINS', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: 'Request body too large', content: { 'application/json': { schema: ErrorSchema } } },
};

const EVENT_STREAM_DESCRIPTION = [
  'With `"stream": true` (or `Accept: text/event-stream`): Server-Sent Events, each `data` one line of JSON.',
  '`passages` → `{passages, standaloneQuestion}`; then `delta` → `{text}` (the pieces concatenate to the answer);',
  'then `done` → exactly the non-streaming response body. `error` → `{error: {code, message}}` if answering fails mid-stream.',
].join(' ');

export const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  summary: 'Answer a question with citations',
  description: 'Every citation satisfies quote === text of the source file .slice(start, end).',
  request: { body: { required: true, content: { 'application/json': { schema: AskRequestSchema, example: EXAMPLES.ask } } } },
  responses: {
    200: {
      description: 'A cited answer, or answerable: false',
      content: {
        'application/json': { schema: AskResponseSchema },
        'text/event-stream': { schema: z.string().openapi({ description: EVENT_STREAM_DESCRIPTION }) },
      },
    },
    ...errors,
  },
});

export function registerAsk(app: OpenAPIHono, docent: Docent) {
  app.openapi(askRoute, async (c) => {
    const { question, topK, history, stream } = c.req.valid('json');
    // Validation already ran (its errors are JSON 400s); from here on a streaming client gets events.
    if (wantsEventStream(c, stream)) return streamAnswer(c, docent, question, { topK, history }) as never;
    return c.json(await docent.ask(question, { topK, history, signal: requestSignal(c) }), 200);
  });
}
