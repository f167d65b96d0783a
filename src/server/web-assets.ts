import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

export interface WebAsset {
  body: string;
  contentType: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
};

/** Static files served as they are; TypeScript entry points are bundled and minified by esbuild at start-up. */
const STATIC_FILES = ['index.html', 'style.css', 'favicon.svg'];
const SCRIPTS = { 'chat.js': 'chat.ts' };

/** Builds the page's assets once, in memory: no build step before `npm start`, nothing written to disk. */
export async function loadWebAssets(): Promise<Map<string, WebAsset>> {
  const assets = new Map<string, WebAsset>();
  for (const name of STATIC_FILES) {
    assets.set(`/${name}`, { body: await fs.readFile(path.join(WEB_DIR, name), 'utf8'), contentType: TYPES[path.extname(name)]! });
  }
  for (const [name, entry] of Object.entries(SCRIPTS)) {
    const result = await build({ entryPoints: [path.join(WEB_DIR, entry)], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false });
    assets.set(`/${name}`, { body: result.outputFiles[0]!.text, contentType: TYPES['.js']! });
  }
  assets.set('/', assets.get('/index.html')!);
  return assets;
}
