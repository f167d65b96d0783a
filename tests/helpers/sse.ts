import { createParser } from 'eventsource-parser';

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** The events of a Server-Sent Events body, parsed by eventsource-parser (as the web client does). */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: ServerSentEvent[] = [];
  const parser = createParser({ onEvent: (event) => pending.push({ event: event.event ?? 'message', data: event.data }) });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
      yield* pending.splice(0);
      if (done) return;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
