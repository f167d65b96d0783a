/** The Docent API as the browser sees it: asking (streamed as Server-Sent Events), sources, feedback, suggestions. */

import { sseStream } from './sse.js';
// Type-only imports: the wire types are the server's own, and esbuild erases these imports from the bundle.
import type { z } from '@hono/zod-openapi';
import type { CheckedCitation } from '../src/verify/answer.js';
import type { ChatTurn } from '../src/retrieve/follow-up.js';
import type { Passage } from '../src/retrieve/types.js';
import type { FeedbackRequestSchema, SuggestionsResponseSchema } from '../src/server/schemas-chat.js';
import type { SourceResponseSchema } from '../src/server/schemas.js';
import type { AskResult as ServerAskResult } from '../src/service.js';

export type { ChatTurn, Passage };
export type Citation = CheckedCitation;
/** One phrase that answers the question, inside citation `n`'s span (contract §5). */
export interface ShortAnswer {
  text: string;
  n: number;
  start: number;
  end: number;
}
export type AskResult = ServerAskResult & { shortAnswer?: ShortAnswer; questionType?: 'factoid' | 'list' | 'yes_no' | 'summary' };
export type SourceDocument = z.infer<typeof SourceResponseSchema>;
export type Suggestions = z.infer<typeof SuggestionsResponseSchema>;
export type Feedback = z.input<typeof FeedbackRequestSchema>;

export interface StreamHandlers {
  onPassages?(passages: Passage[], standaloneQuestion: string): void;
  onDelta?(text: string): void;
}

/** An error to show the user; `code` is the API's error code, or `network` / `stream`. */
export class ChatError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

async function errorFrom(response: Response): Promise<ChatError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ChatError(body.error.code ?? 'error', body.error.message, response.status);
  } catch {
    // not JSON
  }
  return new ChatError('http_error', `The server answered ${response.status}`, response.status);
}

/** fetch, with network failures and HTTP errors turned into ChatErrors. */
export async function request(url: string, init: RequestInit = {}, what = 'Docent'): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ChatError('network', `Could not reach ${what}. The server may be down, or this site is not allowed to use it.`);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

const postJson = (body: unknown, extra: RequestInit = {}): RequestInit => ({ method: 'POST', body: JSON.stringify(body), ...extra, headers: { 'Content-Type': 'application/json', ...extra.headers } });

/** `POST /api/ask` as a stream; resolves to the `done` result (the same body a non-streaming call returns). */
export async function askStreaming(baseUrl: string, body: { question: string; history: ChatTurn[] }, handlers: StreamHandlers, signal?: AbortSignal): Promise<AskResult> {
  const response = await request(`${baseUrl}/api/ask`, postJson({ ...body, stream: true }, { headers: { Accept: 'text/event-stream' }, signal }));
  if (!response.body || !/text\/event-stream/.test(response.headers.get('Content-Type') ?? '')) return (await response.json()) as AskResult;
  let result: AskResult | undefined;
  const events = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(sseStream()).getReader();
  // Read to the end (the server closes right after `done`): leaving early would abort the request.
  for (;;) {
    const { done, value } = await events.read();
    if (done) break;
    const payload = JSON.parse(value.data);
    if (value.event === 'passages') handlers.onPassages?.(payload.passages, payload.standaloneQuestion);
    else if (value.event === 'delta') handlers.onDelta?.(payload.text);
    else if (value.event === 'done') result = payload as AskResult;
    else if (value.event === 'error') throw new ChatError(payload.error?.code ?? 'error', payload.error?.message ?? 'The answer failed');
  }
  if (!result) throw new ChatError('stream', 'The answer stream ended early');
  return result;
}

export const sourceUrl = (baseUrl: string, source: string, original = false) => `${baseUrl}/api/sources/${encodeURIComponent(source)}${original ? '?format=original' : ''}`;

/** `GET /api/sources/{source}`: the indexed text citation offsets point into, with its structure. */
export async function fetchSource(baseUrl: string, source: string): Promise<SourceDocument> {
  return (await request(sourceUrl(baseUrl, source), {}, 'the source text')).json();
}

export async function sendFeedback(baseUrl: string, feedback: Feedback): Promise<void> {
  await request(`${baseUrl}/api/feedback`, postJson(feedback));
}

export async function fetchSuggestions(baseUrl: string): Promise<Suggestions> {
  return (await request(`${baseUrl}/api/suggestions`)).json();
}
