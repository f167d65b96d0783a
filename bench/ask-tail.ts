/**
 * `npx tsx bench/ask-tail.ts <questions> [--seconds 20 | --requests N] [--workers 2] [--settle 3]`:
 * where `/api/ask`'s latency tail lies. Starts `serve` as `npm start` runs it (CORPUS_DIR, INDEX_DIR
 * from the environment; rate limits off), waits --settle seconds after ready, asks --ask-first
 * questions one by one, then runs autocannon at --connections over the questions (a JSON array of
 * strings, or a .jsonl file of `{"question": …}` lines) and prints: requests per second, CPU ms per
 * request of the process tree, p50/p99/max, the same per second of the run (by when each request
 * started: a tail in the first seconds is a cold process, one spread over the run is garbage
 * collection or slow questions), and RSS per process. With --workers 1 it also reads the worker's
 * /metrics (heap, external, heap spaces) after the first questions and after the load.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { processTreeRss, startServer } from './processes.js';
import { latency } from './stats.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '20' },
    requests: { type: 'string' },
    workers: { type: 'string', default: '2' },
    settle: { type: 'string', default: '3' },
    'ask-first': { type: 'string', default: '0' },
    connections: { type: 'string', default: '32' },
  },
});
const file = positionals[0];
if (!file) throw new Error('usage: bench/ask-tail.ts <questions.json | questions.jsonl> [options]');
const text = fs.readFileSync(file, 'utf8');
const questions: string[] = file.endsWith('.jsonl') ? text.trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question) : (JSON.parse(text) as string[]);
const oneWorker = values.workers === '1';

const server = await startServer({ WORKERS: values.workers });
const base = `http://127.0.0.1:${server.port}`;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** CPU ms (user + system) of the server and its workers so far. */
function treeCpuMs(): number {
  const childrenFile = `/proc/${server.pid}/task/${server.pid}/children`;
  const children = fs.existsSync(childrenFile) ? fs.readFileSync(childrenFile, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return [server.pid, ...children].reduce((sum, pid) => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return sum + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);
}

/** The worker's memory as its /metrics reports it (prom-client's default Node metrics), MiB. */
async function workerMemory(): Promise<Record<string, number>> {
  const metrics = await (await fetch(`${base}/metrics`)).text();
  const read = (name: string) => mib(Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN));
  return {
    rss: read('process_resident_memory_bytes'),
    heapUsed: read('nodejs_heap_size_used_bytes'),
    heapTotal: read('nodejs_heap_size_total_bytes'),
    external: read('nodejs_external_memory_bytes'),
    ...Object.fromEntries(['old', 'new', 'code', 'large_object'].map((space) => [`${space}Used`, read(`nodejs_heap_space_size_used_bytes\\{space="${space}"\\}`)])),
  };
}

try {
  console.log('ready: RSS MiB', JSON.stringify(processTreeRss(server.pid)));
  await new Promise((resolve) => setTimeout(resolve, Number(values.settle) * 1000));
  for (const question of questions.slice(0, Number(values['ask-first']))) {
    await (await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).text();
  }
  if (oneWorker) console.log(`after ${values['ask-first']} questions: MiB`, JSON.stringify(await workerMemory()));
  const samples: Array<{ startedAt: number; ms: number }> = [];
  const cpuBefore = treeCpuMs();
  const startedAt = performance.now();
  const options = {
    url: base,
    connections: Number(values.connections),
    ...(values.requests ? { amount: Number(values.requests) } : { duration: Number(values.seconds) }),
    timeout: 30,
    requests: questions.map((question) => ({ method: 'POST' as const, path: '/api/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(options, (error, finished) => (error ? reject(error as Error) : resolve(finished)));
    run.on('response', (_client, _status, _bytes, ms) => samples.push({ startedAt: performance.now() - startedAt - ms, ms }));
  });
  const cpuMs = treeCpuMs() - cpuBefore;
  const all = latency(samples.map((sample) => sample.ms));
  console.log(
    `${samples.length} requests, ${result.requests.average} req/s, ${(cpuMs / samples.length).toFixed(2)} CPU ms per request, errors ${result.errors}, non-2xx ${result.non2xx}; ` +
      `p50 ${all.p50Ms} / p99 ${all.p99Ms} / max ${Math.max(...samples.map((sample) => sample.ms)).toFixed(1)} ms`,
  );
  const bySecond = new Map<number, number[]>();
  for (const { startedAt: at, ms } of samples) {
    const second = Math.max(0, Math.floor(at / 1000));
    const times = bySecond.get(second);
    if (times) times.push(ms);
    else bySecond.set(second, [ms]);
  }
  console.log('second  requests  p50  p99  max (ms, by when the request started)');
  for (const [second, times] of [...bySecond].sort((a, b) => a[0] - b[0])) {
    const { p50Ms, p99Ms } = latency(times);
    console.log(`${String(second).padStart(6)}  ${String(times.length).padStart(8)}  ${p50Ms.toFixed(0).padStart(3)}  ${p99Ms.toFixed(0).padStart(3)}  ${Math.max(...times).toFixed(0).padStart(3)}`);
  }
  console.log('after the load: RSS MiB', JSON.stringify(processTreeRss(server.pid)));
  if (oneWorker) console.log('after the load: MiB', JSON.stringify(await workerMemory()));
} finally {
  await server.stop();
}
