import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { Docent } from '../service.js';
import { registerResources } from './resources.js';
import { registerTools } from './tools.js';

const INSTRUCTIONS = [
  'Docent answers questions about a folder of documents and cites exact characters of them.',
  'Use `ask` for a cited answer, `search_documents` for raw passages, `verify_claim` to check a statement,',
  'and `get_source` (or the docent://sources/… resources) to read around a citation.',
  'Every quote equals the source text sliced at [start, end); answers say so when the documents do not contain the answer.',
].join(' ');

/** Docent as an MCP server: its tools and resources over `docent` (attach any transport). */
export function createMcpServer(docent: Docent, { signal }: { signal?: AbortSignal } = {}): McpServer {
  const server = new McpServer({ name: 'docent', title: 'Docent', version: packageJson.version }, { instructions: INSTRUCTIONS });
  registerTools(server, docent, signal);
  registerResources(server, docent);
  return server;
}
