import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Docent } from '../service.js';
import { ToolInputError } from './tools.js';

/** `docent://documents`: the document list; `docent://sources/<source>`: each document's citable text. */
export const DOCUMENTS_URI = 'docent://documents';
const SOURCE_PREFIX = 'docent://sources/';

/** Path segments are percent-encoded, the slashes between them kept. */
export const sourceUri = (source: string) => SOURCE_PREFIX + source.split('/').map(encodeURIComponent).join('/');

function sourceOf(uri: URL): string {
  try {
    return decodeURIComponent(uri.href.slice(SOURCE_PREFIX.length));
  } catch {
    throw new ToolInputError(`Not a source URI: ${uri.href}`);
  }
}

export function documentList(docent: Docent) {
  const { index } = docent;
  const chunks = new Map<string, number>();
  for (const chunk of index.chunks) chunks.set(chunk.source, (chunks.get(chunk.source) ?? 0) + 1);
  return [...index.sources.values()].map(({ source, title, format, text, pages }) => ({
    source,
    title,
    format,
    uri: sourceUri(source),
    chars: text.length,
    chunks: chunks.get(source) ?? 0,
    ...(pages ? { pages: pages.length } : {}),
  }));
}

export function registerResources(server: McpServer, docent: Docent) {
  server.registerResource(
    'documents',
    DOCUMENTS_URI,
    { title: 'Indexed documents', description: 'Every indexed document: source path, title, format, size, and the URI of its citable text', mimeType: 'application/json' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ documents: documentList(docent) }, null, 2) }] }),
  );

  server.registerResource(
    'source',
    new ResourceTemplate(`${SOURCE_PREFIX}{+source}`, {
      list: async () => ({
        resources: documentList(docent).map(({ source, title, uri, chars }) => ({ uri, name: source, title, mimeType: 'text/plain', description: `${title} (${chars} characters)` })),
      }),
      complete: { source: (prefix) => [...docent.index.sources.keys()].filter((source) => source.startsWith(prefix)).slice(0, 100) },
    }),
    { title: 'Document text', description: 'The citable text of a document: every citation\'s start and end index into it', mimeType: 'text/plain' },
    async (uri) => {
      const source = sourceOf(uri);
      const text = docent.index.documents.get(source);
      if (text === undefined) throw new ToolInputError(`No indexed source named ${JSON.stringify(source)}`);
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text }] };
    },
  );
}
