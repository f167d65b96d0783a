import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { workerNodeOptions } from '../server/heap-growth.js';
import type { RefreshResult } from '../service.js';
import { adminLink, oneTimeAdminToken, WORKER_ADMIN_TOKEN } from './admin-token.js';
import type { ClusterMessage } from './cluster-messages.js';
import { onShutdownSignal } from './shutdown.js';

const broadcast = (message: ClusterMessage) => Object.values(cluster.workers ?? {}).forEach((worker) => worker?.send(message));

/**
 * The primary of a cluster: the one indexer. It forks the workers first (they answer health checks
 * with `starting` meanwhile); once each has loaded what there is to serve, it brings the index up to
 * date, re-indexes when the corpus changes (WATCH) or a worker asks, and tells the workers to load
 * each new version. It never holds the index in memory, and loads the embedding model only when there
 * is something to embed: with an up-to-date index its start costs a listing of the corpus folder and
 * the manifest, after the workers' start. A version a worker finds damaged is read in full by the next
 * build, which rebuilds it. The workers share the port (the kernel spreads connections) and only read
 * the index. A worker that dies is replaced; on SIGTERM/SIGINT every worker drains, then the primary
 * exits 0. With READ_ONLY the workers follow the published index and the primary only supervises them.
 */
export async function runPrimary(config: Config, workers: number) {
  const adminToken = oneTimeAdminToken(config);
  let stopping = false;
  cluster.setupPrimary({ execArgv: workerNodeOptions(config.workerSemiSpaceMib) });
  const fork = () => cluster.fork(adminToken ? { [WORKER_ADMIN_TOKEN]: adminToken } : {});
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`docent: worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  let port = 0;
  cluster.on('listening', (_worker, address) => (port = address.port));
  let refresh: (() => Promise<unknown>) | undefined;
  const ready = new Set<Worker>();
  let announced = false;
  let served = '';
  /** Versions read in full after a worker refused them: each is checked once, however many workers report it. */
  const checked = new Set<string>();
  let checkNext = false;
  const started = workersStarted(workers);
  cluster.on('message', (worker, message: ClusterMessage) => {
    if (message.docent === 'refresh' && refresh) void refresh();
    if (message.docent === 'damaged' && refresh && served && !checked.has(served)) {
      checked.add(served);
      checkNext = true;
      void refresh();
    }
    if (message.docent !== 'ready') return;
    ready.add(worker);
    // A worker loads its model once every worker serves: sooner, the first ones' warm-up would take the cores from the others' start.
    if (announced) return void worker.send({ docent: 'warm-up' } satisfies ClusterMessage);
    if (ready.size < workers) return;
    announced = true;
    broadcast({ docent: 'warm-up' });
    console.log(`Docent is serving index version ${message.version} at http://${config.host}:${port}/ with ${workers} workers`);
    if (adminToken) console.log(`Admin link (upload and delete documents; valid until the server stops): ${adminLink(config.host, port, adminToken)}`);
  });
  onShutdownSignal(async () => {
    stopping = true;
    const exits = Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (!worker || worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  });
  for (let i = 0; i < workers; i++) fork();
  if (config.readOnly) return;
  // The up-to-date check (the builder's modules, the corpus listing, the manifest: ≈ 0.25 s of CPU at
  // 100k chunks) waits for the workers' first load, so that it does not take a core from them; a stale
  // index is served meanwhile, as it was while the check ran. The workers never load the builder.
  await started;
  const [{ buildIndex }, { buildOptions }, { openIndexStorage }, { coalesced }, { keepIndexCurrent, loggedRefresh }, { deferCliEmbedder }, { progressBar }] = await Promise.all([
    import('../index/build.js'),
    import('../index/build-options.js'),
    import('../index/open-storage.js'),
    import('../index/serving.js'),
    import('./index-updates.js'),
    import('./open.js'),
    import('./progress.js'),
  ]);

  const progress = progressBar(true);
  const embedder = deferCliEmbedder(config, progress);
  let firstBuild = true;
  const options = buildOptions(config, {
    storage: openIndexStorage(config),
    onProgress: (update) => firstBuild && progress(update),
    onRebuild: (reason) => firstBuild && console.error(`Indexing ${config.corpusDir} (${reason})…`),
  });
  const build = coalesced(async (): Promise<RefreshResult> => {
    const readUnchanged = checkNext;
    checkNext = false;
    const report = await buildIndex(embedder, { ...options, readUnchanged });
    const changed = report.version !== served;
    served = report.version;
    if (changed) broadcast({ docent: 'index-version', version: served });
    return { build: report, changed, version: served };
  });
  const logged = loggedRefresh(build, () => served);
  refresh = logged;
  const first = await logged();
  firstBuild = false;
  progress.stop();
  if (!first) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(1);
  }
  keepIndexCurrent(config, undefined, logged);
}

/**
 * Resolves once each of the first `workers` workers has finished its first load, serving ('ready') or
 * not ('waiting': no version yet, or the current one refused), or as soon as a worker exits: one that
 * dies while starting must not hold the index back.
 */
function workersStarted(workers: number): Promise<void> {
  const done = new Set<number>();
  return new Promise((resolve) => {
    cluster.on('exit', () => resolve());
    cluster.on('message', (worker, message: ClusterMessage) => {
      if (message.docent !== 'ready' && message.docent !== 'waiting') return;
      done.add(worker.id);
      if (done.size >= workers) resolve();
    });
  });
}
