import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { keepIndexCurrent } from '../../src/cli/index-updates.js';
import { buildIndex } from '../../src/index/build.js';
import { PgStorage } from '../../src/index/pg/storage.js';
import { IndexMismatchError, IndexMissingError } from '../../src/index/store.js';
import { buildOptions, openDocent, type Docent } from '../../src/service.js';
import { testApp } from '../helpers/app.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { DEFAULT_CORPUS, makeCorpus, testConfig } from '../helpers/fixtures.js';
import { startTestDatabase, type TestDatabase } from '../helpers/pglite-server.js';

let database: TestDatabase;
let schemas = 0;
const storages: PgStorage[] = [];

/** A storage on a schema of its own, so tests do not see each other's index. */
function storageFor(schema = `t${++schemas}`): PgStorage {
  const storage = new PgStorage({ url: database.url, schema, poolSize: 4, lockWaitMs: 2000 });
  storages.push(storage);
  return storage;
}

beforeAll(async () => {
  database = await startTestDatabase();
});

afterAll(async () => {
  await Promise.all(storages.map((storage) => storage.close()));
  await database?.stop();
});

const labelsOf = (hits: Array<{ label: number }>) => hits.map((hit) => hit.label);

describe('PostgreSQL + pgvector index storage', () => {
  it('builds, then updates incrementally in transactions; the index read back equals the embedded one', async () => {
    const corpusDir = await makeCorpus({
      'a.md': '# Tides\n\nThe moon pulls the oceans. Spring tides come at new and full moon.',
      'b.txt': 'Lighthouses warn ships of rocks.\nA keeper once lived in each.',
    });
    const config = await testConfig(corpusDir);
    const storage = storageFor();
    const options = buildOptions(config, { storage });

    const first = await buildIndex(hashEmbedder(), options);
    expect(first).toMatchObject({ changed: true, documents: 2, added: ['a.md', 'b.txt'] });
    const embedded = await buildIndex(hashEmbedder(), buildOptions(config));
    const read = await storage.read(hashEmbedder().info);
    expect(read.version).toBe(first.version);
    expect([...read.documents]).toEqual([...embedded.index!.documents]);
    expect([...read.sources.values()]).toEqual([...embedded.index!.sources.values()]);
    expect(read.chunks).toEqual(embedded.index!.chunks);
    expect(read.vectors.size).toBe(embedded.index!.vectors.size);
    const query = await hashEmbedder().embedQuery('moon and oceans');
    expect(labelsOf(await read.vectors.search(query, 3))).toEqual(labelsOf(await embedded.index!.vectors.search(query, 3)));
    expect(read.lexical.search('keeper', 5)).toEqual(embedded.index!.lexical.search('keeper', 5));

    const unchanged = await buildIndex(hashEmbedder(), options);
    expect(unchanged).toMatchObject({ changed: false, embedded: 0 });
    expect(unchanged.version).toBe(first.version);

    await fs.writeFile(path.join(corpusDir, 'c.md'), 'Harbours shelter boats from storms.');
    await fs.writeFile(path.join(corpusDir, 'b.txt'), 'Lighthouses now run on their own.');
    await fs.rm(path.join(corpusDir, 'a.md'));
    const next = await buildIndex(hashEmbedder(), options);
    expect(next).toMatchObject({ changed: true, documents: 2, added: ['c.md'], updated: ['b.txt'], removed: ['a.md'] });
    const reread = await storage.read(hashEmbedder().info);
    expect(reread.version).toBe(next.version);
    expect(reread.chunks.map((chunk) => chunk.text)).toEqual(['Lighthouses now run on their own.', 'Harbours shelter boats from storms.']);
    expect([...reread.documents.keys()]).toEqual(['b.txt', 'c.md']);
    expect(reread.vectors.size).toBe(2);
    const hits = await reread.vectors.search(await hashEmbedder().embedQuery('The moon pulls the oceans'), 5);
    expect(hits.map((hit) => reread.chunkByLabel.get(hit.label)?.source).sort()).toEqual(['b.txt', 'c.md']);
    expect(reread.lexical.search('moon', 5)).toEqual([]);
    // The version served before the update still searches exactly its own chunks.
    expect((await read.vectors.search(query, 10)).map((hit) => read.chunkByLabel.get(hit.label)?.source).sort()).toEqual(['a.md', 'b.txt']);
  });

  it('serves another process from the database alone and refuses an index of another model', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'Bees make honey from nectar.' });
    const schema = `t${++schemas}`;
    await buildIndex(hashEmbedder(), buildOptions(await testConfig(corpusDir), { storage: storageFor(schema) }));
    await fs.rm(corpusDir, { recursive: true });
    const replica = await storageFor(schema).read(hashEmbedder().info);
    expect(replica.chunks.map((chunk) => chunk.text)).toEqual(['Bees make honey from nectar.']);
    await expect(storageFor(schema).read(hashEmbedder(64).info)).rejects.toBeInstanceOf(IndexMismatchError);
    await expect(storageFor().read(hashEmbedder().info)).rejects.toBeInstanceOf(IndexMissingError);
    expect(await storageFor().current()).toBeUndefined();
  });

  it('rebuilds for another model: the table takes the new dimensions', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'Owls hunt at night.', 'b.md': 'Larks sing at dawn.' });
    const options = buildOptions(await testConfig(corpusDir), { storage: storageFor() });
    await buildIndex(hashEmbedder(), options);
    const other = await buildIndex(hashEmbedder(64), options);
    expect(other).toMatchObject({ changed: true, chunks: 2, embedded: 2 });
    const read = await options.storage!.read(hashEmbedder(64).info);
    expect(read.vectors.dimensions).toBe(64);
    expect(labelsOf(await read.vectors.search(await hashEmbedder(64).embedQuery('owls at night'), 1))).toEqual([read.chunks[0]!.label]);
  });
  it('collects versions beyond the kept ones, and the chunk rows only they could see', async () => {
    const corpusDir = await makeCorpus({ 'a.md': 'Version zero of the tide table.' });
    const schema = `t${++schemas}`;
    const options = buildOptions(await testConfig(corpusDir), { storage: storageFor(schema), keepVersions: 1 });
    await buildIndex(hashEmbedder(), options);
    for (const n of [1, 2, 3]) {
      await fs.writeFile(path.join(corpusDir, 'a.md'), `Version ${n} of the tide table.`);
      await buildIndex(hashEmbedder(), options);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
      // The current version and one before it; the chunk of each (the older one marked removed).
      expect(await count(`SELECT count(*) AS n FROM ${schema}.versions`)).toBe(2);
      expect(await count(`SELECT count(*) AS n FROM ${schema}.chunks`)).toBe(2);
      expect(await count(`SELECT count(*) AS n FROM ${schema}.chunks WHERE removed_in IS NULL`)).toBe(1);
    } finally {
      await client.end();
    }
  });
});

describe('Docent with VECTOR_STORE=pgvector', () => {
  const docents: Docent[] = [];
  afterAll(() => Promise.all(docents.map((docent) => docent.close())));
  const open = async (corpusDir: string, schema: string, reindex?: 'never') => {
    const config = await testConfig(corpusDir, { VECTOR_STORE: 'pgvector', DATABASE_URL: database.url, DATABASE_SCHEMA: schema, INDEX_POLL_MS: '100' });
    const docent = await openDocent(config, { embedder: hashEmbedder(), reindex });
    docents.push(docent);
    return docent;
  };

  it('answers with exact citations, as with the embedded store', async () => {
    const schema = `t${++schemas}`;
    const docent = await open(DEFAULT_CORPUS, schema);
    const embedded = await openDocent(await testConfig(DEFAULT_CORPUS), { embedder: hashEmbedder() });
    const question = 'What does the white paper say about peacekeeping?';
    const [result, expected] = await Promise.all([docent.ask(question), embedded.ask(question)]);
    expect(result.answer).toBe(expected.answer);
    expect(result.passages.map((passage) => passage.chunkId)).toEqual(expected.passages.map((passage) => passage.chunkId));
    for (const citation of result.citations) expect(citation.quote).toBe(docent.index.documents.get(citation.source)!.slice(citation.start, citation.end));
    const health = await (await (await testApp(docent)).request('/api/health')).json();
    expect(health.index).toEqual({ type: 'pgvector', elements: docent.index.chunks.length });
  });

  it('a replica without the corpus serves from the database and follows versions the indexer publishes', async () => {
    const schema = `t${++schemas}`;
    const corpusDir = await makeCorpus({ 'a.md': 'Otters eat sea urchins.' });
    const indexer = await open(corpusDir, schema);
    const replica = await open(await makeCorpus({}), schema, 'never');
    const following = keepIndexCurrent(replica.config, replica.storage, () => replica.refresh());
    onTestFinished(() => following?.close());
    expect(replica.index.version).toBe(indexer.index.version);
    expect((await replica.search('otters')).map((passage) => passage.text)).toEqual(['Otters eat sea urchins.']);

    await fs.writeFile(path.join(corpusDir, 'b.md'), 'Kelp forests shelter otters.');
    const { build: report } = await indexer.refresh();
    expect(report!.added).toEqual(['b.md']);
    await expect.poll(() => replica.index.version, { timeout: 10_000 }).toBe(report!.version);
    expect((await replica.search('kelp forests')).map((passage) => passage.source)).toContain('b.md');
    expect(replica.status).toEqual({ state: 'ready', version: report!.version });
  });
});
