import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Docent } from '../../src/service.js';
import { openTestDocent } from '../helpers/fixtures.js';
import { serveApp, type Served } from '../helpers/serve.js';
import { exerciseTools, QUESTION, type Texts } from './invariants.js';

let docent: Docent;
let served: Served;
let texts: Texts;

beforeAll(async () => {
  docent = await openTestDocent();
  served = await serveApp(docent);
  texts = (source) => docent.index.documents.get(source);
});
afterAll(() => served.close());

async function connect(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'docent-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', url), { requestInit: { headers } }));
  return client;
}

describe('MCP over Streamable HTTP at /mcp', () => {
  it('lists and calls every tool; every span slices the indexed text to its quote', async () => {
    const client = await connect(served.url);
    expect(client.getServerVersion()?.name).toBe('docent');
    expect(client.getInstructions()).toMatch(/exact characters/);
    await exerciseTools(client, texts);
    await client.close();
  });

  it('serves the document list and each document\'s citable text as resources', async () => {
    const client = await connect(served.url);
    const list = await client.readResource({ uri: 'docent://documents' });
    const { documents } = JSON.parse((list.contents[0] as { text: string }).text) as { documents: Array<{ source: string; uri: string; chars: number }> };
    expect(documents.map((document) => document.source).sort()).toEqual([...docent.index.documents.keys()].sort());
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(expect.arrayContaining(['docent://documents', ...documents.map((document) => document.uri)]));
    const first = documents[0]!;
    const text = await client.readResource({ uri: first.uri });
    expect((text.contents[0] as { text: string }).text).toBe(docent.index.documents.get(first.source));
    await client.close();
  });

  it('reports bad calls as tool errors the model can read, without internals', async () => {
    const client = await connect(served.url);
    const unknown = await client.callTool({ name: 'get_source', arguments: { source: 'no-such-file.md' } });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toMatch(/No indexed source named/);
    const source = [...docent.index.documents.keys()][0]!;
    const outside = await client.callTool({ name: 'verify_claim', arguments: { claim: 'Anything at all.', citations: [{ source, start: 0, end: 10 ** 9 }] } });
    expect(outside.isError).toBe(true);
    const empty = await client.callTool({ name: 'ask', arguments: { question: '' } });
    expect(empty.isError).toBe(true);
    expect(JSON.stringify(empty.content)).toMatch(/question/);
    expect(JSON.stringify([unknown, outside, empty])).not.toMatch(/at .*\.ts:\d+/);
    await client.close();
  });

  it('declines what the documents do not say', async () => {
    const client = await connect(served.url);
    const declined = await client.callTool({ name: 'ask', arguments: { question: 'Who won the 2018 FIFA World Cup?' } });
    expect(declined.structuredContent).toMatchObject({ answerable: false, citations: [] });
    await client.close();
  });

  it('refuses GET and DELETE (stateless: no event stream to resume) with 405', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(`${served.url}/mcp`, { method, headers: { Accept: 'text/event-stream' } });
      expect(response.status, method).toBe(405);
    }
  });
});

describe('MCP behind the API\'s keys and origin policy', () => {
  let locked: Served;
  beforeAll(async () => {
    const config = { ...docent.config, allowedOrigins: ['https://agent.example'], security: { ...docent.config.security, apiKeys: ['mcp-secret'] } };
    locked = await serveApp({ ...docent, config } as Docent);
  });
  afterAll(() => locked.close());

  it('needs the key when API_KEYS is set', async () => {
    await expect(connect(locked.url)).rejects.toThrow(/401|unauthorized|key/i);
    const client = await connect(locked.url, { Authorization: 'Bearer mcp-secret' });
    const result = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
    expect(result.isError).toBeFalsy();
    await client.close();
  });

  it('refuses origins that are not allowed, before reading the body', async () => {
    const response = await fetch(`${locked.url}/mcp`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: 'Bearer mcp-secret' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden_origin');
  });

  it('lets a browser client on an allowed origin through its preflight', async () => {
    const response = await fetch(`${locked.url}/mcp`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://agent.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, mcp-protocol-version' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://agent.example');
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('mcp-protocol-version');
  });

  it('answers a malformed request with a JSON-RPC error, not a crash', async () => {
    const response = await fetch(`${served.url}/mcp`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: '{"jsonrpc":"2.0",' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.jsonrpc).toBe('2.0');
    expect(body.error.code).toBe(-32700);
  });
});
