/**
 * `npm start` runs the CLI as one prebuilt JavaScript bundle under plain `node`: going through tsx
 * costs each process about 150–190 MiB and 0.8 s of start-up (see BENCHMARKS.md). The bundle holds
 * Docent's own TypeScript and the npm packages it imports, except those in EXTERNAL_PACKAGES: node
 * loads an ES module file by file (resolve, read, detect the format, compile), and a serving process
 * used to load about 800 of them (zod alone 228, hono 77, the markdown parser 200) before it was
 * ready — ≈ 0.55 s of CPU per process (BENCHMARKS.md, "Start-up: modules"). It is rebuilt only
 * when a file it was built from changed (its own and the packages' files), so a fresh clone builds it
 * once on its first start, offline. Plain JavaScript, so that it needs nothing but node and esbuild.
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
/**
 * When the last build started and the files it read (esbuild's metafile inputs; the bundled packages'
 * files are stood for by npm's record of what it installed, rewritten by every install), to tell when it is stale.
 */
const INPUTS = path.join(OUT_DIR, 'inputs.json');
const INSTALLED_PACKAGES = 'node_modules/.package-lock.json';
const THIS_SCRIPT = path.relative(ROOT, import.meta.filename);

/**
 * Packages loaded from node_modules at run time: native addons and the packages wrapping them
 * (hnswlib-node; transformers.js with onnxruntime-node and sharp), packages that run or read files of
 * their own (esbuild's binary; pg's optional pg-native), large data tables in a few files (wink-lexicon,
 * onnx-proto: bundling saves nothing), and packages loaded only for a PDF, DOCX or HTML document or an
 * LLM answerer (their optional dependencies need not be installed). Any other package is bundled once:
 * two copies of zod (one bundled, one a package's) must not meet.
 */
const EXTERNAL_PACKAGES = [
  'hnswlib-node',
  '@huggingface/transformers',
  'onnxruntime-node',
  'onnxruntime-common',
  'sharp',
  'esbuild',
  'pg',
  'wink-lexicon',
  'onnx-proto',
  'unpdf',
  'mammoth',
  'linkedom',
  '@mozilla/readability',
  'openai',
  '@langchain/openai',
];

/**
 * External CommonJS packages Docent imports by their default export, loaded through `require`: an
 * `import` of a CommonJS file makes node compile it once more to detect its format and scan it for
 * export names, which for wink-lexicon's 390 kB table took ≈ 320 ms of CPU against ≈ 100 ms required.
 */
const REQUIRED_PACKAGES = ['wink-lexicon', 'hnswlib-node', 'onnx-proto', 'pg'];

/** Each `import x from '<package>[/file]'` of REQUIRED_PACKAGES becomes `createRequire(import.meta.url)('<package>[/file]')`. */
const requireCommonJs = {
  name: 'require-commonjs',
  setup(build) {
    const specifier = new RegExp(`^(${REQUIRED_PACKAGES.join('|')})(/.*)?$`);
    build.onResolve({ filter: specifier }, (args) => ({ path: args.path, namespace: 'require-commonjs' }));
    build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => ({
      contents: `import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)(${JSON.stringify(args.path)});\n`,
      loader: 'js',
    }));
  },
};

/**
 * CommonJS packages bundled into ES modules call `require` for node's built-ins: esbuild's shim for it
 * throws in an ES module unless a `require` is in scope (esbuild renames Docent's own `require`s).
 */
const REQUIRE_IN_ESM = "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

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
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    banner: { js: REQUIRE_IN_ESM },
    plugins: [requireCommonJs],
    splitting: true,
    // Beside main.js, not in a sub-folder: a module in any chunk finds the repository's files (web/) two levels up, as from src/<dir>/.
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  // Written last: a build interrupted before it is redone.
  // Files only: the require-commonjs plugin's modules are made up from their names.
  const ownInputs = Object.keys(result.metafile.inputs).filter((file) => !file.split('/').includes('node_modules') && fs.existsSync(path.join(ROOT, file)));
  // Installed by another client than npm, the packages are not watched: `rm -r .cache/server` rebuilds.
  const packages = fs.existsSync(path.join(ROOT, INSTALLED_PACKAGES)) ? [INSTALLED_PACKAGES] : [];
  fs.writeFileSync(INPUTS, JSON.stringify({ startedAt, inputs: [...ownInputs, ...packages] }));
}

if (process.argv[1] === import.meta.filename) await bundleServer();
