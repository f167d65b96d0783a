import { z } from '@hono/zod-openapi';
import { AskRequestSchema, SearchQuerySchema, SourceResponseSchema, SpanRefSchema, VerifyRequestSchema } from '../server/schemas.js';

/**
 * The MCP tools' inputs and outputs, derived from the HTTP API's zod schemas so limits and wire
 * shapes are stated once. `.describe()` adds the text MCP clients show to their model (the
 * OpenAPI descriptions do not reach JSON Schema).
 */

export const searchInput = {
  query: SearchQuerySchema.shape.q.describe('What to look for: keywords or a question'),
  k: SearchQuerySchema.shape.k.describe('How many passages to return, best first (default: the server\'s TOP_K)'),
};

export const askInput = {
  question: AskRequestSchema.shape.question.describe('The question, in natural language'),
  topK: AskRequestSchema.shape.topK.describe('How many passages to read before answering (default: the server\'s TOP_K)'),
  history: AskRequestSchema.shape.history.describe('Earlier turns of the conversation, oldest first: a follow-up question ("and in 2010?") is resolved against them'),
};

export const verifyInput = {
  claim: VerifyRequestSchema.shape.claim.describe('A statement to check against the documents'),
  citations: VerifyRequestSchema.shape.citations.describe('Spans ({source, start, end}) to check the claim against; without them the documents are searched for evidence'),
};

export const sourceInput = {
  source: SpanRefSchema.shape.source.describe('The source path, as in the `source` field of passages and citations'),
  start: SpanRefSchema.shape.start.optional().describe('First character to return (default 0)'),
  end: SpanRefSchema.shape.end.optional().describe('One past the last character to return (default: the end of the text, at most MAX_SOURCE_CHARS after start)'),
};

/** The most characters get_source returns at once; a client reads a longer document in pieces. */
export const MAX_SOURCE_CHARS = 50_000;

export const SourceSliceSchema = SourceResponseSchema.pick({ source: true, format: true, title: true })
  .extend({
    start: z.number().int(),
    end: z.number().int(),
    text: z.string().describe('Exactly the citable text .slice(start, end): the text citation offsets index into'),
    length: z.number().int().describe('Length of the whole citable text'),
    truncated: z.boolean().describe(`True when the text was cut at ${MAX_SOURCE_CHARS} characters: ask again from \`end\``),
    section: z.array(z.string()).describe('The headings above `start`, outermost first'),
    page: z.number().int().min(1).optional().describe('PDF only: the page `start` is on'),
  })
  .openapi('SourceSlice');

export type SourceSlice = z.infer<typeof SourceSliceSchema>;
