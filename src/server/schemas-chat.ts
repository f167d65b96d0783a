import { z } from '@hono/zod-openapi';
import { MAX_CITATIONS, MAX_FEEDBACK_ANSWER_CHARS, MAX_FEEDBACK_COMMENT_CHARS, MAX_QUESTION_CHARS } from './limits.js';
import { SpanRefSchema } from './schemas.js';

/* Feedback on answers (POST /api/feedback) and suggested first questions (GET /api/suggestions). */

export const FeedbackRequestSchema = z
  .object({
    id: z.string().trim().min(1).max(100).openapi({ description: 'The client\'s id for the answer: a later record with the same id (a comment added, a changed rating) supersedes earlier ones' }),
    rating: z.enum(['up', 'down']),
    comment: z.string().trim().max(MAX_FEEDBACK_COMMENT_CHARS).optional(),
    question: z.string().trim().min(1).max(MAX_QUESTION_CHARS).openapi({ description: 'The question as asked' }),
    answer: z.string().max(MAX_FEEDBACK_ANSWER_CHARS).openapi({ description: 'The answer rated, with its [n] markers' }),
    citations: z
      .array(SpanRefSchema.extend({ n: z.number().int().min(1) }))
      .max(MAX_CITATIONS)
      .optional()
      .openapi({ description: 'The answer\'s citations, to see which spans a rating is about' }),
  })
  .openapi('FeedbackRequest');

export const FeedbackResponseSchema = z.object({ recorded: z.literal(true), id: z.string() }).openapi('FeedbackResponse');

export const SuggestionsResponseSchema = z
  .object({
    version: z.string().openapi({ description: 'The index version the questions were picked for' }),
    state: z.enum(['pending', 'ready']).openapi({ description: 'pending: still being picked for this index version (ask again shortly)' }),
    questions: z.array(z.string()).openapi({ description: 'Up to 4 questions the documents answer with a citation', example: ['When was the first China-US consultation on the UNPKOs held?'] }),
  })
  .openapi('Suggestions');
