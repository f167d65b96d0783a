import { EventSourceParserStream } from 'eventsource-parser/stream';
import { describe, expect, it } from 'vitest';
import { sseStream, type SseEvent } from '../../web/sse.js';

/** The page's SSE reader against eventsource-parser (what the page used before), on every way of cutting the stream. */

const STREAM = [
  ': a comment first\n',
  'event: passages\ndata: {"passages":[],"standaloneQuestion":"q"}\n\n',
  'event: delta\r\ndata: {"text":"a"}\r\n\r\n',
  'event: delta\rdata:{"text":"no space"}\r\r',
  'data: line one\ndata:  two spaces\nid: 7\nretry: 100\nunknown\n\n',
  'event: done\ndata: {"answer":"é ✓ [1]"}\n\n',
  'event: lost\ndata: never ended',
].join('');

async function read(stream: TransformStream<string, SseEvent>, chunks: string[]): Promise<SseEvent[]> {
  const source = new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const events: SseEvent[] = [];
  const reader = source.pipeThrough(stream).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) events.push({ event: next.value.event ?? 'message', data: next.value.data });
  return events;
}

const reference = (chunks: string[]) => read(new EventSourceParserStream() as unknown as TransformStream<string, SseEvent>, chunks);

describe('the SSE reader', () => {
  it('reads fields, comments, CR/LF/CRLF line ends and multi-line data; drops an unfinished event', async () => {
    expect(await read(sseStream(), [STREAM])).toEqual([
      { event: 'passages', data: '{"passages":[],"standaloneQuestion":"q"}' },
      { event: 'delta', data: '{"text":"a"}' },
      { event: 'delta', data: '{"text":"no space"}' },
      { event: 'message', data: 'line one\n two spaces' },
      { event: 'done', data: '{"answer":"é ✓ [1]"}' },
    ]);
  });

  it('gives what eventsource-parser gives, however the stream is cut', async () => {
    const expected = await reference([STREAM]);
    expect(expected).toHaveLength(5);
    for (let at = 1; at < STREAM.length; at++) {
      const cut = [STREAM.slice(0, at), STREAM.slice(at)];
      expect(await read(sseStream(), cut), `cut at ${at}`).toEqual(expected);
    }
    expect(await read(sseStream(), [...STREAM])).toEqual(expected);
  });
});
