import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { resolveSourcePath, SourcePathError } from '../../ingest/corpus.js';
import { parserFor, SUPPORTED_EXTENSIONS } from '../../ingest/parsers/index.js';
import { corpusFileExists, FileExistsError, removeCorpusFile, sanitizeFileName, writeCorpusFile } from '../../index/corpus-files.js';
import { listDocuments, pendingDocument } from '../../index/documents.js';
import type { Docent } from '../../service.js';
import { ApiError } from '../errors.js';
import { requireAdmin } from '../middleware/api-keys.js';
import { DocumentDeleteResponseSchema, DocumentListResponseSchema, DocumentUploadSchema } from '../schemas-documents.js';
import { ErrorSchema } from '../schemas.js';

const PREFIX = '/api/documents/';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });
const writeErrors = {
  401: error('No admin key, or a wrong one (send Authorization: Bearer <ADMIN_API_KEY>)'),
  403: error('Admin actions are disabled (no ADMIN_API_KEY), or the server is read-only (READ_ONLY)'),
};
const security = [{ adminKey: [] }];

export const listDocumentsRoute = createRoute({
  method: 'get',
  path: '/api/documents',
  summary: 'The documents of the corpus, with their index status',
  responses: { 200: { description: 'Every file: indexed, pending (changed since the index was built) or failed (with the reason)', content: { 'application/json': { schema: DocumentListResponseSchema } } } },
});

export const uploadDocumentsRoute = createRoute({
  method: 'post',
  path: '/api/documents',
  summary: 'Upload documents into the corpus folder (admin)',
  description: `Multipart form with one or more \`file\` fields. Allowed types: ${SUPPORTED_EXTENSIONS.join(', ')}. Names are sanitised (no folders, no hidden files). The files are indexed in the background: they are listed as \`pending\` until the new index version is served.`,
  security,
  request: {
    query: z.object({ replace: z.enum(['0', '1', 'true', 'false']).optional().openapi({ description: 'Replace files that exist (otherwise 409)' }) }),
    body: { required: true, content: { 'multipart/form-data': { schema: DocumentUploadSchema } } },
  },
  responses: {
    202: { description: 'Written to the corpus folder; indexing started', content: { 'application/json': { schema: DocumentListResponseSchema } } },
    400: error('No file, or a name with nothing usable left'),
    ...writeErrors,
    409: error('A file of that name exists (use ?replace=1)'),
    413: error('Larger than MAX_UPLOAD_BYTES'),
    415: error('A file type no parser reads'),
  },
});

export const deleteDocumentRoute = createRoute({
  method: 'delete',
  path: '/api/documents/{source}',
  summary: 'Remove a document from the corpus folder (admin)',
  description: 'It leaves answers once the re-index (started at once) is served. `source` may contain `/`.',
  security,
  request: { params: z.object({ source: z.string() }) },
  responses: { 200: { description: 'Removed', content: { 'application/json': { schema: DocumentDeleteResponseSchema } } }, 400: error('A path that would leave the corpus folder'), ...writeErrors, 404: error('No such document') },
});

export interface DocumentsOptions {
  /** Keys that unlock uploads and deletions. */
  adminKeys: () => readonly string[];
  /** Told when the corpus folder changed, to re-index it. */
  onCorpusChange: () => void;
}

const refuseReadOnly = (docent: Docent): MiddlewareHandler => async (_c, next) => {
  if (docent.config.readOnly) throw new ApiError(403, 'read_only', 'This server is read-only (READ_ONLY): add documents where its index is published');
  return next();
};

function sourceOf(c: Context, corpusDir: string): string {
  try {
    const source = decodeURIComponent(c.req.path.slice(PREFIX.length));
    resolveSourcePath(corpusDir, source);
    return source;
  } catch (failure) {
    if (failure instanceof SourcePathError || failure instanceof URIError) throw new ApiError(400, 'invalid_source', 'Invalid source path');
    throw failure;
  }
}

async function uploadedFiles(c: Context): Promise<File[]> {
  if (!/^multipart\/form-data/i.test(c.req.header('Content-Type') ?? '')) throw new ApiError(400, 'invalid_request', 'Send the files as multipart/form-data in fields named file');
  const form = await c.req.parseBody({ all: true }).catch(() => {
    throw new ApiError(400, 'invalid_request', 'The multipart body could not be read');
  });
  const files = [form.file ?? []].flat().filter((value): value is File => value instanceof File);
  if (files.length === 0) throw new ApiError(400, 'invalid_request', 'No file: send one or more files in fields named file');
  return files;
}

/** The documents API: list (public, like the sources), upload and delete (admin key; never on a read-only server). */
export function registerDocuments(app: OpenAPIHono, docent: Docent, options: DocumentsOptions) {
  const { corpusDir } = docent.config;
  const admin = requireAdmin(options.adminKeys);
  app.openAPIRegistry.registerPath(listDocumentsRoute);
  app.openAPIRegistry.registerPath(uploadDocumentsRoute);
  app.openAPIRegistry.registerPath(deleteDocumentRoute);

  app.get('/api/documents', async (c) => c.json({ documents: await listDocuments(docent.index, docent.config.readOnly ? undefined : corpusDir) }, 200));

  app.post('/api/documents', admin, refuseReadOnly(docent), async (c) => {
    const replace = ['1', 'true'].includes(c.req.query('replace') ?? '');
    const files = await uploadedFiles(c);
    // Every file is checked before any is written: a refused request changes nothing.
    const named = files.map((file) => {
      const name = sanitizeFileName(file.name);
      if (!name) throw new ApiError(400, 'invalid_name', `The file name ${JSON.stringify(file.name)} has no usable characters`);
      if (!parserFor(name)) throw new ApiError(415, 'unsupported_type', `${name}: unsupported file type; allowed: ${SUPPORTED_EXTENSIONS.join(', ')}`);
      return { file, name };
    });
    if (new Set(named.map(({ name }) => name)).size !== named.length) throw new ApiError(409, 'conflict', 'Two files of the request have the same name');
    for (const { name } of named) {
      if (!replace && (await corpusFileExists(corpusDir, name))) throw new ApiError(409, 'conflict', `${name} already exists: send ?replace=1 to replace it`);
    }
    for (const { file, name } of named) {
      await writeCorpusFile(corpusDir, name, new Uint8Array(await file.arrayBuffer()), replace).catch((failure: unknown) => {
        throw failure instanceof FileExistsError ? new ApiError(409, 'conflict', `${name} already exists: send ?replace=1 to replace it`) : failure;
      });
    }
    options.onCorpusChange();
    return c.json({ documents: named.map(({ file, name }) => pendingDocument(name, file.size)) }, 202);
  });

  app.delete(`${PREFIX}*`, admin, refuseReadOnly(docent), async (c) => {
    const source = sourceOf(c, corpusDir);
    const indexed = docent.index.manifest.documents.some((entry) => entry.source === source) || docent.index.manifest.failures.some((entry) => entry.source === source);
    const removed = await removeCorpusFile(corpusDir, source);
    if (!removed && !indexed) throw new ApiError(404, 'not_found', `No document named ${JSON.stringify(source)}`);
    options.onCorpusChange();
    return c.json({ deleted: source }, 200);
  });
}
