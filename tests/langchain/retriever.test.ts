import { ChatOpenAI } from '@langchain/openai';
import { DocentRequestError, DocentRetriever } from 'docent/langchain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatContext, ragChain } from '../../examples/langchain-rag.js';
import type { Docent } from '../../src/service.js';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm-server.js';
import { openTestDocent } from '../helpers/fixtures.js';
import { serveApp, type Served } from '../helpers/serve.js';

let docent: Docent;
let served: Served;
const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';

beforeAll(async () => {
  docent = await openTestDocent();
  served = await serveApp(docent);
});
afterAll(() => served.close());

/** The citable text as the live server serves it (what every offset indexes into). */
async function sourceText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return ((await response.json()) as { text: string }).text;
}

describe('DocentRetriever (docent/langchain) against a live server', () => {
  it('returns passages whose metadata.start/end slice the source to pageContent', async () => {
    const documents = await new DocentRetriever({ baseUrl: served.url, k: 4 }).invoke('joint exercise Mongolia');
    expect(documents).toHaveLength(4);
    for (const document of documents) {
      const { source, start, end, url, section, score, ranks, title } = document.metadata;
      expect((await sourceText(url)).slice(start, end)).toBe(document.pageContent);
      expect(url).toBe(`${served.url}/api/sources/${source}`);
      expect(Array.isArray(section)).toBe(true);
      expect(typeof score).toBe('number');
      expect(ranks).toHaveProperty('bm25');
      expect(typeof title).toBe('string');
      expect(document.id).toBe(`${source}:${start}-${end}`);
    }
  });

  it('in citations mode returns each citation\'s exact quote, with the answer; nothing when declined', async () => {
    const retriever = new DocentRetriever({ baseUrl: served.url, mode: 'citations' });
    const documents = await retriever.invoke(QUESTION);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect((await sourceText(document.metadata.url)).slice(document.metadata.start, document.metadata.end)).toBe(document.pageContent);
      expect(document.metadata.answer).toContain(`[${document.metadata.n}]`);
      expect(document.metadata.support).toBeGreaterThanOrEqual(0);
    }
    expect(await retriever.invoke('Who won the 2018 FIFA World Cup?')).toEqual([]);
  });

  it('sends the API key, and reports refusals with their status and code', async () => {
    const config = { ...docent.config, security: { ...docent.config.security, apiKeys: ['lc-key'] } };
    const locked = await serveApp({ ...docent, config } as Docent);
    try {
      const refused = new DocentRetriever({ baseUrl: locked.url }).invoke('peacekeeping');
      await expect(refused).rejects.toBeInstanceOf(DocentRequestError);
      await expect(refused).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
      expect(await new DocentRetriever({ baseUrl: locked.url, apiKey: 'lc-key', k: 2 }).invoke('peacekeeping')).toHaveLength(2);
    } finally {
      await locked.close();
    }
  });

  it('feeds a runnable chain (the README example) with located passages', async () => {
    const llm: FakeLlm = await startFakeLlm();
    try {
      llm.respond({ text: 'In June and July 2009 [1].' });
      const model = new ChatOpenAI({ model: 'fake', apiKey: 'none', configuration: { baseURL: llm.baseUrl } });
      const retriever = new DocentRetriever({ baseUrl: served.url, k: 3 });
      expect(await ragChain(retriever, model).invoke(QUESTION)).toBe('In June and July 2009 [1].');
      const system = llm.requests[0]!.messages[0]!.content;
      expect(system).toContain(formatContext(await retriever.invoke(QUESTION)));
      expect(llm.requests[0]!.messages[1]!.content).toBe(QUESTION);
    } finally {
      await llm.close();
    }
  });
});
