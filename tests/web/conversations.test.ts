import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_FILE } from '../../src/feedback/log.js';
import type { Docent } from '../../src/service.js';
import { conversationTitle } from '../../web/text.js';
import { DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';
import { askInUi, BrowserSession, QUESTION, screenshot, serveDocent, settled, shownHighlight, sourceText, watch, type Served } from './browser.js';

/** Conversations kept in the browser, regenerate, feedback and suggested questions on the chat page. */

const SECOND = 'When did China establish a specialized peacekeeping training institution?';

const session = new BrowserSession();
let docent: Docent;
let server: Served;

beforeAll(async () => {
  docent = await openTestDocent();
  [server] = await Promise.all([serveDocent(docent), session.start()]);
});

afterAll(async () => {
  await session.stop();
  await server?.close();
});

const listTitles = (page: Page) => page.locator('.dc-conv-title').allTextContents();
const questions = (page: Page) => page.locator('.dc-q').allTextContents();

/** Request bodies the page sends to `path`. */
function record(page: Page, pathname: string): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname === pathname && request.method() === 'POST') bodies.push(request.postDataJSON());
  });
  return bodies;
}

describe('conversations stored in the browser', () => {
  it('restores the open conversation on reload, with citations that still open the source', async () => {
    const page = await session.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/`);
    await askInUi(page, 'body', QUESTION);
    await page.reload();
    await page.locator('.dc-turn').first().waitFor();
    expect(await questions(page)).toEqual([QUESTION]);
    expect(await listTitles(page)).toEqual([conversationTitle(QUESTION)]);
    expect(await page.locator('.dc-conv[aria-current="true"]').count()).toBe(1);
    await page.locator('button.dc-marker').first().click();
    await page.locator('.dc-viewer mark').first().waitFor();
    const shown = await shownHighlight(page.locator('.dc-source'));
    expect(shown.text).toBe(await sourceText(server.url, DEFAULT_SOURCE));
    expect(shown.ranges).toHaveLength(1);
    expect(shown.text.slice(...shown.ranges[0]!)).toContain('China and Mongolia held a joint exercise');
    // Nothing about the conversation went to the server but the questions themselves.
    expect(problems).toEqual([]);
  });

  it('switches between two conversations, and follow-ups carry only their own conversation', async () => {
    const page = await session.newPage();
    const asks = record(page, '/api/ask');
    await page.goto(`${server.url}/`);
    await askInUi(page, 'body', QUESTION);
    await page.getByRole('button', { name: 'New chat' }).click();
    expect(await page.locator('.dc-turn').count()).toBe(0);
    expect(await page.locator('.dc-intro').isVisible()).toBe(true);
    await askInUi(page, 'body', SECOND);
    expect((await listTitles(page)).length).toBe(2);
    await screenshot(page, 'conversations-desktop.png');

    await page.locator('.dc-conv').nth(1).click();
    expect(await questions(page)).toEqual([QUESTION]);
    expect(await page.locator('.dc-bar-title').textContent()).toBe(conversationTitle(QUESTION));
    await askInUi(page, 'body', 'and when was that?');
    expect(await questions(page)).toEqual([QUESTION, 'and when was that?']);
    expect((asks.at(-1) as { history: { content: string }[] }).history.map((turn) => turn.content)[0]).toBe(QUESTION);

    await page.locator('.dc-conv', { hasText: 'specialized peacekeeping' }).click();
    expect(await questions(page)).toEqual([SECOND]);
    await page.reload();
    await page.locator('.dc-turn').first().waitFor();
    expect(await questions(page)).toEqual([SECOND]);
  });

  it('renames, exports as Markdown with the citations, deletes and clears all', async () => {
    const page = await session.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${server.url}/`);
    await askInUi(page, 'body', QUESTION);

    await page.getByRole('button', { name: 'Rename this conversation' }).click();
    await page.getByRole('textbox', { name: 'Conversation title' }).fill('Mongolia exercise');
    await page.keyboard.press('Enter');
    expect(await page.locator('.dc-bar-title').textContent()).toBe('Mongolia exercise');
    expect(await listTitles(page)).toEqual(['Mongolia exercise']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this conversation as Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('docent-mongolia-exercise.md');
    const markdown = await fs.readFile((await download.path())!, 'utf8');
    const citation = /\[1\] `([^`]+)` · (.*) · characters (\d+)–(\d+)\n> (.*)/.exec(markdown);
    expect(markdown.startsWith('# Mongolia exercise\n')).toBe(true);
    expect(markdown).toContain(`## ${QUESTION}`);
    expect(markdown).toContain('In June and July 2009, China and Mongolia held a joint exercise');
    expect(citation).not.toBeNull();
    const [, source, place, start, end, quote] = citation!;
    expect(source).toBe(DEFAULT_SOURCE);
    expect(place).toContain('3. Extending Cooperation on Joint Exercises');
    expect((await sourceText(server.url, source!)).slice(Number(start), Number(end))).toBe(quote);

    await page.getByRole('button', { name: 'New chat' }).click();
    await askInUi(page, 'body', SECOND);
    expect((await listTitles(page)).length).toBe(2);
    await page.getByRole('button', { name: 'Delete this conversation' }).click();
    expect(await listTitles(page)).toEqual(['Mongolia exercise']);
    expect(await page.locator('.dc-turn').count()).toBe(0);

    await page.getByRole('button', { name: 'Clear all conversations' }).click();
    expect(await listTitles(page)).toEqual([]);
    await page.reload();
    await page.locator('.dc-intro').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('docent:c:')))).toEqual([]);
  });

  it('regenerates the last answer with the same question and history', async () => {
    const page = await session.newPage();
    const asks = record(page, '/api/ask');
    await page.goto(`${server.url}/`);
    await askInUi(page, 'body', QUESTION);
    await askInUi(page, 'body', 'and when was that?');
    // Only the last answer offers it.
    expect(await page.getByRole('button', { name: 'Regenerate the answer' }).count()).toBe(1);
    const before = await page.locator('.dc-text').last().textContent();
    await page.getByRole('button', { name: 'Regenerate the answer' }).click();
    await settled(page.locator('.dc-a').last());
    expect(asks).toHaveLength(3);
    expect(asks[2]).toEqual(asks[1]);
    expect(await page.locator('.dc-turn').count()).toBe(2);
    expect(await page.locator('.dc-text').last().textContent()).toBe(before);
  });

  it('sends thumbs up or down with an optional comment, and remembers the rating', async () => {
    const page = await session.newPage();
    const sent = record(page, '/api/feedback');
    await page.goto(`${server.url}/`);
    const reply = await askInUi(page, 'body', QUESTION);
    await reply.getByRole('button', { name: 'Bad answer' }).click();
    await expect.poll(() => reply.getByRole('button', { name: 'Bad answer' }).getAttribute('aria-pressed')).toBe('true');
    await reply.getByRole('textbox', { name: 'Comment (optional)' }).fill('Also mention Beijing, please.');
    await reply.getByRole('button', { name: 'Send comment' }).click();
    await expect.poll(() => reply.locator('.dc-fstatus').textContent()).toBe('Thanks, your comment was sent.');
    await screenshot(page, 'feedback-desktop.png');

    expect(sent).toHaveLength(2);
    const [rating, comment] = sent as Record<string, unknown>[];
    expect(rating).toMatchObject({ rating: 'down', question: QUESTION, citations: [{ n: 1, source: DEFAULT_SOURCE }] });
    expect(rating!.comment).toBeUndefined();
    expect(comment).toMatchObject({ id: rating!.id, rating: 'down', comment: 'Also mention Beijing, please.' });
    const log = (await fs.readFile(path.join(docent.config.indexDir, FEEDBACK_FILE), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(log.filter((line) => line.id === rating!.id).map((line) => line.comment ?? null)).toEqual([null, 'Also mention Beijing, please.']);

    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Bad answer' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Good answer' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('suggests questions the documents answer on the empty page', async () => {
    const page = await session.newPage();
    const problems = watch(page);
    await page.goto(`${server.url}/`);
    const chips = page.locator('.dc-chip');
    await chips.first().waitFor({ timeout: 30_000 });
    const suggested = await chips.allTextContents();
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    expect(suggested.length).toBeLessThanOrEqual(4);
    for (const [i, question] of suggested.entries()) {
      if (i) await page.getByRole('button', { name: 'New chat' }).click();
      await page.getByRole('button', { name: question }).click();
      const reply = await settled(page.locator('.dc-a').last());
      expect(await page.locator('.dc-q').last().textContent()).toBe(question);
      expect(await reply.locator('button.dc-marker').count()).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });
});
