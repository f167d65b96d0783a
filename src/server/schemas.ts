import { QUESTION_TYPES } from '../answer/question-type.js';
import { z } from '@hono/zod-openapi';
import { BLOCK_KINDS, DOCUMENT_FORMATS } from '../ingest/types.js';
import { VECTOR_STORES } from '../index/vector-store.js';
import { MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS } from './limits.js';

export { MAX_HISTORY_TURNS, MAX_TURN_CHARS };

/** The request and response shapes of the HTTP API: they validate requests and generate the OpenAPI document. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'question: Too small: expected string to have >=1 characters' }),
    }),
  })
  .openapi('Error');

const SectionSchema = z.array(z.string()).openapi({ description: 'The headings above the text, outermost first (empty when the document has none)', example: ['IV. Active Efforts for Greater International Cooperation'] });
const PageSchema = z.number().int().min(1).optional().openapi({ description: 'PDF only: the 1-based page the text starts on' });

export const PassageSchema = z
  .object({
    chunkId: z.string(),
    source: z.string().openapi({ description: 'Path of the source file, relative to the corpus folder' }),
    start: z.number().int().openapi({ description: 'Offset of the first character in the source text (UTF-16 code units)' }),
    end: z.number().int().openapi({ description: 'Offset one past the last character' }),
    text: z.string().openapi({ description: 'Exactly sourceText.slice(start, end)' }),
    title: z.string().openapi({ description: 'The title of the passage\'s document' }),
    section: SectionSchema,
    page: PageSchema,
    score: z.number(),
    ranks: z.object({ bm25: z.number().int().nullable(), dense: z.number().int().nullable() }),
  })
  .openapi('Passage');

/** A quoted span of a source: what citations and the checker's evidence have in common. */
const QuotedSpanFields = {
  source: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string().openapi({ description: 'Exactly sourceText.slice(start, end)' }),
  section: SectionSchema,
  page: PageSchema,
  score: z.number(),
};

export const CitationSchema = z
  .object({
    n: z.number().int().openapi({ description: 'The number of the [n] marker in the answer' }),
    chunkId: z.string(),
    ...QuotedSpanFields,
    support: z.number().optional().openapi({ description: 'How well this span supports the answer sentences that cite it (0–1), from the citation checker' }),
  })
  .openapi('Citation');

export const ChatTurnSchema = z
  .object({
    role: z.enum(['user', 'assistant']),
    content: z.string().max(MAX_TURN_CHARS),
  })
  .openapi('ChatTurn');

export const AskRequestSchema = z
  .object({
    question: z.string().trim().min(1).max(MAX_QUESTION_CHARS).openapi({ example: 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?' }),
    topK: z.number().int().min(1).max(20).optional(),
    history: z
      .array(ChatTurnSchema)
      .max(MAX_HISTORY_TURNS)
      .optional()
      .openapi({ description: 'Earlier turns, oldest first; a follow-up question is resolved against them before retrieval' }),
    stream: z.boolean().optional().openapi({ description: 'Answer as Server-Sent Events (also chosen by `Accept: text/event-stream` when omitted)' }),
  })
  .openapi('AskRequest');

export const AskResponseSchema = z
  .object({
    answer: z.string().openapi({ description: 'The answer text; each quoted sentence is followed by its [n] marker' }),
    answerable: z.boolean().openapi({ description: 'False when the documents do not contain the answer (then there are no citations)' }),
    citations: z.array(CitationSchema),
    confidence: z.number().optional().openapi({ description: 'How strongly the best evidence answers the question (0–1); the extractive answerer declines below its threshold' }),
    questionType: z.enum(QUESTION_TYPES).optional().openapi({ description: 'What kind of answer the question wants' }),
    shortAnswer: z
      .object({ text: z.string(), n: z.number().int(), start: z.number().int(), end: z.number().int() })
      .optional()
      .openapi({ description: 'The phrase that answers the question, inside citation n\'s span: text === sourceText.slice(start, end)' }),
    standaloneQuestion: z.string().openapi({ description: 'The question actually searched for (follow-ups resolved against the history)' }),
    answerer: z.string().openapi({ description: 'What produced the answer: "extractive", or "llm" when an LLM is configured and its answer passed verification' }),
    fallbackReason: z
      .enum(['llm_error', 'llm_timeout', 'no_valid_citation', 'no_passages'])
      .optional()
      .openapi({ description: 'Set when the configured LLM\'s answer was replaced by the extractive one, and why' }),
    verification: z.lazy(() => AnswerVerificationSchema).optional().openapi({ description: 'The citation checker\'s verdict on each sentence of the answer' }),
    passages: z.array(PassageSchema),
    timings: z.object({ retrieveMs: z.number(), answerMs: z.number(), totalMs: z.number() }),
  })
  .openapi('AskResponse');

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(2000).openapi({ param: { name: 'q', in: 'query' }, example: 'joint exercise Mongolia' }),
  k: z.coerce.number().int().min(1).max(50).optional().openapi({ param: { name: 'k', in: 'query' }, example: 5 }),
});

export const SearchResponseSchema = z.object({ results: z.array(PassageSchema) }).openapi('SearchResponse');

export const BlockSchema = z
  .object({
    kind: z.enum(BLOCK_KINDS),
    start: z.number().int(),
    end: z.number().int(),
    level: z.number().int().optional().openapi({ description: 'Headings: 1 (title) to 6' }),
    section: SectionSchema,
    page: PageSchema,
  })
  .openapi('Block');

export const SourceResponseSchema = z
  .object({
    source: z.string(),
    format: z.enum(DOCUMENT_FORMATS),
    title: z.string(),
    text: z.string().openapi({ description: 'The citable text: every citation offset indexes into it' }),
    blocks: z.array(BlockSchema).openapi({ description: 'Headings, paragraphs, list items, quotes, code blocks and table rows, in order; offsets into text' }),
    pages: z.array(z.object({ page: z.number().int(), start: z.number().int(), end: z.number().int() })).optional().openapi({ description: 'PDF only: where each page lies in text' }),
    marks: z
      .array(z.object({ kind: z.enum(['code', 'emphasis', 'strong', 'link']), start: z.number().int(), end: z.number().int(), href: z.string().optional() }))
      .optional()
      .openapi({ description: 'Inline formatting removed from the text (inline code, emphasis, links), by offsets into text' }),
  })
  .openapi('Source');

export const HealthResponseSchema = z
  .object({
    status: z.literal('ok'),
    state: z.enum(['starting', 'indexing', 'ready']).openapi({ description: 'ready: answering from a complete index; indexing: answering while a new version is built' }),
    version: z.string().openapi({ description: 'The id of the index version served' }),
    documents: z.number().int(),
    chunks: z.number().int(),
    embedding: z.object({ model: z.string(), dimensions: z.number().int(), pretrained: z.boolean() }),
    index: z.object({ type: z.enum(VECTOR_STORES), elements: z.number().int() }),
  })
  .openapi('Health');

/* Citation checking (POST /api/verify, and the verification of every answer). */

export const VerdictSchema = z.enum(['supported', 'partially_supported', 'contradicted', 'not_found']).openapi('Verdict');

export const SpanRefSchema = z
  .object({
    source: z.string().min(1).max(1000).openapi({ example: 'china-un-peacekeeping-international-cooperation.md' }),
    start: z.number().int().min(0).openapi({ example: 5562 }),
    end: z.number().int().min(0).openapi({ example: 5673 }),
  })
  .openapi('SpanRef');

export const VerifyRequestSchema = z
  .object({
    claim: z.string().trim().min(1).max(MAX_QUESTION_CHARS).openapi({ example: 'China and Mongolia held the joint exercise Peacekeeping Mission-2009 in Beijing in June and July 2009.' }),
    citations: z
      .array(SpanRefSchema)
      .min(1)
      .max(20)
      .optional()
      .openapi({ description: 'Check the claim against exactly these spans; without them the corpus is searched for evidence' }),
  })
  .openapi('VerifyRequest');

export const EvidenceSchema = z.object(QuotedSpanFields).openapi('Evidence');

export const ConflictSchema = z
  .object({
    claim: z.string().openapi({ description: 'The value as written in the claim', example: '2016' }),
    evidence: z.string().openapi({ description: 'The value the evidence states instead; exactly sourceText.slice(start, end)', example: '2014' }),
    source: z.string(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('Conflict');

export const VerifyResponseSchema = z
  .object({
    verdict: VerdictSchema,
    score: z.number().openapi({ description: 'Share (0–1) of the claim found in the best evidence, discounted for each number, date or name of the claim missing or changed there' }),
    evidence: z.array(EvidenceSchema).openapi({ description: 'Best evidence first (for contradicted: the contradicting span); empty when not_found' }),
    conflicts: z.array(ConflictSchema).optional().openapi({ description: 'For contradicted: the values the evidence states differently, and where' }),
    missing: z.array(z.string()).optional().openapi({ description: 'For partially_supported: the parts of the claim the evidence does not state, as written in the claim' }),
  })
  .openapi('VerifyResponse');

export const SentenceCheckSchema = z
  .object({
    text: z.string().openapi({ description: 'The sentence as written in the answer, markers included' }),
    start: z.number().int().openapi({ description: 'Offset of the sentence in the answer' }),
    end: z.number().int(),
    citations: z.array(z.number().int()).openapi({ description: 'The [n] markers of the sentence' }),
    verdict: VerdictSchema,
    score: z.number(),
    flagged: z.boolean().openapi({ description: 'True when its citations (or, uncited, the passages) do not support it' }),
  })
  .openapi('SentenceCheck');

export const AnswerVerificationSchema = z
  .object({
    supported: z.boolean().openapi({ description: 'True when no sentence is flagged' }),
    unsupportedSentences: z.number().int(),
    sentences: z.array(SentenceCheckSchema),
  })
  .openapi('AnswerVerification');
