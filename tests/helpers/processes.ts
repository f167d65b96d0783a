import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Docent's own commands as real child processes (`node --import tsx src/cli/main.ts …`), for tests of
 * what several processes sharing one folder do: an indexer publishing, read-only servers following it.
 */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` (every 100 ms) until it holds; fails naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export interface Running {
  readonly child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** The exit code once it has exited. */
  readonly exited: Promise<number | null>;
}

/** Runs a script under tsx with `env` added to this process's environment. */
export function run(script: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs to the end; throws with its output unless it exits 0. */
async function finished(running: Running, what: string): Promise<string> {
  const code = await running.exited;
  if (code !== 0) throw new Error(`${what} exited with ${code}:\n${running.output()}`);
  return running.output();
}

/** `npm run index -- --corpus <corpusDir> --publish <indexDir> --json`; resolves with the version it published. */
export async function publish(corpusDir: string, indexDir: string, env: Record<string, string> = {}): Promise<string> {
  const output = await finished(run('src/cli/main.ts', ['index', '--corpus', corpusDir, '--publish', indexDir, '--json'], env), 'docent index --publish');
  return (JSON.parse(output.slice(output.indexOf('{'))) as { version: string }).version;
}

/** Publishes into `indexDir` with the tests' hash embedder (another model than the servers'); resolves with the version. */
export async function publishWithTestModel(corpusDir: string, indexDir: string): Promise<string> {
  const output = await finished(run('tests/helpers/index-process.ts', [corpusDir, indexDir, '0']), 'index-process');
  return output.trim().split('\n').at(-1)!;
}

export interface ServerProcess extends Running {
  readonly url: string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

/** `npm start` (one process, no workers) on a free loopback port; resolves once it listens. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const running = run('src/cli/main.ts', ['serve'], { HOST: '127.0.0.1', PORT: '0', WORKERS: '1', ...env });
  let url: string | undefined;
  await until(() => {
    if (running.child.exitCode !== null) throw new Error(`docent serve exited:\n${running.output()}`);
    url = /Docent is starting at (http:\/\/\S+?)\/? /.exec(running.output())?.[1];
    return url !== undefined;
  }, 'docent serve to listen');
  const stop = async () => {
    if (running.child.exitCode !== null) return;
    running.child.kill('SIGTERM');
    const timer = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
    await running.exited;
    clearTimeout(timer);
  };
  return { ...running, url: url!, stop };
}

/** GET or POST (with a JSON body) to a server; resolves with the status, the served index version and the body. */
export async function call<T>(url: string, body?: unknown): Promise<{ status: number; version: string | null; json: T }> {
  const response = await fetch(url, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: T;
  try {
    json = JSON.parse(text) as T;
  } catch {
    throw new Error(`${url}: ${response.status} ${text.slice(0, 200)}`);
  }
  return { status: response.status, version: response.headers.get('X-Index-Version'), json };
}
