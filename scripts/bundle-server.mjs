/**
 * `npm start` runs the CLI as one prebuilt JavaScript bundle under plain `node`: going through tsx
 * costs each process about 150–190 MiB and 0.8 s of start-up (see BENCHMARKS.md). The bundle holds
 * Docent's own TypeScript; npm packages stay external (native addons such as hnswlib-node and
 * onnxruntime-node cannot be bundled, and plain `node` loads the rest quickly). It is rebuilt only
 * when a file it was built from changed, so a fresh clone builds it once on its first start, offline.
 * Plain JavaScript, so that it needs nothing but node and esbuild.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * Two levels below the root, as src/cli/main.ts is: code that finds the repository's files relative to
 * its own module (web/, via import.meta.url) resolves to the same places from the bundle.
 */
const OUT_DIR = path.join(ROOT, '.cache', 'server');
export const ENTRY = path.join(OUT_DIR, 'main.js');
/** When the last build started and the files it read (esbuild's metafile inputs), to tell when it is stale. */
const INPUTS = path.join(OUT_DIR, 'inputs.json');
const THIS_SCRIPT = path.relative(ROOT, import.meta.filename);

const mtime = (file) => {
  try {
    return fs.statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

function isCurrent() {
  let built;
  try {
    built = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(built?.inputs) || typeof built.startedAt !== 'number' || !fs.existsSync(ENTRY)) return false;
  return [...built.inputs, THIS_SCRIPT, 'package.json', 'tsconfig.json'].every((file) => mtime(file) < built.startedAt);
}

/** Builds `.cache/server/main.js` from src/cli/main.ts unless it is current. */
export async function bundleServer() {
  if (isCurrent()) return;
  // Loaded only to build: importing esbuild costs more than checking that the bundle is current.
  const { build } = await import('esbuild');
  // Taken before any file is read: one edited during the build leaves the bundle stale.
  const startedAt = Date.now();
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    // The HNSW insertion worker is a module of its own: a worker thread starts from a file.
    entryPoints: { main: 'src/cli/main.ts', 'hnsw-insert-worker': 'src/index/hnsw-insert-worker.ts' },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Not 'node20': esbuild then rewrites regular expressions such as /^\p{Ll}/u into `new RegExp(…)`
    // calls, compiled again on every evaluation (in hot matching code); ES2022 keeps them literals.
    target: 'es2022',
    packages: 'external',
    splitting: true,
    // Beside main.js, not in a sub-folder: a module in any chunk finds the repository's files (web/) two levels up, as from src/<dir>/.
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  // Written last: a build interrupted before it is redone.
  fs.writeFileSync(INPUTS, JSON.stringify({ startedAt, inputs: Object.keys(result.metafile.inputs) }));
}

if (process.argv[1] === import.meta.filename) await bundleServer();
