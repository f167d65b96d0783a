import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Docent } from '../../src/service.js';
import { testApp } from '../helpers/app.js';
import { passageNumber, startFakeLlm, type FakeLlm } from '../helpers/fake-llm-server.js';
import { DEFAULT_CORPUS, openTestDocent } from '../helpers/fixtures.js';

const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';

interface Citation {
  n: number;
  source: string;
  start: number;
  end: number;
  quote: string;
  support: number;
}

async function startServer(docent: Docent): Promise<{ server: ServerType; baseUrl: string }> {
  const app = await testApp(docent);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ server, baseUrl: `http://127.0.0.1:${info.port}` }));
  });
}

const stop = (server: ServerType | undefined) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

let server: ServerType;
let baseUrl: string;
let client: OpenAI;

/** Every citation's quote is exactly the slice of the source text the server serves. */
async function expectExactCitations(base: string, content: string, citations: Citation[]) {
  expect(citations.length).toBeGreaterThan(0);
  for (const citation of citations) {
    const { text } = (await (await fetch(`${base}/api/sources/${encodeURIComponent(citation.source)}`)).json()) as { text: string };
    expect(citation.quote).toBe(text.slice(citation.start, citation.end));
    expect(content).toContain(`[${citation.n}]`);
    expect(typeof citation.support).toBe('number');
  }
}

beforeAll(async () => {
  ({ server, baseUrl } = await startServer(await openTestDocent()));
  client = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: 'unused', maxRetries: 0 });
});
afterAll(() => stop(server));

describe('OpenAI-compatible API with the official openai client', () => {
  it('lists the model', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['docent']);
  });

  it('answers a chat completion with [n] markers and the citations alongside', async () => {
    const completion = await client.chat.completions.create({ model: 'docent', messages: [{ role: 'user', content: QUESTION }] });
    const content = completion.choices[0]!.message.content!;
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(content).toContain('June and July 2009');
    expect(content).toMatch(/\[1\]/);
    const extra = completion as unknown as { citations: Citation[]; docent: { answerer: string; verification: { supported: boolean } } };
    expect(extra.docent).toMatchObject({ answerer: 'extractive', verification: { supported: true } });
    await expectExactCitations(baseUrl, content, extra.citations);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('streams chunks whose content adds up to the answer, citations on the final chunk', async () => {
    const stream = await client.chat.completions.create({ model: 'docent', stream: true, messages: [{ role: 'user', content: QUESTION }] });
    let content = '';
    let citations: Citation[] | undefined;
    let finish: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      expect(chunk.object).toBe('chat.completion.chunk');
      content += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      const extra = chunk as unknown as { citations?: Citation[] };
      if (extra.citations) citations = extra.citations;
    }
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(finish).toBe('stop');
    expect(content).toContain('June and July 2009');
    await expectExactCitations(baseUrl, content, citations!);
  });

  it('ends the raw stream with data: [DONE]', async () => {
    const response = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'docent', stream: true, messages: [{ role: 'user', content: QUESTION }] }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const events = text.split('\n\n').filter(Boolean);
    const last = JSON.parse(events.at(-2)!.replace(/^data: /, ''));
    expect(last.citations.length).toBeGreaterThan(0);
  });

  it('treats earlier messages as history for a follow-up', async () => {
    const completion = await client.chat.completions.create({
      model: 'docent',
      messages: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: 'Tell me about the joint exercise Peacekeeping Mission-2009 with Mongolia.' },
        { role: 'assistant', content: 'China and Mongolia held it in Beijing.' },
        { role: 'user', content: 'When was that?' },
      ],
    });
    const extra = completion as unknown as { docent: { standaloneQuestion: string } };
    expect(extra.docent.standaloneQuestion).toContain('Mongolia');
    expect(completion.choices[0]!.message.content).toContain('2009');
  });

  it.each([
    [{ model: 'docent' }, 'messages'],
    [{ model: 'docent', messages: [] }, 'messages'],
    [{ model: 'docent', messages: [{ role: 'assistant', content: 'hi' }] }, 'messages'],
    [{ model: 'docent', messages: [{ role: 'user', content: '   ' }] }, 'messages'],
    [{ model: 'docent', messages: [{ role: 'wizard', content: 'hi' }] }, 'messages'],
    [{ model: 'docent', messages: [{ role: 'user', content: 'hi' }], stream: 'yes' }, 'stream'],
  ])('rejects %j with a JSON 400 in OpenAI error shape', async (body, field) => {
    const response = await fetch(`${baseUrl}/v1/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    const { error } = await response.json();
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toContain(field);
  });

  it('surfaces a 400 as an APIError in the openai client', async () => {
    await expect(client.chat.completions.create({ model: 'docent', messages: [{ role: 'assistant', content: 'hi' }] })).rejects.toMatchObject({ status: 400 });
  });

  it('rejects malformed JSON and oversized bodies with JSON 4xx', async () => {
    const malformed = await fetch(`${baseUrl}/v1/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"messages": [' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toBeDefined();
    const huge = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }], padding: 'y'.repeat(70 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });
});

describe("OpenAI-compatible API with LangChain's ChatOpenAI", () => {
  it('invokes and streams', async () => {
    const chat = new ChatOpenAI({ model: 'docent', apiKey: 'unused', configuration: { baseURL: `${baseUrl}/v1` }, maxRetries: 0 });
    const message = await chat.invoke(QUESTION);
    expect(String(message.content)).toContain('June and July 2009');
    let streamed = '';
    for await (const chunk of await chat.stream(QUESTION)) streamed += String(chunk.content);
    expect(streamed).toBe(String(message.content));
  });
});

describe('OpenAI-compatible API in front of an LLM answerer', () => {
  let llm: FakeLlm;
  let llmServer: ServerType | undefined;
  let llmBase: string;

  beforeAll(async () => {
    llm = await startFakeLlm();
    ({ server: llmServer, baseUrl: llmBase } = await startServer(await openTestDocent(DEFAULT_CORPUS, { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'fake-model' })));
  });
  afterAll(async () => {
    await stop(llmServer);
    await llm?.close();
  });

  it("streams the LLM's verified answer with exact citations", async () => {
    llm.respond((request) => {
      const n = passageNumber(request, 'China and Mongolia held a joint exercise');
      return { text: `China and Mongolia held Peacekeeping Mission-2009 [${n}]. It was held in Beijing in June and July 2009 [${n}].` };
    });
    const llmClient = new OpenAI({ baseURL: `${llmBase}/v1`, apiKey: 'unused', maxRetries: 0 });
    const stream = await llmClient.chat.completions.create({ model: 'docent', stream: true, messages: [{ role: 'user', content: QUESTION }] });
    let content = '';
    let final: { citations: Citation[]; docent: { answerer: string; answer: string } } | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      if ((chunk as unknown as { citations?: unknown }).citations) final = chunk as unknown as typeof final;
    }
    expect(final!.docent.answerer).toBe('llm');
    expect(content).toBe(final!.docent.answer);
    await expectExactCitations(llmBase, content, final!.citations);
  });
});
