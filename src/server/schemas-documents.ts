import { z } from '@hono/zod-openapi';
import { DOCUMENT_FORMATS } from '../ingest/types.js';

/* Documents API (GET, POST /api/documents; DELETE /api/documents/<source>). */

export const DocumentStatusSchema = z
  .object({
    source: z.string().openapi({ description: 'Path relative to the corpus folder', example: 'guide.md' }),
    format: z.string().openapi({ description: `${DOCUMENT_FORMATS.join(', ')}; for a file no parser reads, its extension`, example: 'markdown' }),
    title: z.string(),
    bytes: z.number().int(),
    chunks: z.number().int(),
    pages: z.number().int().optional().openapi({ description: 'PDF only' }),
    indexedAt: z.string().optional().openapi({ description: 'When this content was indexed (ISO 8601); absent for a file not indexed yet' }),
    status: z.enum(['indexed', 'pending', 'failed']).openapi({ description: 'pending: added, changed or removed, waiting for the re-index; failed: could not be read (see error)' }),
    error: z.string().optional().openapi({ description: 'Why a failed file could not be indexed' }),
  })
  .openapi('DocumentStatus');

export const DocumentListResponseSchema = z.object({ documents: z.array(DocumentStatusSchema) }).openapi('DocumentList');

export const DocumentUploadSchema = z
  .object({
    file: z.union([z.instanceof(File), z.array(z.instanceof(File))]).openapi({ type: 'string', format: 'binary', description: 'One or more files (repeat the field)' }),
  })
  .openapi('DocumentUpload');

export const DocumentDeleteResponseSchema = z.object({ deleted: z.string() }).openapi('DocumentDeleted');
