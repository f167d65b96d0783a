import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestSignal } from '../server/deadline.js';
import type { Docent } from '../service.js';

export const MCP_PATH = '/mcp';

/** A JSON-RPC error answered over plain HTTP (no request id: it concerns the request as a whole). */
const rpcError = (status: 405, message: string) =>
  Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status, headers: { Allow: 'POST' } });

/**
 * MCP over Streamable HTTP, stateless: every POST gets a fresh server and transport and a JSON
 * response. Nothing lives between requests, so any worker of a cluster can answer any call and a
 * call holds its load-shedding slot only while it runs. Without sessions there is nothing to push,
 * so the optional GET event stream and DELETE are refused with 405, as the protocol allows.
 * Mounted behind the same origin, key, rate-limit and load-shedding middleware as /api. The MCP SDK
 * is loaded on the first call: a server that is never asked over MCP does not pay its start-up time.
 */
export function registerMcp(app: Hono, docent: Docent) {
  app.post(MCP_PATH, async (c) => {
    const [{ StreamableHTTPTransport }, { createMcpServer }] = await Promise.all([import('@hono/mcp'), import('./server.js')]);
    const server = createMcpServer(docent, { signal: requestSignal(c) });
    const transport = new StreamableHTTPTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    try {
      await server.connect(transport);
      return (await transport.handleRequest(c)) ?? c.body(null, 202);
    } catch (error) {
      // The transport answers malformed requests with JSON-RPC errors (406, 415, parse errors) as exceptions.
      if (error instanceof HTTPException) return error.getResponse();
      throw error;
    } finally {
      void server.close();
    }
  });
  app.on(['GET', 'DELETE'], MCP_PATH, () => rpcError(405, 'This server is stateless: send JSON-RPC requests with POST'));
}
