import { z } from '@hono/zod-openapi';

/** The request and response shapes of the HTTP API: they validate requests and generate the OpenAPI document. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'question: Too small: expected string to have >=1 characters' }),
    }),
  })
  .openapi('Error');

export const PassageSchema = z
  .object({
    chunkId: z.string(),
    source: z.string().openapi({ description: 'Path of the source file, relative to the corpus folder' }),
    start: z.number().int().openapi({ description: 'Offset of the first character in the source text (UTF-16 code units)' }),
    end: z.number().int().openapi({ description: 'Offset one past the last character' }),
    text: z.string().openapi({ description: 'Exactly sourceText.slice(start, end)' }),
    score: z.number(),
    ranks: z.object({ bm25: z.number().int().nullable(), dense: z.number().int().nullable() }),
  })
  .openapi('Passage');

export const CitationSchema = z
  .object({
    n: z.number().int().openapi({ description: 'The number of the [n] marker in the answer' }),
    chunkId: z.string(),
    source: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    quote: z.string().openapi({ description: 'Exactly sourceText.slice(start, end)' }),
    score: z.number(),
  })
  .openapi('Citation');

export const AskRequestSchema = z
  .object({
    question: z.string().trim().min(1).max(2000).openapi({ example: 'When did China establish its peacekeeping training institution?' }),
    topK: z.number().int().min(1).max(20).optional(),
  })
  .openapi('AskRequest');

export const AskResponseSchema = z
  .object({
    answer: z.string().openapi({ description: 'The answer text; each quoted sentence is followed by its [n] marker' }),
    answerable: z.boolean().openapi({ description: 'False when the documents do not contain the answer (then there are no citations)' }),
    citations: z.array(CitationSchema),
    standaloneQuestion: z.string().openapi({ description: 'The question actually searched for (follow-ups resolved against the history)' }),
    answerer: z.string().openapi({ description: 'What produced the answer, e.g. "extractive"' }),
    passages: z.array(PassageSchema),
    timings: z.object({ retrieveMs: z.number(), answerMs: z.number(), totalMs: z.number() }),
  })
  .openapi('AskResponse');

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(2000).openapi({ param: { name: 'q', in: 'query' }, example: 'joint exercise Mongolia' }),
  k: z.coerce.number().int().min(1).max(50).optional().openapi({ param: { name: 'k', in: 'query' }, example: 5 }),
});

export const SearchResponseSchema = z.object({ results: z.array(PassageSchema) }).openapi('SearchResponse');

export const SourceResponseSchema = z.object({ source: z.string(), text: z.string() }).openapi('Source');

export const HealthResponseSchema = z
  .object({
    status: z.literal('ok'),
    documents: z.number().int(),
    chunks: z.number().int(),
    embedding: z.object({ model: z.string(), dimensions: z.number().int(), pretrained: z.boolean() }),
    index: z.object({ type: z.literal('hnsw'), elements: z.number().int() }),
  })
  .openapi('Health');
