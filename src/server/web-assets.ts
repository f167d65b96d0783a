import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Metafile, Plugin } from 'esbuild';
import { z } from 'zod';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const ROOT = path.dirname(WEB_DIR);
/** The last build's assets and the files it read; every process (each cluster worker) reuses it while none of them changed. */
const CACHE_FILE = path.join(ROOT, '.cache', 'web-assets.json');

export interface WebAsset {
  body: string;
  contentType: string;
  /** Extra response headers (widget.js may be loaded by any site). */
  headers?: Record<string, string>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
};

/** Static files served as they are. */
const STATIC_FILES = ['index.html', 'favicon.svg'];

/** Loaded by `<script src>` on other sites: public, and usable from pages with COEP or as a module script. */
const CROSS_ORIGIN_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

const WebAssetSchema = z.object({ body: z.string(), contentType: z.string(), headers: z.record(z.string(), z.string()).optional() });
const CacheSchema = z.object({ builtAt: z.number(), inputs: z.array(z.string()), assets: z.array(z.tuple([z.string(), WebAssetSchema])) });

const CSS_ENTRY = 'bundle.css';

/** Files (relative to the repository) the build read: the cache is stale once one of them is newer than it. */
const inputs = new Set<string>();

/** esbuild's build, loaded only when the assets are built (importing it costs start-up time), noting the files it read. */
async function build(options: BuildOptions & { write: false }) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...options, absWorkingDir: ROOT, metafile: true });
  // Files only: not the CSS entries (stdin, named web/bundle.css) nor the plugin's module (`namespace:path`), made of files listed too.
  const virtual = (input: string) => input === path.relative(ROOT, path.join(WEB_DIR, CSS_ENTRY)) || /^[\w-]+:/.test(input);
  for (const input of Object.keys((result.metafile as Metafile).inputs)) if (!virtual(input)) inputs.add(input);
  return result;
}

async function bundleCss(contents: string): Promise<string> {
  const result = await build({ stdin: { contents, resolveDir: WEB_DIR, loader: 'css', sourcefile: CSS_ENTRY }, bundle: true, minify: true, target: ['chrome110', 'firefox115', 'safari16'], write: false });
  return result.outputFiles[0]!.text.trim();
}

/** Makes `import css from 'docent:widget-css'` the widget's minified stylesheet. */
function inlineCss(css: string): Plugin {
  return {
    name: 'docent-inline-css',
    setup(b) {
      b.onResolve({ filter: /^docent:widget-css$/ }, (args) => ({ path: args.path, namespace: 'docent-css' }));
      b.onLoad({ filter: /.*/, namespace: 'docent-css' }, () => ({ contents: `export default ${JSON.stringify(css)};`, loader: 'js' }));
    },
  };
}

/** Bundles `entry`; an ES module entry is split, so what it imports dynamically (`import()`) loads only when used. Returns each output by its URL path. */
async function bundleJs(entry: string, format: 'esm' | 'iife', plugins: Plugin[] = []): Promise<Map<string, string>> {
  const result = await build({ entryPoints: [path.join(WEB_DIR, entry)], bundle: true, minify: true, format, splitting: format === 'esm', outdir: '/', entryNames: '[name]', chunkNames: '[name]-[hash]', target: 'es2022', write: false, plugins, legalComments: 'none' });
  return new Map(result.outputFiles.map((file) => [`/${path.basename(file.path)}`, file.text]));
}

/** The cached assets when no file they were built from changed since; undefined otherwise. */
async function cachedAssets(): Promise<Map<string, WebAsset> | undefined> {
  try {
    const cache = CacheSchema.parse(JSON.parse(await fs.readFile(CACHE_FILE, 'utf8')));
    const times = await Promise.all(cache.inputs.map((input) => fs.stat(path.join(ROOT, input)).then((stat) => stat.mtimeMs)));
    return times.every((time) => time < cache.builtAt) ? new Map(cache.assets) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the assets for the next process; a folder that cannot be written only costs the next one a build. */
async function saveAssets(assets: Map<string, WebAsset>, builtAt: number) {
  const temporary = `${CACHE_FILE}.${process.pid}`;
  try {
    await fs.mkdir(path.dirname(CACHE_FILE), { recursive: true });
    await fs.writeFile(temporary, JSON.stringify({ builtAt, inputs: [...inputs], assets: [...assets] }));
    await fs.rename(temporary, CACHE_FILE);
  } catch {
    await fs.rm(temporary, { force: true });
  }
}

/**
 * The page's and the widget's assets: built by esbuild in memory on a first start (no build step
 * before `npm start`), then cached in .cache/web-assets.json until a file they come from changes,
 * so later processes and cluster workers skip the build. `/` is the chat page (chat.js + style.css, and the documents panel's
 * chunk and documents.css when it is opened); `/widget.js` is the embeddable widget with its
 * stylesheet inside. Both are shells around web/core.ts.
 */
export async function loadWebAssets(): Promise<Map<string, WebAsset>> {
  const cached = await cachedAssets();
  if (cached) return cached;
  // Taken before reading any file: one edited during the build makes the cache stale.
  const builtAt = Date.now();
  const assets = await buildAssets();
  await saveAssets(assets, builtAt);
  return assets;
}

async function buildAssets(): Promise<Map<string, WebAsset>> {
  const assets = new Map<string, WebAsset>();
  for (const name of STATIC_FILES) {
    assets.set(`/${name}`, { body: await fs.readFile(path.join(WEB_DIR, name), 'utf8'), contentType: TYPES[path.extname(name)]! });
    inputs.add(path.relative(ROOT, path.join(WEB_DIR, name)));
  }
  const [pageCss, documentsCss, widgetCss] = await Promise.all([bundleCss('@import "./style.css";'), bundleCss('@import "./documents.css";'), bundleCss('@import "./core.css"; @import "./widget.css";')]);
  const [pageJs, widgetJs] = await Promise.all([bundleJs('chat.ts', 'esm'), bundleJs('widget.ts', 'iife', [inlineCss(widgetCss)])]);
  assets.set('/style.css', { body: pageCss, contentType: TYPES['.css']! });
  assets.set('/documents.css', { body: documentsCss, contentType: TYPES['.css']! });
  for (const [url, body] of pageJs) assets.set(url, { body, contentType: TYPES['.js']! });
  assets.set('/widget.js', { body: widgetJs.get('/widget.js')!, contentType: TYPES['.js']!, headers: CROSS_ORIGIN_HEADERS });
  assets.set('/', assets.get('/index.html')!);
  // Browsers ask for /favicon.ico on their own; answer with the SVG rather than a failed request.
  assets.set('/favicon.ico', assets.get('/favicon.svg')!);
  return assets;
}
