import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPointer, versionDir } from '../../src/index/versions.js';
import { makeCorpus, tempDir } from '../helpers/fixtures.js';
import { run, until } from '../helpers/processes.js';

/** A loopback port free a moment ago: a cluster's port is known only once it serves, so the test picks it. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });

/** The status of `GET path` on a new connection, or undefined when the port refuses it. */
const statusOn = (port: number, url: string) =>
  new Promise<number | undefined>((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
      .once('error', () => resolve(undefined));
  });

describe('a cluster over an index the primary takes as up to date', () => {
  it('never serves a damaged current version: a worker refuses it, the primary reads it in full and rebuilds it', async () => {
    const corpusDir = await makeCorpus({ 'guide.md': 'The moka pot was invented by Alfonso Bialetti in 1933.\n' });
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir(), HOST: '127.0.0.1', PORT: '0', WATCH: '0' };
    const indexer = run('src/cli/main.ts', ['index'], env);
    expect(await indexer.exited, indexer.output()).toBe(0);
    const damaged = (await readPointer(env.INDEX_DIR))!;
    // Same size, other bytes: the manifest's sizes and times still say "up to date".
    const vectors = path.join(versionDir(env.INDEX_DIR, damaged), 'vectors.hnsw');
    await fs.writeFile(vectors, Buffer.alloc((await fs.stat(vectors)).size, 0x5a));

    const server = run('src/cli/main.ts', ['serve'], { ...env, WORKERS: '2' });
    try {
      await until(() => {
        if (server.child.exitCode !== null) throw new Error(server.output());
        return / at http:\S+ with 2 workers/.test(server.output());
      }, 'the cluster to serve');
      const served = /serving index version ([0-9a-f]+) at (http:\/\/\S+?)\/? with/.exec(server.output())!;
      expect(served[1]).not.toBe(damaged);
      expect(server.output()).toContain(`${vectors} is damaged`);
      const response = await fetch(`${served[2]}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'Who invented the moka pot?' }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Index-Version')).toBe(served[1]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 300_000);
});

describe('a cluster starting over a built index', () => {
  it('answers no request from a worker still loading: every answer from the first on says ready', async () => {
    const corpusDir = await makeCorpus({ 'guide.md': 'The moka pot was invented by Alfonso Bialetti in 1933.\n' });
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir(), HOST: '127.0.0.1', WATCH: '0' };
    const indexer = run('src/cli/main.ts', ['index'], env);
    expect(await indexer.exited, indexer.output()).toBe(0);

    const port = await freePort();
    const server = run('src/cli/main.ts', ['serve'], { ...env, PORT: String(port), WORKERS: '2' });
    const statuses: number[] = [];
    try {
      // New connections all through the start (the cluster spreads them over the listening workers), until both serve.
      await until(async () => {
        if (server.child.exitCode !== null) throw new Error(server.output());
        const status = await statusOn(port, '/api/health?ready=1');
        if (status !== undefined) statuses.push(status);
        return / with 2 workers/.test(server.output());
      }, 'the cluster to serve');
      for (let i = 0; i < 6; i++) statuses.push((await statusOn(port, '/api/health?ready=1')) ?? 0);
      expect(statuses.length).toBeGreaterThan(6);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 300_000);
});
