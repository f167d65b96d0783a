/** The wire format of the Docent API as the browser sees it, and a fetch-based SSE reader (EventSource cannot POST). */

// Type-only imports: the wire types are the server's own, and esbuild erases these imports from the bundle.
import type { Citation } from '../src/answer/types.js';
import type { ChatTurn } from '../src/retrieve/follow-up.js';
import type { Passage } from '../src/retrieve/types.js';
import type { AskResult } from '../src/service.js';

export type { AskResult, ChatTurn, Citation, Passage };

/** Server limits on the history a request may carry (see src/server/schemas.ts). */
export const MAX_HISTORY_TURNS = 20;
export const MAX_TURN_CHARS = 4000;
/** The web client also keeps its whole history well under the server's default 64 KiB body limit. */
export const MAX_HISTORY_CHARS = 32_000;

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

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Parses an event stream as the HTML standard describes (CRLF, LF or CR line ends; `:` comments; multi-line data). */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (;;) {
        const match = /\r\n|\n|\r/.exec(buffer);
        // A lone CR at the very end may be the first half of CRLF: wait for more, unless the stream ended.
        if (!match || (!done && match[0] === '\r' && match.index === buffer.length - 1)) break;
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (done) return; // an unterminated last event is dropped, as the standard says
    }
  } finally {
    reader.cancel().catch(() => {});
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

/** `POST /api/ask` as a stream; resolves to the `done` result (the same body a non-streaming call returns). */
export async function askStreaming(
  baseUrl: string,
  request: { question: string; history: ChatTurn[] },
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<AskResult> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ ...request, stream: true }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ChatError('network', 'Could not reach Docent. The server may be down, or this site is not allowed to use it.');
  }
  if (!response.ok) throw await errorFrom(response);
  if (!response.body || !/text\/event-stream/.test(response.headers.get('Content-Type') ?? '')) {
    return (await response.json()) as AskResult;
  }
  let result: AskResult | undefined;
  // Read to the end (the server closes right after `done`): leaving early would abort the request.
  for await (const { event, data } of readEvents(response.body)) {
    const payload = JSON.parse(data);
    if (event === 'passages') handlers.onPassages?.(payload.passages, payload.standaloneQuestion);
    else if (event === 'delta') handlers.onDelta?.(payload.text);
    else if (event === 'done') result = payload as AskResult;
    else if (event === 'error') throw new ChatError(payload.error?.code ?? 'error', payload.error?.message ?? 'The answer failed');
  }
  if (!result) throw new ChatError('stream', 'The answer stream ended early');
  return result;
}

/** `GET /api/sources/{source}`: the indexed text citation offsets point into. */
export async function fetchSource(baseUrl: string, source: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/sources/${encodeURIComponent(source)}`);
  } catch {
    throw new ChatError('network', 'Could not load the source text.');
  }
  if (!response.ok) throw await errorFrom(response);
  return ((await response.json()) as { text: string }).text;
}
