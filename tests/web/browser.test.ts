import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadWebAssets, type WebAsset } from '../../src/server/web-assets.js';
import type { AskResult, Docent } from '../../src/service.js';
import { DEFAULT_CORPUS, DEFAULT_SOURCE, makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/**
 * End-to-end tests in Debian's headless Chromium: the chat page and the widget against the real
 * server on loopback ports, with the fast test embedder. Nothing but 127.0.0.1 is ever contacted.
 */

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('artifacts/screenshots');
const QUESTION = 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?';
const DECLINED = 'Who won the 2018 FIFA World Cup?';
const corpusText = fs.readFileSync(path.join(DEFAULT_CORPUS, DEFAULT_SOURCE), 'utf8');

const XSS_TEXT = [
  '# Rendering safety',
  '',
  'The sanitizer probe string is <script>window.__pwned=1</script> and it must stay inert text.',
  '',
  'The image probe is <img src=x onerror="window.__pwned=1"> and it must also stay inert text.',
  '',
  'Unrelated filler about harbours, lighthouses and tides keeps the index from being tiny.',
  '',
].join('\n');

interface Served {
  url: string;
  close(): Promise<void>;
}

interface Hit {
  method: string;
  path: string;
  origin: string | null;
  status: number;
}

/** The real server, in-process on a free loopback port; records what it answered to whom. */
async function serveDocent(docent: Docent, webAssets: Map<string, WebAsset>, allowedOrigins: string[] = [], hits: Hit[] = []): Promise<Served> {
  const app = createApp({ ...docent, config: { ...docent.config, allowedOrigins } }, { webAssets });
  const fetch = async (request: Request) => {
    const response = await app.fetch(request);
    hits.push({ method: request.method, path: new URL(request.url).pathname, origin: request.headers.get('Origin'), status: response.status });
    return response;
  };
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** A second (third…) origin: a tiny static server of host pages, rendered per request. */
async function serveHostPages(pages: () => Record<string, string>): Promise<Served> {
  const server = http.createServer((request, response) => {
    const body = pages()[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

function hostPage(docentUrl: string, { body = '', scriptAttributes = '', css = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host site</title><link rel="icon" href="data:,"><style>
body { font-family: Georgia, serif; margin: 24px; background: #f7f3ea; }
/* A hostile host stylesheet: nothing of this may reach the widget. */
* { color: red !important; font-size: 40px; line-height: 3 !important; letter-spacing: 4px; text-transform: uppercase; }
button, textarea, mark, p, div, ol, li { all: unset; border: 5px dashed lime !important; background: yellow !important; }
${css}
</style></head><body><h1 id="host-title">Host site</h1><p id="host-text">The host page's own content.</p>${body}
<script src="${docentUrl}/widget.js" data-docent-url="${docentUrl}" ${scriptAttributes} async></script></body></html>`;
}

/** Console errors, page errors, failed requests and HTTP errors seen by a page. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  return problems;
}

function parseEvents(body: string) {
  return body
    .split(/\n\n/)
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = [...block.matchAll(/^data: (.*)$/gm)].map((match) => match[1]).join('\n');
      return { event, data };
    });
}

async function sourceText(baseUrl: string, source: string): Promise<string> {
  return ((await (await fetch(`${baseUrl}/api/sources/${encodeURIComponent(source)}`)).json()) as { text: string }).text;
}

let browser: Browser;
let webAssets: Map<string, WebAsset>;
let docentServer: Served;
let xssServer: Served;
let allowedHost: Served;
let blockedHost: Served;
const hits: Hit[] = [];
const contexts: BrowserContext[] = [];

async function newPage(options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  return context.newPage();
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  webAssets = await loadWebAssets();
  const [docent, xssDocent] = await Promise.all([openTestDocent(), openTestDocent(await makeCorpus({ 'xss.txt': XSS_TEXT }))]);
  // Host pages are rendered per request, so they can name the Docent server started after them.
  allowedHost = await serveHostPages(() => ({
    '/launcher.html': hostPage(docentServer.url, { scriptAttributes: 'data-title="Ask the handbook" data-placeholder="Ask the handbook…"' }),
    '/inline.html': hostPage(docentServer.url, {
      body: '<section id="slot" style="width: 640px; max-width: 100%"><docent-chat data-title="Docs chat" data-placeholder="Type a question"></docent-chat></section>',
      css: 'docent-chat { --docent-accent: #e11d48; --docent-radius: 4px; --docent-height: 520px; }',
    }),
  }));
  blockedHost = await serveHostPages(() => ({ '/launcher.html': hostPage(docentServer.url) }));
  docentServer = await serveDocent(docent, webAssets, [allowedHost.url], hits);
  xssServer = await serveDocent(xssDocent, webAssets);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Belt and braces: no name resolves except loopback.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await Promise.all([docentServer?.close(), xssServer?.close(), allowedHost?.close(), blockedHost?.close()]);
});

/** Asks through the chat UI inside `scope` (the page, or a widget) and waits for the answer to finish. */
async function askInUi(page: Page, scope: string, question: string) {
  const input = page.locator(`${scope} textarea.dc-input`);
  await input.fill(question);
  const turns = await page.locator(`${scope} .dc-turn`).count();
  await input.press('Enter');
  const reply = page.locator(`${scope} .dc-turn`).nth(turns).locator('.dc-a');
  await expect.poll(() => reply.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
  return reply;
}

describe('the chat page', () => {
  it('streams an answer whose citation opens the source with exactly the quoted span highlighted', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(`${docentServer.url}/`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('dc-input'))).toBe(true);
    await screenshot(page, 'chat-desktop-empty.png');

    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/ask'));
    const reply = await askInUi(page, 'body', QUESTION);
    const response = await streamed;
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    const events = parseEvents(await response.text());
    expect(events[0]!.event).toBe('passages');
    expect(events.at(-1)!.event).toBe('done');
    expect(events.some((event) => event.event === 'delta')).toBe(true);
    const result = JSON.parse(events.at(-1)!.data) as AskResult;
    expect(result.answerable).toBe(true);

    // The rendered answer is the answer text, with the [n] markers as buttons.
    expect(await reply.locator('.dc-text').textContent()).toBe(result.answer);
    const markers = reply.locator('button.dc-marker');
    expect(await markers.count()).toBe(result.citations.length);

    for (const [i, citation] of result.citations.entries()) {
      await markers.nth(i).click();
      const mark = page.locator('.dc-viewer mark');
      await expect.poll(() => mark.getAttribute('data-start')).toBe(String(citation.start));
      const marked = await mark.textContent();
      expect(marked).toBe(citation.quote);
      expect(marked).toBe((await sourceText(docentServer.url, citation.source)).slice(citation.start, citation.end));
      expect(marked).toBe(corpusText.slice(citation.start, citation.end));
      expect(await page.locator('.dc-vtitle').textContent()).toBe(citation.source);
      // Scrolled into view inside the source pane.
      const [markBox, paneBox] = await Promise.all([mark.boundingBox(), page.locator('.dc-source').boundingBox()]);
      expect(markBox!.y).toBeGreaterThanOrEqual(paneBox!.y - 1);
      expect(markBox!.y).toBeLessThan(paneBox!.y + paneBox!.height);
    }
    await screenshot(page, 'chat-desktop-citation.png');

    // Escape closes the source and gives focus back to the citation button.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.dc-viewer').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('dc-marker'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('copies the answer with its citations', async () => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: docentServer.url });
    await page.goto(`${docentServer.url}/`);
    const reply = await askInUi(page, 'body', QUESTION);
    await reply.getByRole('button', { name: 'Copy the answer with its citations' }).click();
    await expect.poll(() => reply.locator('.dc-link').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const answer = await reply.locator('.dc-text').textContent();
    expect(copied.startsWith(`${answer}\n\nSources:\n[1] ${DEFAULT_SOURCE}, characters `)).toBe(true);
  });

  it('shows a clear "not found" state, keeps the conversation and resolves follow-ups', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(`${docentServer.url}/`);
    const first = await askInUi(page, 'body', QUESTION);
    expect(await first.locator('button.dc-marker').count()).toBeGreaterThan(0);

    const followUp = await askInUi(page, 'body', 'and when was that?');
    expect(await followUp.locator('.dc-searched').textContent()).toMatch(/^Searched for: .*Mongolia/);
    expect(await followUp.locator('.dc-text').textContent()).toContain('2009');

    const declined = await askInUi(page, 'body', DECLINED);
    expect(await declined.locator('.dc-declined-title').textContent()).toBe('Not found in the documents');
    expect(await declined.locator('button.dc-marker').count()).toBe(0);
    expect(await page.locator('.dc-turn').count()).toBe(3);
    await screenshot(page, 'chat-desktop-conversation.png');
    expect(problems).toEqual([]);
  });

  it('works with the keyboard alone', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(`${docentServer.url}/`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('dc-input'))).toBe(true);
    await page.keyboard.type('When did China and Mongolia hold');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('the joint exercise Peacekeeping Mission-2009?');
    expect(await page.locator('textarea').inputValue()).toContain('hold\nthe joint');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dc-a').getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    // Back from the question box into the conversation until a citation button has focus.
    for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.matches('button.dc-marker'))); i++) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.matches('button.dc-marker'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.dc-viewer mark').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('dc-source'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('button.dc-marker'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('has labels for assistive technology', async () => {
    const page = await newPage();
    await page.goto(`${docentServer.url}/`);
    await askInUi(page, 'body', QUESTION);
    await page.getByRole('textbox', { name: 'Your question' }).waitFor();
    await page.getByRole('button', { name: 'Send question' }).waitFor();
    await page.getByRole('log', { name: 'Docent' }).waitFor();
    await page.getByRole('button', { name: /^Citation 1: show the quoted passage in / }).first().click();
    await page.getByRole('region', { name: DEFAULT_SOURCE }).waitFor();
    await page.getByRole('button', { name: 'Close source' }).click();
  });

  it('is usable at 360 px wide, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPage({ width: 360, height: 740, colorScheme });
      const problems = watch(page);
      await page.goto(`${docentServer.url}/`);
      const reply = await askInUi(page, 'body', QUESTION);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, `chat-360-${colorScheme}.png`);
      await reply.locator('button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').waitFor();
      const viewer = await page.locator('.dc-viewer').boundingBox();
      expect(viewer!.width).toBeLessThanOrEqual(360);
      await screenshot(page, `chat-360-${colorScheme}-citation.png`);
      if (colorScheme === 'dark') {
        const background = await page.locator('.docent').evaluate((node) => getComputedStyle(node).backgroundColor);
        expect(background).toBe('rgb(18, 21, 25)');
      }
      expect(problems).toEqual([]);
    }
  });

  it('renders corpus and user text as text, never as HTML', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(`${xssServer.url}/`);
    const question = 'What is the sanitizer probe string <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>?';
    const reply = await askInUi(page, 'body', question);
    expect(await page.locator('.dc-q').textContent()).toBe(question);
    const answer = await reply.locator('.dc-text').textContent();
    expect(answer).toContain('<script>window.__pwned=1</script>');
    await reply.locator('button.dc-marker').first().click();
    const mark = page.locator('.dc-viewer mark');
    await mark.waitFor();
    const source = await sourceText(xssServer.url, 'xss.txt');
    const start = Number(await mark.getAttribute('data-start'));
    const end = Number(await mark.getAttribute('data-end'));
    expect(await mark.textContent()).toBe(source.slice(start, end));
    expect(await page.locator('.dc-source').textContent()).toBe(XSS_TEXT);
    expect(await page.locator('.docent img, .docent script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await screenshot(page, 'chat-desktop-xss.png');
  });
});

describe('the widget', () => {
  it('launches from one script tag on another origin, answers, highlights, and keeps host styles out', async () => {
    for (const [width, height, name] of [
      [1280, 800, 'widget-desktop.png'],
      [360, 740, 'widget-360.png'],
    ] as const) {
      const page = await newPage({ width, height });
      const problems = watch(page);
      await page.goto(`${allowedHost.url}/launcher.html`);
      const bubble = page.locator('docent-chat .dw-bubble');
      await bubble.waitFor();
      expect(await page.locator('docent-chat').getAttribute('data-mode')).toBe('launcher');
      expect(await bubble.getAttribute('aria-label')).toBe('Open chat: Ask the handbook');
      if (width === 1280) await screenshot(page, 'widget-desktop-closed.png');
      await bubble.click();
      await expect.poll(() => page.evaluate(() => document.querySelector('docent-chat')!.shadowRoot!.activeElement?.className)).toBe('dc-input');
      expect(await page.locator('docent-chat textarea').getAttribute('placeholder')).toBe('Ask the handbook…');

      const reply = await askInUi(page, 'docent-chat', QUESTION);
      const text = reply.locator('.dc-text');
      const style = await text.evaluate((node) => {
        const computed = getComputedStyle(node);
        return { color: computed.color, fontSize: computed.fontSize, textTransform: computed.textTransform, letterSpacing: computed.letterSpacing };
      });
      expect(style.color).not.toBe('rgb(255, 0, 0)');
      expect(style).toMatchObject({ fontSize: '15px', textTransform: 'none', letterSpacing: 'normal' });
      const sendStyle = await page.locator('docent-chat .dc-send').evaluate((node) => getComputedStyle(node).backgroundColor);
      expect(sendStyle).toBe('rgb(37, 99, 235)');
      // …and the widget leaves the host alone.
      expect(await page.locator('#host-text').evaluate((node) => getComputedStyle(node).fontSize)).toBe('40px');
      expect(await page.evaluate(() => document.querySelectorAll('style, link[rel="stylesheet"]').length)).toBe(1);

      const marker = reply.locator('button.dc-marker').first();
      const n = Number(await marker.getAttribute('data-n'));
      await marker.click();
      const mark = page.locator('docent-chat mark');
      await mark.waitFor();
      const start = Number(await mark.getAttribute('data-start'));
      const end = Number(await mark.getAttribute('data-end'));
      const marked = await mark.textContent();
      expect(marked).toBe(corpusText.slice(start, end));
      expect(marked).toBe((await sourceText(docentServer.url, DEFAULT_SOURCE)).slice(start, end));
      expect(await page.locator('docent-chat .dc-vmeta').textContent()).toBe(`Citation [${n}] · characters ${start}–${end}`);
      await screenshot(page, name);
      if (width === 1280) {
        await page.keyboard.press('Escape'); // closes the source…
        await expect.poll(() => page.locator('docent-chat .dc-viewer').isHidden()).toBe(true);
        await screenshot(page, 'widget-desktop-answer.png');
        await page.keyboard.press('Escape'); // …then the panel
        await expect.poll(() => page.locator('docent-chat .dw-panel').isHidden()).toBe(true);
      }
      expect(problems).toEqual([]);
      expect(hits.some((hit) => hit.path === '/api/ask' && hit.origin === allowedHost.url && hit.status === 200)).toBe(true);
    }
  });

  it('mounts inline as <docent-chat>, themed by CSS custom properties', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(`${allowedHost.url}/inline.html`);
    const chat = page.locator('#slot docent-chat');
    await chat.locator('.dc-title').waitFor();
    expect(await chat.locator('.dc-title').textContent()).toBe('Docs chat');
    expect(await page.locator('docent-chat').count()).toBe(1); // no launcher added
    expect(await chat.locator('.dc-send').evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(225, 29, 72)');
    expect((await chat.boundingBox())!.height).toBeCloseTo(520, 0);
    const reply = await askInUi(page, '#slot docent-chat', QUESTION);
    await reply.locator('button.dc-marker').first().click();
    await chat.locator('mark').waitFor();
    await screenshot(page, 'widget-inline.png');
    expect(problems).toEqual([]);
  });

  it('shows an error state on an origin that is not allowed, without crashing', async () => {
    const page = await newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${blockedHost.url}/launcher.html`);
    await page.locator('docent-chat .dw-bubble').click();
    const input = page.locator('docent-chat textarea');
    await input.fill(QUESTION);
    await input.press('Enter');
    const alert = page.locator('docent-chat .dc-error[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/Could not answer/);
    // The server let the preflight through and refused the request with a readable 403; the question is back in the box to retry.
    expect(hits.some((hit) => hit.method === 'POST' && hit.origin === blockedHost.url && hit.status === 403)).toBe(true);
    expect(hits.some((hit) => hit.method !== 'OPTIONS' && hit.origin === blockedHost.url && hit.status < 400)).toBe(false);
    expect(await alert.textContent()).toMatch(/not allowed/);
    expect(await input.inputValue()).toBe(QUESTION);
    expect(await page.locator('docent-chat .dc-send').isEnabled()).toBe(true);
    await screenshot(page, 'widget-blocked-origin.png');
    expect(pageErrors).toEqual([]);

    const direct = await fetch(`${docentServer.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: blockedHost.url }, body: JSON.stringify({ question: QUESTION }) });
    expect(direct.status).toBe(403);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe('forbidden_origin');
  });
});
