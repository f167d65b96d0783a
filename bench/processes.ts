/** Child processes for the benchmark: each measured step runs alone, so its time and memory are its own. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleServer, ENTRY as SERVER_ENTRY } from '../scripts/bundle-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_ARGS = ['--import', 'tsx', '--require', path.join(ROOT, 'bench', 'max-rss.cjs')];

export interface ChildResult {
  stdout: string;
  ms: number;
  /** Peak resident set size of the child, MiB. */
  maxRssMiB: number;
}

/** Runs a TypeScript entry point of this repository with `env` added, and fails loudly when it does. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...NODE_ARGS, path.join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const maxRssMiB = Number(/BENCH_MAX_RSS_KB (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;
      if (code === 0) resolve({ stdout, ms: performance.now() - startedAt, maxRssMiB });
      else reject(new Error(`${script} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
    });
  });
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

const rssMiB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/** Resident memory of a process and of each process below it (cluster workers), MiB. */
export function processTreeRss(pid: number): { main: number; children: number[] } {
  const descendants: number[] = [];
  for (let queue = childrenOf(pid); queue.length > 0; ) {
    const next = queue.shift()!;
    descendants.push(next);
    queue.push(...childrenOf(next));
  }
  return { main: rssMiB(pid), children: descendants.map(rssMiB) };
}

export interface RunningServer {
  port: number;
  pid: number;
  /** From spawning `serve` until /api/health says ready. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * The load generator is one client on loopback: per-client rate limits would turn the measurement
 * into a count of 429s, and a log line per request would measure stdout.
 */
const LOAD_TEST_ENV = { RATE_LIMIT_PER_MIN: '0', WIDGET_RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: 'false', WATCH: 'false' };

/**
 * Starts `serve` as `npm start` runs it (the prebuilt bundle under plain node, brought up to date
 * first, outside the timing) on a free loopback port; the index must already be built. Resolves once ready.
 */
export async function startServer(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<RunningServer> {
  await bundleServer();
  const startedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...LOAD_TEST_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not announce its port within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  for (;;) {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.json() as Promise<{ state?: string }>).catch(() => undefined);
    if (health && (health.state === undefined || health.state === 'ready')) break;
    if (performance.now() - startedAt > timeoutMs) throw new Error('serve never became ready');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startMs = performance.now() - startedAt;
  return {
    port,
    pid: child.pid!,
    startMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
