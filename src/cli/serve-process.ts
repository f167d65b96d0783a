import type { Config } from '../config.js';
import { createApp } from '../server/app.js';
import { limitHeapGrowth } from '../server/heap-growth.js';
import { listen, type RunningServer } from '../server/lifecycle.js';
import { stdoutRequestLog } from '../server/middleware/request-log.js';
import { loadWebAssets } from '../server/web-assets.js';
import type { LoadingEmbedder } from '../embed/load.js';
import { IndexCorruptError } from '../index/versions.js';
import { startDocent, type Docent } from '../service.js';
import { adminKeys, adminLink, oneTimeAdminToken, WORKER_ADMIN_TOKEN } from './admin-token.js';
import { tellPrimary, type ClusterMessage } from './cluster-messages.js';
import { keepIndexCurrent, loggedRefresh } from './index-updates.js';
import { serverEmbedder } from './open.js';
import { progressBar } from './progress.js';
import { onShutdownSignal } from './shutdown.js';

interface ServeOptions {
  adminToken: string | undefined;
  /** Told when the documents API changed the corpus folder (default: re-index here). */
  onCorpusChange?: () => void;
}

/**
 * The serving processes of `docent serve`: one process that indexes and serves, or a cluster worker.
 * Loaded only by them: a cluster's primary never loads the server, the answerers or the model.
 */

/**
 * One serving process's API and chat page over `docent` (503 until the index is loaded). Built before
 * the first load starts: registering the routes starts no work (picking suggested questions) then.
 */
async function docentApp(docent: Docent, { adminToken, onCorpusChange }: ServeOptions): Promise<ReturnType<typeof createApp>> {
  const { logRequests, logFormat } = docent.config.observability;
  const log = logRequests ? stdoutRequestLog(logFormat) : undefined;
  return createApp(docent, { webAssets: await loadWebAssets(), adminKeys: adminKeys(docent.config, adminToken), onCorpusChange, log });
}

/** Takes connections for `app`, draining in-flight requests on shutdown. */
async function listenDocent(app: ReturnType<typeof createApp>, docent: Docent): Promise<RunningServer> {
  const running = await listen(app.fetch, docent.config);
  onShutdownSignal(async () => {
    const finished = await running.shutdown();
    if (!finished) console.error(`docent: closed requests still running after SHUTDOWN_TIMEOUT_MS (${docent.config.limits.shutdownTimeoutMs} ms)`);
  });
  return running;
}

/** Right after ready: the model first (a question needs it), then the word-meaning caches. */
const warmUp = (docent: Docent, embedder: LoadingEmbedder) =>
  void embedder
    .load()
    .then(() => docent.warmUp())
    .catch((error: unknown) => console.error('docent: warm-up failed (answers are unaffected):', error));

/** One process that indexes (or, READ_ONLY, follows a published index) and serves. */
export async function runSingle(config: Config) {
  const progress = progressBar(true);
  const embedder = await serverEmbedder(config, progress);
  progress.stop();
  let firstBuild = true;
  const docent = startDocent(config, {
    embedder,
    onProgress: (update) => firstBuild && progress(update),
    onReindex: (reason) => firstBuild && console.error(`Indexing ${config.corpusDir} (${reason})…`),
  });
  const adminToken = oneTimeAdminToken(config);
  // Listening at once: 503 `starting` until the first build or load is done.
  const running = await listenDocent(await docentApp(docent, { adminToken }), docent);
  const url = `http://${config.host}:${running.port}/`;
  console.log(`Docent is starting at ${url} (${docent.readOnly ? `loading the index published in ${config.indexDir}` : 'indexing'}…)`);
  const refresh = loggedRefresh(docent.refresh, () => docent.status.version);
  if (docent.readOnly) await refresh();
  else {
    try {
      const { build } = await docent.refresh();
      for (const failure of build?.failures ?? []) console.error(`docent: skipped ${failure.source}: ${failure.reason}`);
    } catch (error) {
      console.error(`docent: ${error instanceof Error ? error.message : String(error)}`);
      await running.shutdown();
      process.exit(1);
    } finally {
      firstBuild = false;
      progress.stop();
    }
  }
  keepIndexCurrent(config, docent.readOnly ? docent.storage : undefined, refresh);
  // Set once serving: the first build, often a whole corpus, runs under V8's own factor (later re-indexes of changed files run under the limit).
  limitHeapGrowth(config.heapGrowthPercent);
  if (docent.status.version) announce(docent, url);
  else console.log(`Docent is waiting for an index version to be published in ${config.indexDir}`);
  if (adminToken) console.log(`Admin link (upload and delete documents; valid until the server stops): ${adminLink(config.host, running.port, adminToken)}`);
  warmUp(docent, embedder);
}

function announce(docent: Docent, url: string) {
  console.log(`Docent is serving ${docent.index.documents.size} documents (${docent.index.chunks.length} chunks) at ${url}`);
}

/** A cluster worker: a reader of the index the primary writes, loading each new version it announces (or CURRENT names). */
export async function runWorker(config: Config) {
  limitHeapGrowth(config.heapGrowthPercent);
  const embedder = await serverEmbedder(config, () => undefined);
  const docent = startDocent(config, { embedder, reindex: 'never' });
  const app = await docentApp(docent, { adminToken: process.env[WORKER_ADMIN_TOKEN], onCorpusChange: () => tellPrimary({ docent: 'refresh' }) });
  const refreshOrReportDamage = async () => {
    try {
      return await docent.refresh();
    } catch (error) {
      // The primary took the version as up to date from its manifest: it reads it in full and rebuilds it.
      if (error instanceof IndexCorruptError) tellPrimary({ docent: 'damaged' });
      throw error;
    }
  };
  const logged = loggedRefresh(refreshOrReportDamage, () => docent.status.version, { quiet: true });
  let listening: Promise<RunningServer> | undefined;
  let ready = false;
  let told = false;
  const refresh = async () => {
    await logged();
    // Connections come once the first load is done: no request reaches a worker still loading while
    // another one serves (the cluster shares the port among listening workers only). A worker with
    // nothing to serve yet listens too, and answers `starting` while the primary indexes.
    await (listening ??= listenDocent(app, docent));
    if (ready) return;
    if (docent.status.version) {
      ready = told = true;
      tellPrimary({ docent: 'ready', version: docent.status.version });
    } else if (!told) {
      // No version yet, or the current one refused: the primary, which waits for every worker's first load, indexes now.
      told = true;
      tellPrimary({ docent: 'waiting' });
    }
  };
  process.on('message', (message: ClusterMessage) => {
    if (message.docent === 'index-version') void refresh();
    // A question that comes first loads the model itself (on first use).
    if (message.docent === 'warm-up') warmUp(docent, embedder);
  });
  keepIndexCurrent(config, docent.storage, refresh);
  await refresh();
}

