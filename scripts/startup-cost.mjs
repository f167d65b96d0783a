/**
 * Start-up cost of `docent serve` from the prebuilt bundle: spawns `node .cache/server/main.js serve`
 * (built first if stale), polls `/api/health?ready=1` every 50 ms, and at the first 200 reads each
 * process's user + system CPU seconds and RSS from /proc (the primary first, then its workers), then
 * stops it. With WORKERS > 1 that first 200 is the first worker that answers; the time the primary
 * logs that every worker serves ("… with N workers") is printed too, as "all". Wall times follow the machine's load; CPU seconds are the steadier figure, so both are
 * printed with the load average. Linux only (/proc). Set CORPUS_DIR, INDEX_DIR, WORKERS… in the
 * environment; the index should be built beforehand (`node .cache/server/main.js index`).
 *
 *   node scripts/startup-cost.mjs [runs]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { bundleServer, ENTRY } from './bundle-server.mjs';

const runs = Number(process.argv[2] ?? 3);
/** As `docent serve` reads WORKERS: 0 or unset is one per core, and 1 is a single process (no cluster). */
const clustered = (Number(process.env.WORKERS ?? 0) || os.availableParallelism()) > 1;
if (!Number.isInteger(runs) || runs < 1) throw new Error('usage: node scripts/startup-cost.mjs [runs ≥ 1]');
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

const cpuSeconds = (pid) => {
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const childrenOf = (pid) =>
  fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));

async function isReady(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health?ready=1`)).status === 200;
  } catch {
    return false;
  }
}

async function startOnce() {
  const port = 20000 + Math.floor(Math.random() * 10000);
  const startedAt = performance.now();
  const server = spawn(process.execPath, [ENTRY, 'serve'], {
    env: { ...process.env, PORT: String(port), WATCH: 'false', LOG_REQUESTS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += chunk));
  // The cluster's primary logs this line once every worker has told it it serves.
  const allServing = new Promise((resolve) => {
    let stdout = '';
    server.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (/Docent is serving .* with \d+ workers/.test(stdout)) resolve((performance.now() - startedAt) / 1000);
    });
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    while (!(await isReady(port))) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const processes = [server.pid, ...childrenOf(server.pid)].map((pid) => ({ cpu: cpuSeconds(pid), rss: rssMiB(pid) }));
    const allSeconds = clustered ? await allServing : seconds;
    const allCpu = [server.pid, ...childrenOf(server.pid)].reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    return { seconds, allSeconds, allCpu, processes, load: os.loadavg()[0] };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

await bundleServer();
const results = [];
for (let run = 1; run <= runs; run++) {
  const result = await startOnce();
  results.push(result);
  const cpu = result.processes.reduce((sum, p) => sum + p.cpu, 0);
  const each = result.processes.map((p) => `${p.cpu.toFixed(2)} s / ${p.rss.toFixed(0)} MiB`).join(', ');
  const all = clustered ? `; all workers after ${result.allSeconds.toFixed(2)} s wall, ${result.allCpu.toFixed(2)} s CPU` : '';
  console.log(`run ${run}: ready after ${result.seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (per process, primary first: ${each})${all}, load ${result.load.toFixed(2)}`);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const totalCpu = results.map((result) => result.processes.reduce((sum, p) => sum + p.cpu, 0));
const allWorkers = clustered ? `; all workers ${median(results.map((r) => r.allSeconds)).toFixed(2)} s wall, ${median(results.map((r) => r.allCpu)).toFixed(2)} s CPU` : '';
console.log(`median of ${runs}: first answer ${median(results.map((r) => r.seconds)).toFixed(2)} s wall, ${median(totalCpu).toFixed(2)} s CPU${allWorkers}`);
