import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { resolveSourcePath, SourcePathError } from '../../ingest/corpus.js';
import type { Docent } from '../../service.js';
import { ApiError } from '../errors.js';
import { ErrorSchema, SourceResponseSchema } from '../schemas.js';

const PREFIX = '/api/sources/';

export const sourceRoute = createRoute({
  method: 'get',
  path: '/api/sources/{source}',
  summary: 'The full text of an indexed source file, exactly as indexed',
  description: 'Citation offsets index into this text. `source` may contain `/` (raw or percent-encoded).',
  request: { params: z.object({ source: z.string().openapi({ example: 'china-un-peacekeeping-international-cooperation.md' }) }) },
  responses: {
    200: { description: 'The source text', content: { 'application/json': { schema: SourceResponseSchema } } },
    400: { description: 'A path that would leave the corpus folder', content: { 'application/json': { schema: ErrorSchema } } },
    404: { description: 'No such indexed source', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

/** Serves the text held by the index (not the file as it may be now), so offsets always match. */
export function registerSources(app: OpenAPIHono, docent: Docent) {
  // A wildcard route, because sources in sub-folders contain `/`; the OpenAPI document describes it as sourceRoute.
  app.openAPIRegistry.registerPath(sourceRoute);
  app.get(`${PREFIX}*`, (c) => {
    let source: string;
    try {
      source = decodeURIComponent(c.req.path.slice(PREFIX.length));
      resolveSourcePath(docent.config.corpusDir, source);
    } catch (error) {
      if (error instanceof SourcePathError || error instanceof URIError) throw new ApiError(400, 'invalid_source', 'Invalid source path');
      throw error;
    }
    const text = docent.index.documents.get(source);
    if (text === undefined) throw new ApiError(404, 'not_found', `No indexed source named ${JSON.stringify(source)}`);
    return c.json({ source, text }, 200);
  });
}
