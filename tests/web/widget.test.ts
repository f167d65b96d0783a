import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';
import { askInUi, BrowserSession, QUESTION, screenshot, serveDocent, serveHostPages, shownHighlight, sourceText, watch, type Hit, type Served } from './browser.js';

/** The embeddable widget on other origins: one script tag, host styles kept out, its own stored conversations. */

export function hostPage(docentUrl: string, { body = '', scriptAttributes = '', css = '' } = {}) {
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

const session = new BrowserSession();
const hits: Hit[] = [];
let docentServer: Served;
let allowedHost: Served;
let blockedHost: Served;

beforeAll(async () => {
  // Host pages are rendered per request, so they can name the Docent server started after them.
  allowedHost = await serveHostPages(() => ({
    '/launcher.html': hostPage(docentServer.url, { scriptAttributes: 'data-title="Ask the handbook" data-placeholder="Ask the handbook…"' }),
    '/inline.html': hostPage(docentServer.url, {
      body: '<section id="slot" style="width: 640px; max-width: 100%"><docent-chat data-title="Docs chat" data-placeholder="Type a question"></docent-chat></section>',
      css: 'docent-chat { --docent-accent: #e11d48; --docent-radius: 4px; --docent-height: 520px; }',
    }),
  }));
  blockedHost = await serveHostPages(() => ({ '/launcher.html': hostPage(docentServer.url) }));
  [docentServer] = await Promise.all([serveDocent(await openTestDocent(), { allowedOrigins: [allowedHost.url], hits }), session.start()]);
});

afterAll(async () => {
  await session.stop();
  await Promise.all([docentServer?.close(), allowedHost?.close(), blockedHost?.close()]);
});

const shadowFocus = (page: import('playwright-core').Page) => page.evaluate(() => document.querySelector('docent-chat')!.shadowRoot!.activeElement?.className);

describe('the widget', () => {
  it('launches from one script tag on another origin, answers, highlights, and keeps host styles out', async () => {
    for (const [width, height, name] of [
      [1280, 800, 'widget-desktop.png'],
      [360, 740, 'widget-360.png'],
    ] as const) {
      const page = await session.newPage({ width, height });
      const problems = watch(page);
      await page.goto(`${allowedHost.url}/launcher.html`);
      const bubble = page.locator('docent-chat .dw-bubble');
      await bubble.waitFor();
      expect(await page.locator('docent-chat').getAttribute('data-mode')).toBe('launcher');
      expect(await bubble.getAttribute('aria-label')).toBe('Open chat: Ask the handbook');
      if (width === 1280) await screenshot(page, 'widget-desktop-closed.png');
      await bubble.click();
      await expect.poll(() => shadowFocus(page)).toBe('dc-input');
      expect(await page.locator('docent-chat textarea').getAttribute('placeholder')).toBe('Ask the handbook…');
      await page.locator('docent-chat .dc-chip').first().waitFor();
      if (width === 1280) await screenshot(page, 'widget-desktop-empty.png');

      const reply = await askInUi(page, 'docent-chat', QUESTION);
      const style = await reply.locator('.dc-text').evaluate((node) => {
        const computed = getComputedStyle(node);
        return { color: computed.color, fontSize: computed.fontSize, textTransform: computed.textTransform, letterSpacing: computed.letterSpacing };
      });
      expect(style.color).not.toBe('rgb(255, 0, 0)');
      expect(style).toMatchObject({ fontSize: '15px', textTransform: 'none', letterSpacing: 'normal' });
      expect(await page.locator('docent-chat .dc-send').evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(37, 99, 235)');
      // …and the widget leaves the host alone.
      expect(await page.locator('#host-text').evaluate((node) => getComputedStyle(node).fontSize)).toBe('40px');
      expect(await page.evaluate(() => document.querySelectorAll('style, link[rel="stylesheet"]').length)).toBe(1);

      const marker = reply.locator('button.dc-marker').first();
      const n = Number(await marker.getAttribute('data-n'));
      await marker.click();
      await page.locator('docent-chat mark').first().waitFor();
      const shown = await shownHighlight(page.locator('docent-chat .dc-source'));
      const [start, end] = shown.ranges[0]!;
      expect(shown.ranges).toHaveLength(1);
      expect(shown.text).toBe(await sourceText(docentServer.url, DEFAULT_SOURCE));
      expect(await page.locator('docent-chat .dc-vmeta').textContent()).toBe(`${DEFAULT_SOURCE} · citation [${n}] · characters ${start}–${end}`);
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

  it('keeps its own conversations in the host origin, restored on reload', async () => {
    const page = await session.newPage();
    await page.goto(`${allowedHost.url}/launcher.html`);
    await page.locator('docent-chat .dw-bubble').click();
    await askInUi(page, 'docent-chat', QUESTION);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.every((key) => key.startsWith(`docent-widget:`))).toBe(true);
    expect(keys.some((key) => key.includes(':c:'))).toBe(true);
    await page.reload();
    await page.locator('docent-chat .dw-bubble').click();
    expect(await page.locator('docent-chat .dc-q').allTextContents()).toEqual([QUESTION]);
    await page.locator('docent-chat button.dc-marker').first().click();
    await page.locator('docent-chat mark').first().waitFor();
    // The list of conversations opens as a drawer inside the panel.
    await page.locator('docent-chat').getByRole('button', { name: 'Close source' }).click();
    await page.locator('docent-chat').getByRole('button', { name: 'Conversations' }).click();
    await expect.poll(() => page.locator('docent-chat .dc-side').isVisible()).toBe(true);
    expect(await page.locator('docent-chat .dc-conv-title').count()).toBe(1);
    await screenshot(page, 'widget-desktop-list.png');
  });

  it('mounts inline as <docent-chat>, themed by CSS custom properties', async () => {
    const page = await session.newPage();
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
    await chat.locator('mark').first().waitFor();
    await screenshot(page, 'widget-inline.png');
    expect(problems).toEqual([]);
  });

  it('shows an error state on an origin that is not allowed, without crashing', async () => {
    const page = await session.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${blockedHost.url}/launcher.html`);
    await page.locator('docent-chat .dw-bubble').click();
    const input = page.locator('docent-chat textarea.dc-input');
    await input.fill(QUESTION);
    await input.press('Enter');
    const alert = page.locator('docent-chat .dc-error[role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/Could not answer/);
    // The server let the preflight through and refused the request with a readable 403; the question is back in the box to retry.
    expect(hits.some((hit) => hit.method === 'POST' && hit.origin === blockedHost.url && hit.status === 403)).toBe(true);
    expect(hits.some((hit) => hit.method !== 'OPTIONS' && hit.path === '/api/ask' && hit.origin === blockedHost.url && hit.status < 400)).toBe(false);
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
