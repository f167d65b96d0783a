import { Command } from 'commander';

export const mcpCommand = new Command('mcp')
  .description('Serve the documents to an MCP client over stdio (tools: search_documents, ask, verify_claim, get_source)')
  .option('--corpus <dir>', 'corpus folder to serve (default: CORPUS_DIR)')
  .action(async (options: { corpus?: string }) => {
    // stdout carries the protocol: anything else printed there would corrupt it, so logs go to stderr.
    console.log = console.error;
    // Loaded here, not at the top: every other command (serve above all) would pay for the MCP SDK.
    const [{ StdioServerTransport }, { createMcpServer }, { openFromCli }] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/stdio.js'),
      import('../../mcp/server.js'),
      import('../open.js'),
    ]);
    const docent = await openFromCli({ verbose: true, corpus: options.corpus });
    const server = createMcpServer(docent);
    const transport = new StdioServerTransport();
    transport.onclose = () => process.exit(0);
    process.stdin.once('end', () => void server.close());
    await server.connect(transport);
    console.error(`docent: MCP server on stdio, serving ${docent.index.documents.size} documents (${docent.index.chunks.length} chunks)`);
    void docent.warmUp().catch((error: unknown) => console.error('docent: warm-up failed (answers are unaffected):', error));
  });
