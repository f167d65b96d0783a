import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AskEvent, AskOptions, Docent } from '../service.js';
import { ApiError } from './errors.js';
import { requestSignal } from './deadline.js';

/**
 * The Server-Sent Events transport of `POST /api/ask`. Every event's data is one line of JSON:
 *
 *   event: passages   data: {"passages": Passage[], "standaloneQuestion": string}
 *   event: delta      data: {"text": string}          (the pieces concatenate to the answer)
 *   event: done       data: AskResult                  (exactly the non-streaming response body)
 *   event: error      data: {"error": {"code", "message"}}   (only if answering failed mid-stream)
 */

/** True when the client asked for an event stream: `"stream": true` wins, then `Accept: text/event-stream`. */
export function wantsEventStream(c: Context, stream: boolean | undefined): boolean {
  if (stream !== undefined) return stream;
  return /\btext\/event-stream\b/i.test(c.req.header('Accept') ?? '');
}

function sseData(event: AskEvent): { event: string; data: string } {
  switch (event.type) {
    case 'passages':
      return { event: 'passages', data: JSON.stringify({ passages: event.passages, standaloneQuestion: event.standaloneQuestion }) };
    case 'delta':
      return { event: 'delta', data: JSON.stringify({ text: event.text }) };
    case 'done':
      return { event: 'done', data: JSON.stringify(event.result) };
  }
}

/**
 * Answers `question` as an event stream. When the client goes away (the request's signal, or the
 * response stream being cancelled) the AbortController passed to `docent.ask` is aborted, so the
 * pipeline stops at its next check; nothing is written after that and nothing is thrown.
 */
export function streamAnswer(c: Context, docent: Docent, question: string, options: Omit<AskOptions, 'signal' | 'onEvent'>) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const signal = requestSignal(c);
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  c.header('X-Accel-Buffering', 'no');

  return streamSSE(
    c,
    async (stream) => {
      stream.onAbort(abort);
      // `onEvent` is synchronous; chaining the writes keeps the events in order.
      let writes: Promise<unknown> = Promise.resolve();
      const send = (message: { event: string; data: string }) => {
        writes = writes.then(() => (controller.signal.aborted ? undefined : stream.writeSSE(message)));
      };
      try {
        await docent.ask(question, { ...options, signal: controller.signal, onEvent: (event) => send(sseData(event)) });
      } catch (error) {
        if (!controller.signal.aborted) {
          const safe = error instanceof ApiError;
          if (!safe) console.error(`[docent] ${c.req.method} ${c.req.path} failed mid-stream:`, error);
          send({
            event: 'error',
            data: JSON.stringify({ error: safe ? { code: error.code, message: error.message } : { code: 'internal_error', message: 'Internal server error' } }),
          });
        }
      } finally {
        await writes;
        signal.removeEventListener('abort', abort);
      }
    },
  );
}
