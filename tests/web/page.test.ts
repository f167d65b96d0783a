import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResult } from '../../src/service.js';
import { DEFAULT_SOURCE, makeCorpus, openTestDocent } from '../helpers/fixtures.js';
import { readEvents } from '../helpers/sse.js';
import { askInUi, BrowserSession, DECLINED, QUESTION, screenshot, serveDocent, shownHighlight, sourceText, watch, type Served } from './browser.js';

/** The chat page: streaming, citations, the source viewer, keyboard use, small screens, and text that stays text. */

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

const session = new BrowserSession();
let docentServer: Served;
let xssServer: Served;

beforeAll(async () => {
  const [docent, xssDocent] = await Promise.all([openTestDocent(), openTestDocent(await makeCorpus({ 'xss.txt': XSS_TEXT }))]);
  [docentServer, xssServer] = await Promise.all([serveDocent(docent), serveDocent(xssDocent), session.start()]);
});

afterAll(async () => {
  await session.stop();
  await Promise.all([docentServer?.close(), xssServer?.close()]);
});

const focused = (page: import('playwright-core').Page, selector: string) => page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector);

describe('the chat page', () => {
  it('streams an answer whose citations open the source with exactly the quoted span highlighted', async () => {
    const page = await session.newPage();
    const problems = watch(page);
    await page.goto(`${docentServer.url}/`);
    await expect.poll(() => focused(page, '.dc-input')).toBe(true);
    await page.locator('.dc-chip').first().waitFor();
    await screenshot(page, 'chat-desktop-empty.png');

    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/ask'));
    const reply = await askInUi(page, 'body', QUESTION);
    const response = await streamed;
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    const events = [];
    for await (const event of readEvents(new Response(new Uint8Array(await response.body())).body!)) events.push(event);
    expect(events[0]!.event).toBe('passages');
    expect(events.at(-1)!.event).toBe('done');
    const result = JSON.parse(events.at(-1)!.data) as AskResult;
    expect(result.answerable).toBe(true);

    // The rendered answer is the answer text, with each [n] a button.
    expect((await reply.locator('.dc-text').textContent())!.replace(/\s+/g, ' ').trim()).toBe(result.answer.replace(/\s+/g, ' ').trim());
    const markers = reply.locator('button.dc-marker');
    expect(await markers.count()).toBe([...result.answer.matchAll(/\[(\d+)\]/g)].length);
    const text = await sourceText(docentServer.url, DEFAULT_SOURCE);
    for (const citation of result.citations) {
      await reply.locator(`button.dc-marker[data-n="${citation.n}"]`).first().click();
      await expect.poll(() => page.locator('.dc-viewer mark').first().getAttribute('data-start')).toBe(String(citation.start));
      const shown = await shownHighlight(page.locator('.dc-source'));
      expect(shown.text).toBe(text);
      expect(shown.ranges).toEqual([[citation.start, citation.end]]);
      expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
      expect(await page.locator('.dc-vmeta').textContent()).toContain(`${citation.source} · citation [${citation.n}] · characters ${citation.start}–${citation.end}`);
      expect(await page.locator('.dc-vplace').textContent()).toBe(citation.section.slice(1).join(' › '));
      // Scrolled into view inside the source pane.
      const [markBox, paneBox] = await Promise.all([page.locator('.dc-viewer mark').first().boundingBox(), page.locator('.dc-source').boundingBox()]);
      expect(markBox!.y).toBeGreaterThanOrEqual(paneBox!.y - 1);
      expect(markBox!.y).toBeLessThan(paneBox!.y + paneBox!.height);
    }
    // Headings of the source are headings; the original file is one click away.
    expect(await page.locator('.dc-source h4').first().textContent()).toBe(text.slice(0, text.indexOf('\n')));
    const original = await page.locator('.dc-viewer a', { hasText: 'Open the original file' }).getAttribute('href');
    expect(original).toBe(`/api/sources/${encodeURIComponent(DEFAULT_SOURCE)}?format=original`);
    expect((await page.request.get(`${docentServer.url}${original}`)).status()).toBe(200);
    await screenshot(page, 'chat-desktop-citation.png');

    // The sources list opens the same way, and shows each citation's section path.
    await reply.locator('.dc-sources summary').click();
    expect(await reply.locator('.dc-card-src').first().textContent()).toContain(result.citations[0]!.section.join(' › '));

    // Escape closes the source and gives focus back to what opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.dc-viewer').isHidden()).toBe(true);
    expect(await focused(page, 'button.dc-marker')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('copies the answer with its citations', async () => {
    const page = await session.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: docentServer.url });
    await page.goto(`${docentServer.url}/`);
    const reply = await askInUi(page, 'body', QUESTION);
    await reply.getByRole('button', { name: 'Copy the answer with its citations' }).click();
    await expect.poll(() => reply.locator('.dc-actions .dc-link').first().textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`\\n\\nSources:\\n\\n\\[1\\] \`${DEFAULT_SOURCE.replace(/\./g, '\\.')}\` · .* · characters \\d+–\\d+\\n> `));
  });

  it('shows a clear "not found" state, keeps the conversation and resolves follow-ups', async () => {
    const page = await session.newPage();
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
    // Screen readers hear the answer itself, without the markers.
    expect(await page.locator('.dc-main [aria-live="polite"]').textContent()).toBe('Not found in the documents.');
    await screenshot(page, 'chat-desktop-conversation.png');
    expect(problems).toEqual([]);
  });

  it('works with the keyboard alone', async () => {
    const page = await session.newPage();
    const problems = watch(page);
    await page.goto(`${docentServer.url}/`);
    await expect.poll(() => focused(page, '.dc-input')).toBe(true);
    await page.keyboard.type('When did China and Mongolia hold');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('the joint exercise Peacekeeping Mission-2009?');
    expect(await page.locator('textarea').inputValue()).toContain('hold\nthe joint');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dc-a').getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    expect(await page.locator('.dc-main [aria-live="polite"]').textContent()).toMatch(/^Answer: In June and July 2009/);
    // Back from the question box into the conversation until a citation button has focus.
    for (let i = 0; i < 30 && !(await focused(page, 'button.dc-marker')); i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page, 'button.dc-marker')).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.dc-viewer mark').first().waitFor();
    expect(await focused(page, '.dc-source')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page, 'button.dc-marker')).toBe(true);
    // Every control is a real button, link, summary or field: Tab reaches each of them.
    const reachable = await page.evaluate(() => [...document.querySelectorAll('.docent button, .docent summary, .docent a[href], .docent textarea')].filter((node) => (node as HTMLElement).offsetParent !== null && (node as HTMLElement).tabIndex < 0).length);
    expect(reachable).toBe(0);
    expect(problems).toEqual([]);
  });

  it('has labels for assistive technology', async () => {
    const page = await session.newPage();
    await page.goto(`${docentServer.url}/`);
    await askInUi(page, 'body', QUESTION);
    await page.getByRole('textbox', { name: 'Your question' }).waitFor();
    await page.getByRole('button', { name: 'Send question' }).waitFor();
    await page.getByRole('region', { name: 'Conversation' }).waitFor();
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
    await page.getByRole('group', { name: 'Rate this answer' }).waitFor();
    await page.getByRole('button', { name: /^Citation 1: show the quoted passage in .*, IV\. Active Efforts/ }).first().click();
    await page.getByRole('region', { name: 'IV. Active Efforts for Greater International Cooperation' }).waitFor();
    await page.getByRole('button', { name: 'Close source' }).click();
  });

  it('is usable at 360 px wide, in light and dark, with the conversation list as a drawer', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.newPage({ width: 360, height: 740, colorScheme });
      const problems = watch(page);
      await page.goto(`${docentServer.url}/`);
      await page.locator('.dc-chip').first().waitFor();
      await screenshot(page, `chat-360-${colorScheme}-empty.png`);
      const reply = await askInUi(page, 'body', QUESTION);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, `chat-360-${colorScheme}.png`);
      await reply.locator('button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      expect((await page.locator('.dc-viewer').boundingBox())!.width).toBeLessThanOrEqual(360);
      await screenshot(page, `chat-360-${colorScheme}-citation.png`);
      await page.keyboard.press('Escape');

      const toggle = page.getByRole('button', { name: 'Conversations' });
      expect(await page.locator('.dc-side').isVisible()).toBe(false);
      await toggle.click();
      await expect.poll(() => page.locator('.dc-side').isVisible()).toBe(true);
      expect(await focused(page, '.dc-new')).toBe(true);
      await screenshot(page, `chat-360-${colorScheme}-list.png`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.dc-side').isVisible()).toBe(false);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      if (colorScheme === 'dark') expect(await page.locator('.docent').evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(18, 21, 25)');
      expect(problems).toEqual([]);
    }
  });

  it('renders corpus and user text as text, never as HTML', async () => {
    const page = await session.newPage();
    const problems = watch(page);
    await page.goto(`${xssServer.url}/`);
    const question = 'What is the sanitizer probe string <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>?';
    const reply = await askInUi(page, 'body', question);
    expect(await page.locator('.dc-q').textContent()).toBe(question);
    expect(await reply.locator('.dc-text').textContent()).toContain('<script>window.__pwned=1</script>');
    await reply.locator('button.dc-marker').first().click();
    await page.locator('.dc-viewer mark').first().waitFor();
    const source = await sourceText(xssServer.url, 'xss.txt');
    expect(source).toBe(XSS_TEXT);
    const shown = await shownHighlight(page.locator('.dc-source'));
    expect(shown.text).toBe(XSS_TEXT);
    expect(shown.ranges).toHaveLength(1);
    expect(await page.locator('.docent img, .docent script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await screenshot(page, 'chat-desktop-xss.png');
  });
});
