import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat server on loopback that replays scripted completions, for testing the
 * LLM answerer without any network: well-cited, uncited, hallucinated markers, injection-obeying,
 * slow, failing. It records every request so tests can inspect the prompt.
 */

export interface Script {
  /** The completion text (streamed word by word when the request asks for a stream). */
  text?: string;
  /** Answer with this HTTP status and an OpenAI-style error body instead. */
  status?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Wait this long between streamed chunks. */
  chunkDelayMs?: number;
}

export interface ChatRequest {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
  [key: string]: unknown;
}

export type Responder = (request: ChatRequest) => Script;

export interface FakeLlm {
  /** Base URL to put in LLM_BASE_URL (ends with /v1). */
  baseUrl: string;
  requests: ChatRequest[];
  /** Sets how the next requests are answered. */
  respond(script: Script | Responder): void;
  close(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    // The listener goes when the timer fires: a stream sleeps once per chunk on the same signal.
    const onAbort = () => (clearTimeout(timer), resolve());
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Word-sized pieces (spaces kept), so `[1]` markers may be split across chunks like real tokens. */
export function tokens(text: string): string[] {
  return text.match(/\s*[^\s[\]]+|\s*\[|\]/g) ?? [];
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: ChatRequest[] = [];
  let responder: Responder = () => ({ text: 'Not found in the documents.' });

  const server = http.createServer(async (req, res) => {
    const closed = new AbortController();
    res.on('close', () => closed.abort());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    requests.push(request);
    let script: Script;
    try {
      script = responder(request);
    } catch (error) {
      // A script written for one question, asked another (the server's background suggestions): an LLM error, which Docent falls back from.
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: String(error), type: 'server_error', code: null } }));
      return;
    }
    if (script.delayMs) await sleep(script.delayMs, closed.signal);
    if (closed.signal.aborted) return;
    if (script.status && script.status >= 400) {
      res.writeHead(script.status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error', code: null } }));
      return;
    }
    const text = script.text ?? '';
    const base = { id: 'chatcmpl-fake', created: Math.floor(Date.now() / 1000), model: request.model };
    if (!request.stream) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const send = (delta: Record<string, unknown>, finish: string | null) =>
      res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`);
    send({ role: 'assistant', content: '' }, null);
    for (const piece of tokens(text)) {
      if (closed.signal.aborted) return;
      if (script.chunkDelayMs) await sleep(script.chunkDelayMs, closed.signal);
      send({ content: piece }, null);
    }
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    respond(script) {
      responder = typeof script === 'function' ? script : () => script;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The number of the passage in the prompt whose text contains `needle` (the prompt numbers passages from 1). */
export function passageNumber(request: ChatRequest, needle: string): number {
  const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
  for (const match of user.matchAll(/<passage id="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)) if (match[2]!.includes(needle)) return Number(match[1]);
  throw new Error(`No passage in the prompt contains ${JSON.stringify(needle)}`);
}
