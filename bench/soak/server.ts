/** The real server as a child process for the soak, as `npm start` runs it (the prebuilt bundle under plain node), on loopback, one process. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processTreeRss } from '../processes.js';
import { bundleServer, ENTRY as SERVER_ENTRY } from '../../scripts/bundle-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface SoakServer {
  url: string;
  pid: number;
  /** Resident memory of the server process, MiB. */
  rssMiB(): number;
  /** Lines the server wrote to stderr (failures it logged). */
  readonly stderr: string[];
  /** SIGTERM, then the exit code (null if it had to be killed after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server over the default corpus with a fresh temporary INDEX_DIR, rate limits high enough
 * not to shape the load (`env` adds or overrides settings), and waits until /api/health says ready.
 */
export async function startServer(env: Record<string, string> = {}): Promise<SoakServer> {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-soak-index-'));
  // The server as `npm start` runs it: the prebuilt bundle under plain node (tsx's loader would be measured too).
  await bundleServer();
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      CORPUS_DIR: path.join(ROOT, 'corpus'),
      INDEX_DIR: indexDir,
      WORKERS: '1',
      WATCH: '0',
      LOG_REQUESTS: '0',
      RATE_LIMIT_PER_MIN: '1000000',
      WIDGET_RATE_LIMIT_PER_MIN: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const stderr: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(...chunk.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const cleanUp = () => fs.rmSync(indexDir, { recursive: true, force: true });

  let url: string | undefined;
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(200)) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${stdout}\n${stderr.join('\n')}`);
    url ??= /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
    if (!url) continue;
    const health = await fetch(`${url}/api/health`).then((response) => response.json() as Promise<{ state?: string }>).catch(() => undefined);
    if (health?.state === 'ready') break;
  }
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`the server did not start in time:\n${stdout}\n${stderr.join('\n')}`);
  }
  return {
    url,
    pid: child.pid!,
    rssMiB: () => processTreeRss(child.pid!).main,
    stderr,
    async stop(timeoutMs = 30_000) {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        cleanUp();
        return null;
      }
      cleanUp();
      return code;
    },
  };
}
