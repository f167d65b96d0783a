import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';

/** Source texts as the server indexed them: every citation must slice them to its quote. */
export type Texts = (source: string) => string | undefined;

interface Span {
  source: string;
  start: number;
  end: number;
}

export function expectExactSlice(texts: Texts, span: Span, quote: string) {
  const text = texts(span.source);
  expect(text, `indexed text of ${span.source}`).toBeDefined();
  expect(quote).toBe(text!.slice(span.start, span.end));
}

export const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';

/** Lists Docent's tools and calls each as an MCP client would, checking every span it gets back. */
export async function exerciseTools(client: Client, texts: Texts) {
  const { tools } = await client.listTools();
  expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'get_source', 'search_documents', 'verify_claim']);
  for (const tool of tools) {
    expect(tool.description).toBeTruthy();
    expect(tool.outputSchema?.type).toBe('object');
    for (const property of Object.values(tool.inputSchema.properties ?? {})) expect((property as { description?: string }).description).toBeTruthy();
  }

  const search = await client.callTool({ name: 'search_documents', arguments: { query: 'joint exercise Mongolia', k: 3 } });
  const { results } = search.structuredContent as { results: Array<Span & { text: string; section: string[] }> };
  expect(results).toHaveLength(3);
  for (const passage of results) expectExactSlice(texts, passage, passage.text);

  const ask = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
  const answer = ask.structuredContent as { answer: string; answerable: boolean; citations: Array<Span & { n: number; quote: string }> };
  expect(answer.answerable).toBe(true);
  expect(answer.answer).toContain('2009');
  expect(answer.citations.length).toBeGreaterThan(0);
  for (const citation of answer.citations) expectExactSlice(texts, citation, citation.quote);
  const rendered = (ask.content as Array<{ type: string; text: string }>)[0]!.text;
  expect(rendered).toContain(`[${answer.citations[0]!.n}] ${answer.citations[0]!.source}`);

  const cited = answer.citations[0]!;
  const verify = await client.callTool({ name: 'verify_claim', arguments: { claim: cited.quote, citations: [{ source: cited.source, start: cited.start, end: cited.end }] } });
  const verdict = verify.structuredContent as { verdict: string; score: number; evidence: Array<Span & { quote: string }> };
  expect(verdict.verdict).toBe('supported');
  for (const evidence of verdict.evidence) expectExactSlice(texts, evidence, evidence.quote);

  const source = await client.callTool({ name: 'get_source', arguments: { source: cited.source, start: cited.start, end: cited.end } });
  expect(source.structuredContent).toMatchObject({ source: cited.source, start: cited.start, end: cited.end, text: cited.quote, truncated: false });
  return { answer, cited };
}
