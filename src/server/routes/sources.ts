import fs from 'node:fs/promises';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { resolveSourcePath, SourcePathError } from '../../ingest/corpus.js';
import type { DocumentFormat } from '../../ingest/types.js';
import type { Docent } from '../../service.js';
import { ApiError } from '../errors.js';
import { ErrorSchema, SourceResponseSchema } from '../schemas.js';

const PREFIX = '/api/sources/';

const ORIGINAL_TYPES: Record<DocumentFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const sourceRoute = createRoute({
  method: 'get',
  path: '/api/sources/{source}',
  summary: 'The citable text of an indexed source and its structure, exactly as indexed; or the original file',
  description:
    'Citation offsets index into `text`. `source` may contain `/` (raw or percent-encoded). With `?format=original` the original file is ' +
    'returned as it is in the corpus folder now (PDFs open in the browser; other types download, sandboxed).',
  request: {
    params: z.object({ source: z.string().openapi({ example: 'china-un-peacekeeping-international-cooperation.md' }) }),
    query: z.object({ format: z.enum(['text', 'original']).optional().openapi({ description: 'text (default): the citable text as JSON; original: the file' }) }),
  },
  responses: {
    200: { description: 'The source text and structure (or, with format=original, the file)', content: { 'application/json': { schema: SourceResponseSchema } } },
    400: { description: 'A path that would leave the corpus folder', content: { 'application/json': { schema: ErrorSchema } } },
    404: { description: 'No such indexed source', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

function sourceOf(c: Context, corpusDir: string): string {
  try {
    const source = decodeURIComponent(c.req.path.slice(PREFIX.length));
    resolveSourcePath(corpusDir, source);
    return source;
  } catch (error) {
    if (error instanceof SourcePathError || error instanceof URIError) throw new ApiError(400, 'invalid_source', 'Invalid source path');
    throw error;
  }
}

/** Serves the text held by the index version being served (not the file as it may be now), so offsets always match. */
export function registerSources(app: OpenAPIHono, docent: Docent) {
  // A wildcard route, because sources in sub-folders contain `/`; the OpenAPI document describes it as sourceRoute.
  app.openAPIRegistry.registerPath(sourceRoute);
  app.get(`${PREFIX}*`, async (c) => {
    const source = sourceOf(c, docent.config.corpusDir);
    const document = docent.index.sources.get(source);
    if (document === undefined) throw new ApiError(404, 'not_found', `No indexed source named ${JSON.stringify(source)}`);
    const format = c.req.query('format');
    if (format !== undefined && format !== 'text' && format !== 'original') throw new ApiError(400, 'invalid_request', 'format: expected "text" or "original"');
    if (format !== 'original') {
      const { text, title, blocks, pages, marks } = document;
      return c.json({ source, format: document.format, title, text, blocks, ...(pages ? { pages } : {}), ...(marks ? { marks } : {}) }, 200);
    }
    const bytes = await fs.readFile(resolveSourcePath(docent.config.corpusDir, source)).catch(() => undefined);
    if (!bytes) throw new ApiError(404, 'not_found', `The original of ${JSON.stringify(source)} is no longer in the corpus folder`);
    const name = source.split('/').pop()!.replace(/["\\\r\n]/g, '_');
    const disposition = document.format === 'pdf' ? 'inline' : 'attachment';
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': ORIGINAL_TYPES[document.format],
      'Content-Disposition': `${disposition}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      // A document's own scripts never run with this server's origin.
      'Content-Security-Policy': 'sandbox',
    });
  });
}
