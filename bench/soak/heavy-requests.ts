/**
 * `npx tsx bench/soak/heavy-requests.ts [-- --sizes 1,20]`: how long /api/health waits while the worst
 * legal requests run (issue 11's target: < 100 ms). For each document size (MB) it indexes one filler
 * document with a needle in the middle (the configured embedding model), serves it on loopback, and
 * sends each attack — /api/verify with 20 citations spanning the whole document, /api/ask with 20
 * history turns of 3,000 characters — while calling /api/health every 10 ms. Prints, per attack, its
 * duration, the health answers during it (max latency) and the longest event-loop block.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { createApp } from '../../src/server/app.js';
import { listen } from '../../src/server/lifecycle.js';
import { MAX_HISTORY_TURNS } from '../../src/server/limits.js';
import { openDocent } from '../../src/service.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,20' } } });
const sizesMB = values.sizes.split(',').map(Number);
const HEALTH_TARGET_MS = 100;
const VERIFY_CITATIONS = 20;
const NEEDLE = 'The lighthouse keeper lit the lamp at dusk on 12 March 1887.\n\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function document(bytes: number): string {
  const half: string[] = [];
  for (let i = 0, length = 0; length < bytes / 2; i++) {
    const paragraph = `Paragraph ${i} talks about gardens, roses and rain in the spring.\n\n`;
    half.push(paragraph);
    length += paragraph.length;
  }
  return `${half.join('')}${NEEDLE}${half.join('')}`;
}

async function measure(base: string, attack: () => Promise<Response>) {
  // A keep-alive connection opened beforehand: what is measured is the event loop, not how soon a new connection is accepted.
  await (await fetch(`${base}/api/health`)).text();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const health: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const startedAt = performance.now();
      await (await fetch(`${base}/api/health`)).text();
      if (!done) health.push(performance.now() - startedAt);
      await sleep(10);
    }
  })();
  const startedAt = performance.now();
  const response = await attack();
  await response.text();
  const attackMs = performance.now() - startedAt;
  done = true;
  await probe;
  loop.disable();
  return { status: response.status, attackMs, probes: health.length, healthMaxMs: Math.max(0, ...health), loopMaxMs: loop.max / 1e6 };
}

let failed = false;
for (const sizeMB of sizesMB) {
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-heavy-corpus-'));
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-heavy-index-'));
  fs.writeFileSync(path.join(corpusDir, 'big.md'), document(sizeMB * 1_000_000));
  const config = loadConfig({ ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, HOST: '127.0.0.1', PORT: '0', RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: '0' });
  process.stderr.write(`[heavy] indexing ${sizeMB} MB…\n`);
  const docent = await openDocent(config, { embedder: await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir }) });
  await docent.warmUp();
  const running = await listen(createApp(docent, { webAssets: new Map() }).fetch, config);
  const base = `http://127.0.0.1:${running.port}`;
  const length = docent.index.documents.get('big.md')!.length;
  const post = (route: string, body: unknown) => fetch(`${base}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const attacks = {
    [`verify, ${VERIFY_CITATIONS} whole-document citations`]: () =>
      post('/api/verify', { claim: 'The lighthouse keeper lit the lamp on 12 March 1887.', citations: Array.from({ length: VERIFY_CITATIONS }, (_, i) => ({ source: 'big.md', start: i, end: length - i })) }),
    [`ask, ${MAX_HISTORY_TURNS} turns × 3,000 chars`]: () =>
      post('/api/ask', {
        question: 'When did he light the lamp?',
        history: Array.from({ length: MAX_HISTORY_TURNS }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `Turn ${i} about the lighthouse keeper. ${'words of a pasted document '.repeat(110)}`.slice(0, 3000) })),
      }),
  };
  for (const [name, attack] of Object.entries(attacks)) {
    const result = await measure(base, attack);
    if (result.status !== 200 || result.healthMaxMs >= HEALTH_TARGET_MS) failed = true;
    console.log(`${sizeMB} MB  ${name.padEnd(38)}  status ${result.status}  ${result.attackMs.toFixed(0).padStart(6)} ms  health ${String(result.probes).padStart(3)} answers, max ${result.healthMaxMs.toFixed(1).padStart(7)} ms  longest loop block ${result.loopMaxMs.toFixed(1).padStart(7)} ms`);
  }
  await running.shutdown();
  await docent.close();
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.rmSync(indexDir, { recursive: true, force: true });
}
console.log(failed ? `FAIL: /api/health waited ${HEALTH_TARGET_MS} ms or more (or an attack failed)` : `PASS: /api/health answered in < ${HEALTH_TARGET_MS} ms throughout`);
process.exitCode = failed ? 1 : 0;
