import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebAssets, type WebAsset } from '../../src/server/web-assets.js';
import { openTestDocent } from '../helpers/fixtures.js';
import { BrowserSession, serveDocent, type Served } from './browser.js';

/**
 * The chat page's weight as served: its JavaScript and CSS, minified by the server's own build
 * (src/server/web-assets.ts), including what it loads later (the documents panel), stay under 60 KB;
 * nothing comes from another origin.
 */

const BUDGET = 60 * 1024;
/** Not fetched: the namespace createElementNS needs for the inline SVG icons. */
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

let assets: Map<string, WebAsset>;
beforeAll(async () => {
  assets = await loadWebAssets();
});

/** Every asset the page can load: from index.html's links and scripts, then each script's imports (static and dynamic) and stylesheets it adds. */
function pageAssets(): Map<string, number> {
  const found = new Map<string, number>();
  const pending = [...assets.get('/index.html')!.body.matchAll(/(?:href|src)="(\/[\w.-]+\.(?:js|css))"/g)].map((match) => match[1]!);
  for (let url = pending.pop(); url; url = pending.pop()) {
    if (found.has(url)) continue;
    const asset = assets.get(url);
    expect(asset, `${url} is served`).toBeDefined();
    found.set(url, Buffer.byteLength(asset!.body));
    for (const [, ref] of asset!.body.matchAll(/["'`]\.?(\/[\w.-]+\.(?:js|css))["'`]/g)) pending.push(ref!);
  }
  return found;
}

function externalUrls(body: string): string[] {
  return [...body.matchAll(/(?:https?:)?\/\/[\w.-]+\.[a-z]{2,}[^\s"'`)]*/gi)].map((match) => match[0]).filter((url) => url !== SVG_NAMESPACE);
}

describe('the web assets', () => {
  it(`keep the page's JavaScript plus CSS under ${BUDGET} bytes, minified as served, documents panel included`, () => {
    const sizes = pageAssets();
    const urls = [...sizes.keys()];
    // What the page is made of: the entry, its shared chunk, the lazily loaded panel and both stylesheets.
    expect(urls).toEqual(expect.arrayContaining(['/chat.js', '/style.css', '/documents.css']));
    expect(urls.some((url) => url.startsWith('/documents-panel-'))).toBe(true);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    console.log(`page JS+CSS: ${total} bytes (${JSON.stringify(Object.fromEntries(sizes))}); widget.js ${Buffer.byteLength(assets.get('/widget.js')!.body)} bytes`);
    expect(total).toBeLessThan(BUDGET);
    // Minified: long lines (newlines are left only inside template literals).
    for (const url of urls) expect(sizes.get(url)! / assets.get(url)!.body.split('\n').length, url).toBeGreaterThan(300);
  });

  it('keep the widget (script with its stylesheet inside) under the same budget', () => {
    expect(Buffer.byteLength(assets.get('/widget.js')!.body)).toBeLessThan(BUDGET);
  });

  it('name no other origin: no CDN, fonts or scripts from elsewhere', () => {
    for (const [url, asset] of assets) expect(externalUrls(asset.body), url).toEqual([]);
    // The check would see one.
    expect(externalUrls('import"https://cdn.example.com/x.js";@import url(//fonts.example.net/a.css)')).toHaveLength(2);
  });
});

describe('the page in a browser', () => {
  const session = new BrowserSession();
  let served: Served;
  beforeAll(async () => {
    [served] = await Promise.all([serveDocent(await openTestDocent()), session.start()]);
  });
  afterAll(async () => {
    await session.stop();
    await served?.close();
  });

  it('requests only its own origin, with the documents panel opened', async () => {
    const page = await session.newPage();
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(request.url()));
    await page.goto(`${served.url}/`);
    await page.locator('.dc-chip').first().waitFor();
    await page.getByRole('button', { name: 'Documents' }).click();
    await page.locator('.dc-docs').first().waitFor();
    expect(requested.some((url) => url.includes('/documents-panel-'))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(`${served.url}/`))).toEqual([]);
  });
});
