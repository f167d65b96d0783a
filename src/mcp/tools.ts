import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { IndexedDocument } from '../index/store.js';
import { AskResponseSchema, SearchResponseSchema, VerifyResponseSchema } from '../server/schemas.js';
import type { Docent } from '../service.js';
import { InvalidSpanError } from '../verify/types.js';
import { renderAnswer, renderSearch, renderSource, renderVerdict } from './render.js';
import { askInput, MAX_SOURCE_CHARS, searchInput, SourceSliceSchema, sourceInput, verifyInput, type SourceSlice } from './schemas.js';
import { linkedAbort } from '../abort.js';

/** A failure whose message is meant for the caller (a wrong source or span), as opposed to a server fault. */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

/** Reports a tool's failure to the calling model as an `isError` result; server faults are logged and stay vague. */
function failure(tool: string, error: unknown): CallToolResult {
  const known = error instanceof ToolInputError || error instanceof InvalidSpanError;
  const cancelled = error instanceof Error && error.name === 'AbortError';
  if (!known && !cancelled) console.error(`docent: MCP tool ${tool} failed:`, error);
  const message = known ? (error as Error).message : cancelled ? 'The call was cancelled or took too long' : 'Internal error';
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** A tool result: the structured content (stripped to its schema) and its text rendering. */
async function result<T extends object>(tool: string, work: () => Promise<T>, render: (value: T) => string): Promise<CallToolResult> {
  try {
    const value = await work();
    return { content: [{ type: 'text', text: render(value) }], structuredContent: value as Record<string, unknown> };
  } catch (error) {
    return failure(tool, error);
  }
}

/** The headings and page at `offset`: those of the last block starting at or before it. */
function locate(document: IndexedDocument, offset: number): { section: string[]; page?: number } {
  let found: { section: string[]; page?: number } = { section: [] };
  for (const block of document.blocks) {
    if (block.start > offset) break;
    found = block;
  }
  const page = document.pages?.find((span) => span.start <= offset && offset < span.end)?.page ?? found.page;
  return { section: found.section, ...(page !== undefined ? { page } : {}) };
}

export function readSource(docent: Docent, source: string, from = 0, to?: number): SourceSlice {
  const document = docent.index.sources.get(source);
  if (!document) throw new ToolInputError(`No indexed source named ${JSON.stringify(source)}; the docent://documents resource lists them`);
  const { length } = document.text;
  const end = Math.min(to ?? length, from + MAX_SOURCE_CHARS);
  if (from > length || (to !== undefined && (to < from || to > length))) {
    throw new ToolInputError(`start and end must satisfy 0 ≤ start ≤ end ≤ ${length} (the length of ${source})`);
  }
  const { format, title } = document;
  return { source, format, title, start: from, end, text: document.text.slice(from, end), length, truncated: end < (to ?? length), ...locate(document, from) };
}

/** Registers Docent's four tools; `signal` (the HTTP request's) cancels work along with the client's own cancellation. */
export function registerTools(server: McpServer, docent: Docent, signal?: AbortSignal) {
  /** Runs `work` with a signal aborted by the HTTP request or the client's own cancellation, released after. */
  const cancellable = async <T>(extra: { signal: AbortSignal }, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const linked = linkedAbort([signal, extra.signal]);
    try {
      return await work(linked.signal);
    } finally {
      linked.release();
    }
  };
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    'search_documents',
    {
      title: 'Search the documents',
      description: 'Hybrid (keyword + vector) search over the indexed documents. Returns passages, best first, each with its source, character offsets (text === source text.slice(start, end)), section headings, page and score.',
      inputSchema: searchInput,
      outputSchema: SearchResponseSchema,
      annotations: readOnly,
    },
    ({ query, k }) => result('search_documents', async () => SearchResponseSchema.parse({ results: await docent.search(query, k) }), renderSearch),
  );

  server.registerTool(
    'ask',
    {
      title: 'Ask the documents',
      description:
        'Answers a question from the documents only, quoting them: each sentence of the answer ends with [n] markers whose citations give the source, ' +
        'offsets and exact quote. answerable is false (and there are no citations) when the documents do not contain the answer.',
      inputSchema: askInput,
      outputSchema: AskResponseSchema,
      annotations: readOnly,
    },
    ({ question, topK, history }, extra) =>
      result('ask', () => cancellable(extra, async (signal) => AskResponseSchema.parse(await docent.ask(question, { topK, history, signal }))), renderAnswer),
  );

  server.registerTool(
    'verify_claim',
    {
      title: 'Check a claim against the documents',
      description:
        'Checks whether the documents support a statement (optionally against given spans only). Verdicts: supported, partially_supported ' +
        '(part of it is stated; `missing` says what is not), contradicted (the documents state another value; `conflicts` names both), ' +
        'not_found; with the best evidence spans and their exact quotes.',
      inputSchema: verifyInput,
      outputSchema: VerifyResponseSchema,
      annotations: readOnly,
    },
    ({ claim, citations }) => result('verify_claim', async () => VerifyResponseSchema.parse(await docent.verify(claim, { citations })), renderVerdict),
  );

  server.registerTool(
    'get_source',
    {
      title: 'Read a source document',
      description: `Returns the citable text of a document, or of [start, end) of it (at most ${MAX_SOURCE_CHARS} characters at once): the text every citation offset indexes into. Use it to read around a citation.`,
      inputSchema: sourceInput,
      outputSchema: SourceSliceSchema,
      annotations: readOnly,
    },
    ({ source, start, end }) => result('get_source', async () => readSource(docent, source, start, end), renderSource),
  );
}
