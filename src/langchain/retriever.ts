import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Passage } from '../retrieve/types.js';

/**
 * A LangChain retriever over a running Docent server (HTTP only: it needs nothing else of Docent).
 * Only type imports point into Docent, so this file runs on its own wherever TypeScript does.
 */

export interface DocentRetrieverInput extends BaseRetrieverInput {
  /** Where Docent listens, e.g. `http://127.0.0.1:8787`. */
  baseUrl: string;
  /** One of the server's API_KEYS, when it has any. */
  apiKey?: string;
  /** How many documents to return (passages) or to read before answering (citations); default: the server's TOP_K. */
  k?: number;
  /**
   * `passages` (default): the ranked passages of `/api/search`, each a Document of the passage text.
   * `citations`: Docent answers the query (`/api/ask`) and each citation is a Document of its exact quote;
   * none when the documents do not contain the answer.
   */
  mode?: 'passages' | 'citations';
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Another fetch (a proxy agent, a test double); default: the global one. */
  fetch?: typeof fetch;
}

/** What every Document carries: `sourceText.slice(start, end) === pageContent` for the source's citable text. */
export type DocentMetadata = {
  source: string;
  start: number;
  end: number;
  title?: string;
  section: string[];
  page?: number;
  /** Retrieval score (passages) or the citation's score (citations). */
  score: number;
  /** passages: the passage's rank in BM25 and in vector search (null: not retrieved by that one). */
  ranks?: { bm25: number | null; dense: number | null };
  chunkId: string;
  /** citations: the [n] marker in the answer, how well the quote supports it (0–1), and the answer itself. */
  n?: number;
  support?: number;
  answer?: string;
  /** The server's page for the source's citable text. */
  url: string;
};

interface WireAnswer {
  answer: string;
  answerable: boolean;
  citations: Array<{ n: number; chunkId: string; source: string; start: number; end: number; quote: string; section: string[]; page?: number; score: number; support?: number }>;
}

/** A refusal or failure of the Docent server, with its HTTP status and error code. */
export class DocentRequestError extends Error {
  override name = 'DocentRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export class DocentRetriever extends BaseRetriever<DocentMetadata> {
  static override lc_name() {
    return 'DocentRetriever';
  }

  override lc_namespace = ['docent', 'retrievers'];

  private readonly baseUrl: string;
  private readonly apiKey?: string;
  private readonly k?: number;
  private readonly mode: 'passages' | 'citations';
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(fields: DocentRetrieverInput) {
    super(fields);
    this.baseUrl = fields.baseUrl.replace(/\/+$/, '');
    this.apiKey = fields.apiKey;
    this.k = fields.k;
    this.mode = fields.mode ?? 'passages';
    this.timeoutMs = fields.timeoutMs ?? 30_000;
    this.fetchImpl = fields.fetch ?? fetch;
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<DocentMetadata>[]> {
    if (this.mode === 'citations') {
      const result = await this.request<WireAnswer>('/api/ask', { question: query, ...(this.k ? { topK: this.k } : {}) });
      if (!result.answerable) return [];
      return result.citations.map(({ quote, n, support, ...citation }) => this.document(quote, { ...citation, n, answer: result.answer, ...(support !== undefined ? { support } : {}) }));
    }
    const params = new URLSearchParams({ q: query, ...(this.k ? { k: String(this.k) } : {}) });
    const { results } = await this.request<{ results: Passage[] }>(`/api/search?${params}`);
    return results.map(({ text, ...passage }) => this.document(text, passage));
  }

  private document(pageContent: string, metadata: Omit<DocentMetadata, 'url'>): Document<DocentMetadata> {
    const url = `${this.baseUrl}/api/sources/${metadata.source.split('/').map(encodeURIComponent).join('/')}`;
    return new Document({ pageContent, metadata: { ...metadata, url }, id: `${metadata.source}:${metadata.start}-${metadata.end}` });
  }

  private async request<T>(path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    if (!response.ok) {
      const { code = 'http_error', message = response.statusText } = payload?.error ?? {};
      throw new DocentRequestError(`Docent answered ${response.status} (${code}): ${message}`, response.status, code);
    }
    if (payload === undefined) throw new DocentRequestError(`Docent answered ${path} with something that is not JSON`, response.status, 'invalid_response');
    return payload as T;
  }
}
