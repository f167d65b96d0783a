/**
 * Server-sent events from a text stream, as the browser's EventSource reads them (HTML § 9.2.6):
 * `event:` and `data:` fields (data lines joined by "\n"), comments and other fields ignored, an
 * event dispatched at each blank line. The chat reads `/api/ask` with fetch (a POST), so it cannot
 * use EventSource itself; this is the few lines of it the page needs, instead of a library.
 */
export interface SseEvent {
  event: string;
  data: string;
}

export function sseStream(): TransformStream<string, SseEvent> {
  let buffer = '';
  let afterCr = false;
  let event = '';
  let data: string[] = [];
  const line = (text: string, out: TransformStreamDefaultController<SseEvent>) => {
    if (text === '') {
      if (data.length) out.enqueue({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(text[colon + 1] === ' ' ? colon + 2 : colon + 1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return new TransformStream({
    transform(chunk, out) {
      // A chunk ending in "\r" ended its line; a "\n" starting the next one is the rest of that "\r\n".
      if (afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      afterCr = chunk.endsWith('\r');
      const lines = (buffer + chunk).split(/\r\n|\r|\n/);
      buffer = lines.pop()!;
      for (const text of lines) line(text, out);
    },
    // An event not ended by a blank line when the stream ends is dropped, as EventSource does.
  });
}
