import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets, type WebAsset } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';

/**
 * Shared setup of the browser tests: Debian's headless Chromium against the real server on loopback
 * ports, with the fast test embedder. Nothing but 127.0.0.1 is ever contacted.
 */

export const SCREENSHOTS = path.resolve('artifacts/screenshots');
export const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';
export const DECLINED = 'Who won the 2018 FIFA World Cup?';

export interface Served {
  url: string;
  close(): Promise<void>;
}

export interface Hit {
  method: string;
  path: string;
  origin: string | null;
  status: number;
}

let assets: Promise<Map<string, WebAsset>> | undefined;
export const webAssets = () => (assets ??= loadWebAssets());

/** The real server, in-process on a free loopback port; records what it answered to whom. `extend` adds routes (fakes) before the app's. */
export async function serveDocent(docent: Docent, options: { allowedOrigins?: string[]; hits?: Hit[]; extend?: (app: Hono) => void } = {}): Promise<Served> {
  const app = createApp({ ...docent, config: { ...docent.config, allowedOrigins: options.allowedOrigins ?? [] } }, { webAssets: await webAssets() });
  let outer: { fetch(request: Request): Response | Promise<Response> } = app;
  if (options.extend) {
    const router = new Hono();
    options.extend(router);
    router.all('*', (c) => app.fetch(c.req.raw));
    outer = router;
  }
  const fetch = async (request: Request) => {
    const response = await outer.fetch(request);
    options.hits?.push({ method: request.method, path: new URL(request.url).pathname, origin: request.headers.get('Origin'), status: response.status });
    return response;
  };
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** A second (third…) origin: a tiny static server of host pages, rendered per request. */
export async function serveHostPages(pages: () => Record<string, string>): Promise<Served> {
  const server = http.createServer((request, response) => {
    const body = pages()[request.url ?? ''];
    if (body === undefined) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

export class BrowserSession {
  browser!: Browser;
  readonly #contexts: BrowserContext[] = [];

  async start() {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
  }

  async newPage(options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; context?: BrowserContext } = {}): Promise<Page> {
    const context =
      options.context ??
      (await this.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce', acceptDownloads: true }));
    this.#contexts.push(context);
    return context.newPage();
  }

  async stop() {
    for (const context of this.#contexts) await context.close().catch(() => {});
    await this.browser?.close();
  }
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** Console errors, page errors, failed requests and HTTP errors seen by a page. */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request the page itself cancels (a navigation or reload while the favicon loads) is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** Asks through the chat UI inside `scope` (the page, or a widget) and waits for the answer to finish. */
export async function askInUi(page: Page, scope: string, question: string): Promise<Locator> {
  const input = page.locator(`${scope} textarea.dc-input`).last();
  await input.fill(question);
  const turns = await page.locator(`${scope} .dc-turn`).count();
  await input.press('Enter');
  return settled(page.locator(`${scope} .dc-turn`).nth(turns).locator('.dc-a'));
}

export async function settled(reply: Locator): Promise<Locator> {
  await expect.poll(() => reply.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
  return reply;
}

export async function sourceText(baseUrl: string, source: string): Promise<string> {
  return ((await (await fetch(`${baseUrl}/api/sources/${encodeURIComponent(source)}`)).json()) as { text: string }).text;
}

/**
 * What the source viewer shows: its whole text (every character of the source, in order) and the
 * offset ranges inside highlight marks, merged.
 */
export async function shownHighlight(viewerText: Locator): Promise<{ text: string; ranges: [number, number][] }> {
  return viewerText.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const ranges: [number, number][] = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).data.length;
      if (node.parentElement?.closest('mark.dc-mark')) {
        const last = ranges[ranges.length - 1];
        if (last && last[1] === offset) last[1] += length;
        else ranges.push([offset, offset + length]);
      }
      offset += length;
    }
    return { text: root.textContent ?? '', ranges };
  });
}

/** Serious and critical axe violations (WCAG 2.1 A and AA) inside `include`. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary?.split('\n')[1]?.trim()})`).join('; ')}`);
}
