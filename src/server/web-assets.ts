import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

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

async function bundleCss(contents: string): Promise<string> {
  const result = await build({ stdin: { contents, resolveDir: WEB_DIR, loader: 'css', sourcefile: 'bundle.css' }, bundle: true, minify: true, target: ['chrome110', 'firefox115', 'safari16'], write: false });
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

/**
 * Builds the page's and the widget's assets once, in memory: no build step before `npm start`,
 * nothing written to disk. `/` is the chat page (chat.js + style.css, and the documents panel's
 * chunk and documents.css when it is opened); `/widget.js` is the embeddable widget with its
 * stylesheet inside. Both are shells around web/core.ts.
 */
export async function loadWebAssets(): Promise<Map<string, WebAsset>> {
  const assets = new Map<string, WebAsset>();
  for (const name of STATIC_FILES) {
    assets.set(`/${name}`, { body: await fs.readFile(path.join(WEB_DIR, name), 'utf8'), contentType: TYPES[path.extname(name)]! });
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
