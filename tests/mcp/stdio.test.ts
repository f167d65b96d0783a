import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../embed/tiny-model.js';
import { DEFAULT_CORPUS, tempDir } from '../helpers/fixtures.js';
import { exerciseTools, type Texts } from './invariants.js';

let root: string;
let client: Client;
const stderr: string[] = [];

/** The CLI as an MCP client launches it (`docent mcp`), on a tiny model so the test needs no model build. */
beforeAll(async () => {
  root = await tempDir('docent-mcp-stdio-');
  writeTinyModel(path.join(root, 'tiny-model'), { dimensions: 16, tokenTypeIds: true });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'src/cli/main.ts', 'mcp'],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', CORPUS_DIR: DEFAULT_CORPUS, INDEX_DIR: path.join(root, 'index'), MODELS_DIR: root, EMBEDDING_MODEL: 'tiny-model' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  client = new Client({ name: 'docent-test', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('MCP over stdio (`docent mcp`)', () => {
  it('lists and calls every tool; every span slices the corpus file to its quote', async () => {
    // A Markdown file's citable text is its rendering, which the server also serves as a resource.
    const list = await client.readResource({ uri: 'docent://documents' });
    const { documents } = JSON.parse((list.contents[0] as { text: string }).text) as { documents: Array<{ source: string; uri: string }> };
    const texts = new Map<string, string>();
    for (const document of documents) texts.set(document.source, ((await client.readResource({ uri: document.uri })).contents[0] as { text: string }).text);
    const get: Texts = (source) => texts.get(source);
    expect(texts.size).toBe(fs.readdirSync(DEFAULT_CORPUS).length);
    await exerciseTools(client, get);
  });

  it('keeps stdout for the protocol: start-up messages go to stderr', () => {
    expect(stderr.join('')).toMatch(/MCP server on stdio/);
  });
});
