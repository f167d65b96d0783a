import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../web/store.js';
import { DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';
import { askInUi, BrowserSession, QUESTION, screenshot, serveDocent, sourceText, watch, type Served } from './browser.js';

/**
 * The page as people see it, at 1280 and 360 px, light and dark: empty, a Markdown answer, the
 * source open, the conversation list open. Writes artifacts/screenshots/look-*.png for a person to
 * look at, and checks what a glance would: nothing wider than the screen, panels where they belong.
 */

const session = new BrowserSession();
let served: Served;
let conversation: Conversation;

beforeAll(async () => {
  [served] = await Promise.all([serveDocent(await openTestDocent()), session.start()]);
  const text = await sourceText(served.url, DEFAULT_SOURCE);
  const start = text.indexOf('China and Mongolia');
  const end = text.indexOf('.', start) + 1;
  const citation = { n: 1, chunkId: 'c1', source: DEFAULT_SOURCE, start, end, quote: text.slice(start, end), section: [text.slice(0, text.indexOf('\n'))], score: 1, support: 1 };
  const answer = [
    '### Joint exercises',
    '',
    'China and Mongolia held the **joint exercise** Peacekeeping Mission-2009 [1].',
    '',
    '- It took place in *June 2009* [1].',
    '- Its codename was `Peacekeeping Mission-2009` [1].',
    '',
    '```',
    'codename = "Peacekeeping Mission-2009"',
    '```',
    '',
    'See [the UN peacekeeping site](https://peacekeeping.un.org/).',
  ].join('\n');
  const result = { answer, answerable: true, answerer: 'llm', standaloneQuestion: QUESTION, citations: [citation] };
  conversation = { id: 'look1', title: 'Peacekeeping Mission-2009', updatedAt: Date.now(), turns: [{ id: 't1', question: QUESTION, result }] } as Conversation;
});

afterAll(async () => {
  await session.stop();
  await served?.close();
});

async function restore(page: Page) {
  await page.evaluate((stored) => {
    localStorage.setItem(`docent:c:${stored.id}`, JSON.stringify(stored));
    const earlier = JSON.parse(localStorage.getItem('docent:list') ?? '[]');
    localStorage.setItem('docent:list', JSON.stringify([{ id: stored.id, title: stored.title, updatedAt: stored.updatedAt }, ...earlier]));
    localStorage.setItem('docent:open', JSON.stringify(stored.id));
  }, conversation);
  await page.reload();
  await page.locator('.dc-text h6, .dc-text h5, .dc-text h4').first().waitFor();
}

/** Nothing sticks out sideways: the page does not scroll horizontally. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the page, looked at', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`at 1280 px in ${scheme}: empty with suggestions, a Markdown answer beside its source, the list beside both`, async () => {
      const page = await session.newPage({ colorScheme: scheme, width: 1280, height: 800 });
      const problems = watch(page);
      await page.goto(`${served.url}/`);
      await page.locator('.dc-chip').first().waitFor();
      await screenshot(page, `look-1280-${scheme}-empty.png`);
      await askInUi(page, 'body', QUESTION);
      await restore(page);
      await page.locator('.dc-text button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      await page.locator('.dc-sources summary').click();
      await screenshot(page, `look-1280-${scheme}-answer-source.png`);
      // Three columns side by side: list, conversation, source.
      const [side, log, viewer] = await Promise.all(['.dc-side', '.dc-log', '.dc-viewer'].map((s) => page.locator(s).boundingBox()));
      expect(side!.x + side!.width).toBeLessThanOrEqual(log!.x + 1);
      expect(log!.x + log!.width).toBeLessThanOrEqual(viewer!.x + 1);
      expect(await overflow(page)).toBe(0);
      expect(problems).toEqual([]);
    });

    it(`at 360 px in ${scheme}: empty, a Markdown answer, the source, the list drawer`, async () => {
      const page = await session.newPage({ colorScheme: scheme, width: 360, height: 740 });
      const problems = watch(page);
      await page.goto(`${served.url}/`);
      await page.locator('.dc-chip').first().waitFor();
      await screenshot(page, `look-360-${scheme}-empty.png`);
      expect(await overflow(page)).toBe(0);
      await askInUi(page, 'body', 'Who won the 2018 FIFA World Cup?');
      await restore(page);
      await page.locator('.dc-sources summary').click();
      await screenshot(page, `look-360-${scheme}-answer.png`);
      expect(await overflow(page)).toBe(0);
      await page.locator('.dc-text button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      await screenshot(page, `look-360-${scheme}-source.png`);
      const viewer = await page.locator('.dc-viewer').boundingBox();
      expect(viewer!.width).toBeGreaterThan(350);
      await page.keyboard.press('Escape');
      await page.locator('.dc-side-toggle').click();
      await expect.poll(async () => (await page.locator('.dc-side').boundingBox())?.x).toBe(0);
      await screenshot(page, `look-360-${scheme}-list.png`);
      expect(await overflow(page)).toBe(0);
      expect(await page.locator('.dc-conv').count()).toBe(2);
      // The drawer closes from its own button, and by a tap on the dimmed chat (which does nothing else).
      await page.getByRole('button', { name: 'Close conversations' }).click();
      await expect.poll(() => page.locator('.dc-side').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('dc-side-toggle'))).toBe(true);
      await page.locator('.dc-side-toggle').click();
      await expect.poll(async () => (await page.locator('.dc-side').boundingBox())?.x).toBe(0);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
      const del = await page.getByRole('button', { name: 'Delete this conversation' }).boundingBox();
      await page.mouse.click(del!.x + del!.width / 2, del!.y + del!.height / 2); // under the dimming
      await expect.poll(() => page.locator('.dc-side').isVisible()).toBe(false);
      expect(dialogs).toEqual([]);
      expect(await page.locator('.dc-turn').count()).toBe(1);
      expect(problems).toEqual([]);
    });
  }
});
