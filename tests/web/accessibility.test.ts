import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../web/store.js';
import { DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';
import { askInUi, BrowserSession, QUESTION, seriousViolations, serveDocent, serveHostPages, settled, sourceText, watch, type Served } from './browser.js';

/**
 * axe (WCAG 2.1 A/AA, serious and critical) on the chat page and the widget, in light and dark:
 * empty with suggested questions, with an answer (plain and Markdown), with the source open, with the
 * conversation list open; plus keyboard reach of every control and the live region that speaks answers.
 */

const SCHEMES = ['light', 'dark'] as const;
const session = new BrowserSession();
let docentServer: Served;
let host: Served;

beforeAll(async () => {
  host = await serveHostPages(() => ({
    '/inline.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body><main><h1>Host</h1>
<docent-chat data-title="Docs chat"></docent-chat></main><script src="${docentServer.url}/widget.js" data-docent-url="${docentServer.url}" async></script></body></html>`,
    '/launcher.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body><main><h1>Host</h1></main>
<script src="${docentServer.url}/widget.js" data-docent-url="${docentServer.url}" async></script></body></html>`,
  }));
  [docentServer] = await Promise.all([serveDocent(await openTestDocent(), { allowedOrigins: [host.url] }), session.start()]);
});

afterAll(async () => {
  await session.stop();
  await Promise.all([docentServer?.close(), host?.close()]);
});

/** A page in `scheme`, set both as the context's preference and by emulating the media feature. */
async function themedPage(scheme: (typeof SCHEMES)[number], width = 1280, height = 800): Promise<Page> {
  const page = await session.newPage({ colorScheme: scheme, width, height });
  await page.emulateMedia({ colorScheme: scheme });
  return page;
}

/** Fails with the state's name and axe's findings. */
async function expectClean(page: Page, state: string, include?: string) {
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'), state).toBe(state.split(' ')[0]);
  expect(await seriousViolations(page, include), state).toEqual([]);
}

/** A stored conversation whose answer an LLM wrote in Markdown, citing the default source. */
async function markdownConversation(): Promise<Conversation> {
  const text = await sourceText(docentServer.url, DEFAULT_SOURCE);
  const start = text.indexOf('China and Mongolia');
  const end = text.indexOf('.', start) + 1;
  const citation = { n: 1, chunkId: 'c1', source: DEFAULT_SOURCE, start, end, quote: text.slice(start, end), section: ['IV', 'Exercises'], score: 1, support: 1 };
  const answer = `### Joint exercises\n\nChina and Mongolia held **Peacekeeping Mission-2009** [1].\n\n- In *2009* [1]\n- Codename \`Mission-2009\` [1]\n\n\`\`\`\ncodename = "Mission-2009"\n\`\`\`\n\n> Quoted from the white paper.\n\nSee [the UN site](https://peacekeeping.un.org/).`;
  const result = { answer, answerable: true, answerer: 'llm', standaloneQuestion: 'Joint exercises?', citations: [citation] };
  return { id: 'md1', title: 'Joint exercises?', updatedAt: Date.now(), turns: [{ id: 't1', question: 'Joint exercises?', result }] } as Conversation;
}

/** A hang guard, not a speed check: each test runs five or six full axe scans, which take seconds each on a loaded machine. */
const SCAN_TIMEOUT_MS = 240_000;

describe('accessibility of the chat page', () => {
  for (const scheme of SCHEMES) {
    it(`has no serious axe violations in ${scheme}: empty, answered, source open, Markdown, list open at 360 px`, async () => {
      const page = await themedPage(scheme);
      const problems = watch(page);
      await page.goto(`${docentServer.url}/`);
      await page.locator('.dc-chip').first().waitFor();
      await expectClean(page, `${scheme} empty`);

      const reply = await askInUi(page, 'body', QUESTION);
      await reply.locator('button.dc-marker').first().waitFor();
      await reply.locator('.dc-sources summary').click();
      await expectClean(page, `${scheme} answered`);

      await reply.locator('button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      await expectClean(page, `${scheme} source open`);

      // A Markdown answer, restored from storage, and its citation open in the source.
      const stored = await markdownConversation();
      await page.evaluate((conversation) => {
        localStorage.setItem(`docent:c:${conversation.id}`, JSON.stringify(conversation));
        localStorage.setItem('docent:list', JSON.stringify([{ id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt }]));
        localStorage.setItem('docent:open', JSON.stringify(conversation.id));
      }, stored);
      await page.reload();
      await page.locator('.dc-text h4, .dc-text h5, .dc-text h6').first().waitFor();
      expect(await page.locator('.dc-text pre code').count()).toBe(1);
      await expectClean(page, `${scheme} Markdown answer`);
      await page.locator('.dc-text button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      await expectClean(page, `${scheme} Markdown answer with source open`);

      // 360 px: the conversation list is a drawer.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.keyboard.press('Escape');
      await page.locator('.dc-side-toggle').click();
      await expect.poll(() => page.locator('.dc-side').isVisible()).toBe(true);
      await expectClean(page, `${scheme} list open at 360 px`);
      expect(problems).toEqual([]);
    }, SCAN_TIMEOUT_MS);
  }

  it('reaches every visible control by keyboard and announces the answer in a live region', async () => {
    const page = await themedPage('light');
    await page.goto(`${docentServer.url}/`);
    await page.locator('.dc-chip').first().waitFor();
    const reply = await askInUi(page, 'body', QUESTION);
    await reply.locator('.dc-sources summary').click();
    const live = page.locator('.docent [aria-live="polite"]');
    await expect.poll(() => live.textContent()).toMatch(/^Answer: /);

    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('.docent :is(button, a[href], textarea, input, summary, [tabindex="0"])')];
      return all.filter((node) => node.checkVisibility() && !(node as HTMLButtonElement).disabled).map((node, i) => ((node.dataset.kb = String(i)), String(i)));
    });
    expect(controls.length).toBeGreaterThan(8);
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 10; i++) {
      await page.keyboard.press('Tab');
      const kb = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb);
      if (kb) reached.add(kb);
    }
    const missed = controls.filter((kb) => !reached.has(kb));
    expect(await page.evaluate((ids) => ids.map((kb) => document.querySelector(`[data-kb="${kb}"]`)!.outerHTML.slice(0, 120)), missed)).toEqual([]);
  });
});

describe('accessibility of the widget', () => {
  for (const scheme of SCHEMES) {
    it(`has no serious axe violations in ${scheme}: launcher, empty, answered, source open`, async () => {
      const page = await themedPage(scheme);
      const problems = watch(page);
      await page.goto(`${host.url}/launcher.html`);
      await page.locator('docent-chat .dw-bubble').waitFor();
      await expectClean(page, `${scheme} launcher closed`, 'docent-chat');
      await page.locator('docent-chat .dw-bubble').click();
      await page.locator('docent-chat .dc-chip').first().waitFor();
      await expectClean(page, `${scheme} launcher open, empty`, 'docent-chat');

      await page.goto(`${host.url}/inline.html`);
      await page.locator('docent-chat .dc-chip').first().waitFor();
      await expectClean(page, `${scheme} inline empty`, 'docent-chat');
      const reply = await askInUi(page, 'docent-chat', QUESTION);
      await settled(reply);
      await reply.locator('.dc-sources summary').click();
      await expectClean(page, `${scheme} inline answered`, 'docent-chat');
      await reply.locator('button.dc-marker').first().click();
      await page.locator('docent-chat .dc-viewer mark').first().waitFor();
      await expectClean(page, `${scheme} inline source open`, 'docent-chat');
      if (scheme === 'light') {
        // The check reaches inside the shadow root: a low-contrast line put there is found.
        await page.evaluate(() => document.querySelector('docent-chat')!.shadowRoot!.querySelector('.dc-log')!.insertAdjacentHTML('beforeend', '<p style="color:#999;background:#fff">probe</p>'));
        expect((await seriousViolations(page, 'docent-chat')).join()).toMatch(/^color-contrast/);
      }
      expect(problems).toEqual([]);
    }, SCAN_TIMEOUT_MS);
  }
});
