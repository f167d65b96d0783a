import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Docent } from '../../service.js';
import { InvalidSpanError } from '../../verify/types.js';
import { ApiError } from '../errors.js';
import { EXAMPLES } from '../examples.js';
import { ErrorSchema, VerifyRequestSchema, VerifyResponseSchema } from '../schemas.js';

export const verifyRoute = createRoute({
  method: 'post',
  path: '/api/verify',
  summary: 'Check whether a claim is supported by the documents, and where',
  description:
    'Without `citations` the corpus is searched for evidence; with them the claim is checked against exactly those spans. ' +
    '`supported` needs enough of the claim\'s content and each of its numbers, dates and names, in their own context, in one piece of evidence; ' +
    '`contradicted` means the evidence states the same fact with a different number, date, name or place (named in `conflicts`, with where the evidence\'s value sits) or says the opposite ("not", "never"); ' +
    '`partially_supported` means much of it is there but parts are missing or hedged ("reportedly"), listed in `missing`; ' +
    '`not_found` means the documents do not say it. Every evidence quote is exactly sourceText.slice(start, end).',
  request: { body: { required: true, content: { 'application/json': { schema: VerifyRequestSchema, example: EXAMPLES.verify } } } },
  responses: {
    200: { description: 'The verdict and its evidence', content: { 'application/json': { schema: VerifyResponseSchema } } },
    400: { description: 'Invalid request, or a citation of an unknown source or outside its text (code invalid_citation)', content: { 'application/json': { schema: ErrorSchema } } },
    413: { description: 'Request body too large', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

export function registerVerify(app: OpenAPIHono, docent: Docent) {
  app.openapi(verifyRoute, async (c) => {
    const { claim, citations } = c.req.valid('json');
    try {
      return c.json(await docent.verify(claim, { citations }), 200);
    } catch (error) {
      if (error instanceof InvalidSpanError) throw new ApiError(400, 'invalid_citation', error.message);
      throw error;
    }
  });
}
