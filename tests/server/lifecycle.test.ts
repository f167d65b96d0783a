import { spawn } from 'node:child_process';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { listen } from '../../src/server/lifecycle.js';
import { makeCorpus, tempDir } from '../helpers/fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function slowServer(shutdownTimeoutMs: number, handlerMs: number) {
  const app = new Hono().get('/slow', async (c) => {
    await sleep(handlerMs);
    return c.json({ ok: true });
  });
  const config = loadConfig({ PORT: '0', SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) });
  return listen(app.fetch, config);
}

describe('server life cycle', () => {
  it('finishes every in-flight request on shutdown, then stops accepting', async () => {
    const running = await slowServer(5_000, 300);
    const url = `http://127.0.0.1:${running.port}/slow`;
    // Keep-alive connections with requests in flight.
    const inFlight = Array.from({ length: 8 }, () => fetch(url).then((response) => response.status));
    while (running.inFlight < 8) await sleep(5);
    const finished = await running.shutdown();
    expect(finished).toBe(true);
    expect(await Promise.all(inFlight)).toEqual(Array(8).fill(200));
    await expect(fetch(url)).rejects.toThrow();
  });

  it('closes what is still running once SHUTDOWN_TIMEOUT_MS has passed', async () => {
    const running = await slowServer(200, 60_000);
    const stuck = fetch(`http://127.0.0.1:${running.port}/slow`).catch(() => 'closed');
    while (running.inFlight < 1) await sleep(5);
    const startedAt = performance.now();
    expect(await running.shutdown()).toBe(false);
    expect(performance.now() - startedAt).toBeLessThan(10_000);
    expect(await stuck).toBe('closed');
  });

  it('`npm start` with two workers exits 0 on SIGTERM and leaves no process serving', async () => {
    const corpus = await makeCorpus({ 'guide.md': 'The moka pot was invented by Alfonso Bialetti in 1933.\n' });
    const env = { ...process.env, CORPUS_DIR: corpus, INDEX_DIR: await tempDir(), PORT: '0', WORKERS: '2', WATCH: '0' };
    const child = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!/serving .* at (http:\/\/\S+)\//.test(output)) {
      if (child.exitCode !== null) throw new Error(output);
      await sleep(100);
    }
    const base = /at (http:\/\/\S+?)\/? with/.exec(output)![1]!;
    const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`${base}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: 'Who invented the moka pot?' }) })));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 120_000);
});
