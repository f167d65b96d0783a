import { randomUUID } from 'node:crypto';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ZodError } from 'zod';
import type { ChatTurn } from '../../retrieve/follow-up.js';
import type { AskResult, Docent } from '../../service.js';
import { requestSignal } from '../deadline.js';
import { describeZodError } from '../errors.js';
import { EXAMPLES } from '../examples.js';
import { AnswerVerificationSchema, CitationSchema } from '../schemas.js';

/**
 * An OpenAI-compatible face of `ask`: POST /v1/chat/completions (plain or `stream: true`) and
 * GET /v1/models. The last user message is the question, earlier user/assistant messages are the
 * history; the reply is the cited answer with its [n] markers, and the citations travel with it in
 * a `citations` array (on the response, and on the final chunk of a stream).
 */

export const MODEL_ID = 'docent';

const OpenAIErrorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string().openapi({ example: 'invalid_request_error' }),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .openapi('OpenAIError');

const ContentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const ChatMessageSchema = z
  .looseObject({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
    content: z.union([z.string().max(8000), z.array(ContentPartSchema).max(50), z.null()]).optional(),
  })
  .openapi('ChatMessage');

export const ChatCompletionRequestSchema = z
  .looseObject({
    model: z.string().max(200).optional().openapi({ example: MODEL_ID, description: 'Any value; Docent answers as itself' }),
    messages: z.array(ChatMessageSchema).min(1).max(100),
    stream: z.boolean().optional(),
  })
  .openapi('ChatCompletionRequest');

const DocentExtensionSchema = z
  .object({
    answer: z.string().openapi({ description: 'The verified answer (equal to the message content)' }),
    answerable: z.boolean(),
    answerer: z.string(),
    fallbackReason: z.string().optional(),
    standaloneQuestion: z.string(),
    verification: AnswerVerificationSchema,
  })
  .openapi('DocentChatExtension');

const ChatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        finish_reason: z.literal('stop'),
        logprobs: z.null(),
      }),
    ),
    usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() }),
    citations: z.array(CitationSchema).openapi({ description: 'The citations of the [n] markers in the content; quote === sourceText.slice(start, end)' }),
    docent: DocentExtensionSchema,
  })
  .openapi('ChatCompletion');

const openAIErrors = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: OpenAIErrorSchema } } },
  413: { description: 'Request body too large', content: { 'application/json': { schema: OpenAIErrorSchema } } },
};

export const chatCompletionsRoute = createRoute({
  method: 'post',
  path: '/v1/chat/completions',
  summary: 'OpenAI-compatible chat completion (cited answer)',
  description:
    'Point any OpenAI client at `{server}/v1`. The last user message is the question; earlier user and assistant messages are the history. ' +
    'With `stream: true` the answer arrives as `chat.completion.chunk` Server-Sent Events ending with `data: [DONE]`; the last chunk before it carries `citations`.',
  request: { body: { required: true, content: { 'application/json': { schema: ChatCompletionRequestSchema, example: EXAMPLES.chat } } } },
  responses: {
    200: {
      description: 'A chat completion (or, with stream: true, a text/event-stream of chunks)',
      content: { 'application/json': { schema: ChatCompletionSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...openAIErrors,
  },
});

export const modelsRoute = createRoute({
  method: 'get',
  path: '/v1/models',
  summary: 'OpenAI-compatible model list',
  responses: {
    200: {
      description: 'The one model Docent serves',
      content: {
        'application/json': {
          schema: z
            .object({ object: z.literal('list'), data: z.array(z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() })) })
            .openapi('ModelList'),
        },
      },
    },
  },
});

function openAIError(c: Context, status: 400 | 404 | 413 | 500, message: string, code: string, param: string | null = null) {
  const type = status >= 500 ? 'server_error' : 'invalid_request_error';
  return c.json({ error: { message, type, param, code } }, status);
}

function openAIValidationHook(result: { success: true } | { success: false; error: ZodError }, c: Context) {
  if (result.success) return undefined;
  const param = result.error.issues[0]?.path.join('.') || null;
  return openAIError(c, 400, describeZodError(result.error), 'invalid_request', param);
}

type Message = z.infer<typeof ChatMessageSchema>;

function messageText(message: Message): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
  return '';
}

/** The question (the last user message) and the turns before it. */
function conversation(messages: Message[]): { question: string; history: ChatTurn[] } | undefined {
  let last = messages.length - 1;
  while (last >= 0 && messages[last]!.role !== 'user') last--;
  if (last < 0) return undefined;
  const question = messageText(messages[last]!).trim();
  if (!question) return undefined;
  const history = messages
    .slice(0, last)
    .filter((message): message is Message & { role: 'user' | 'assistant' } => message.role === 'user' || message.role === 'assistant')
    .map((message) => ({ role: message.role, content: messageText(message) }));
  return { question, history };
}

const countTokens = (text: string) => (text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []).length;

function extension(result: AskResult) {
  return {
    answer: result.answer,
    answerable: result.answerable,
    answerer: result.answerer,
    ...(result.fallbackReason ? { fallbackReason: result.fallbackReason } : {}),
    standaloneQuestion: result.standaloneQuestion,
    verification: result.verification,
  };
}

export function registerOpenAI(app: OpenAPIHono, docent: Docent) {
  app.openapi(modelsRoute, (c) => c.json({ object: 'list' as const, data: [{ id: MODEL_ID, object: 'model' as const, created: 0, owned_by: 'docent' }] }, 200));

  app.openapi(
    chatCompletionsRoute,
    // The streaming branch returns an SSE Response, which the typed route responses cannot describe.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (async (c: Context & { req: { valid(target: 'json'): z.infer<typeof ChatCompletionRequestSchema> } }) => {
      const body = c.req.valid('json');
      const parsed = conversation(body.messages);
      if (!parsed) return openAIError(c, 400, 'messages: the conversation needs a non-empty user message (the question)', 'invalid_request', 'messages');
      const { question, history } = parsed;
      if (question.length > 2000) return openAIError(c, 400, 'messages: the question (last user message) is longer than 2000 characters', 'invalid_request', 'messages');
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const model = body.model || MODEL_ID;
      const promptTokens = countTokens(body.messages.map(messageText).join('\n'));

      if (!body.stream) {
        const result = await docent.ask(question, { history, signal: requestSignal(c) });
        const completionTokens = countTokens(result.answer);
        return c.json(
          {
            id,
            object: 'chat.completion' as const,
            created,
            model,
            choices: [{ index: 0, message: { role: 'assistant' as const, content: result.answer, refusal: null }, finish_reason: 'stop' as const, logprobs: null }],
            usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
            citations: result.citations,
            docent: extension(result),
          },
          200,
        );
      }

      return streamSSE(c, async (stream) => {
        const controller = new AbortController();
        stream.onAbort(() => controller.abort());
        requestSignal(c).addEventListener('abort', () => controller.abort(), { once: true });
        const chunk = (delta: Record<string, unknown>, finishReason: 'stop' | null, extra: Record<string, unknown> = {}) =>
          JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }], ...extra });
        // Deltas arrive synchronously from the answerer; writes are chained so they go out in order.
        let writes = stream.writeSSE({ data: chunk({ role: 'assistant', content: '' }, null) });
        try {
          const result = await docent.ask(question, {
            history,
            signal: controller.signal,
            onEvent: (event) => {
              if (event.type === 'delta') writes = writes.then(() => stream.writeSSE({ data: chunk({ content: event.text }, null) }));
            },
          });
          await writes;
          const completionTokens = countTokens(result.answer);
          await stream.writeSSE({
            data: chunk({}, 'stop', {
              citations: result.citations,
              docent: extension(result),
              usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
            }),
          });
        } catch (error) {
          if (controller.signal.aborted) return;
          console.error('[docent] /v1/chat/completions stream failed:', error);
          await writes.catch(() => undefined);
          await stream.writeSSE({ data: JSON.stringify({ error: { message: 'Internal server error', type: 'server_error', param: null, code: 'internal_error' } }) });
        }
        await stream.writeSSE({ data: '[DONE]' });
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    }) as any,
    openAIValidationHook,
  );
}
