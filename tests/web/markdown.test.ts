import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../web/store.js';
import { passageNumber, startFakeLlm, type FakeLlm } from '../helpers/fake-llm-server.js';
import { DEFAULT_CORPUS, makeCorpus, openTestDocent } from '../helpers/fixtures.js';
import { askInUi, BrowserSession, QUESTION, screenshot, serveDocent, shownHighlight, sourceText, watch, type Served } from './browser.js';

/** Markdown in answers (an LLM's) and in the source viewer (the document's structure), with the exact highlight. */

const MOKA = [
  '# The Moka Pot',
  '',
  'The *moka pot* is a **stovetop** coffee maker that brews coffee by passing boiling water pressurized by steam through ground coffee. Its design is described at [the museum site](https://example.org/moka) and in `moka-spec.txt`.',
  '',
  '## History',
  '',
  'The moka pot was invented by Alfonso Bialetti in 1933. It became an icon of Italian design.',
  '',
  '- Fill the base with water up to the valve.',
  '- Add ground coffee to the *funnel* without tamping.',
  '',
  '```sh',
  'brew --strength 3',
  '```',
  '',
  '| Size | Cups |',
  '|------|------|',
  '| Small | 3 |',
  '',
].join('\n');

const FACT = 'China and Mongolia held a joint exercise codenamed Peacekeeping Mission-2009';

const session = new BrowserSession();
let llm: FakeLlm;
let llmServer: Served;
let mokaServer: Served;

beforeAll(async () => {
  llm = await startFakeLlm();
  const [llmDocent, mokaDocent] = await Promise.all([
    openTestDocent(DEFAULT_CORPUS, { LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '5000' }),
    openTestDocent(await makeCorpus({ 'moka.md': MOKA })),
  ]);
  [llmServer, mokaServer] = await Promise.all([serveDocent(llmDocent), serveDocent(mokaDocent), session.start()]);
});

afterAll(async () => {
  await session.stop();
  await Promise.all([llmServer?.close(), mokaServer?.close(), llm?.close()]);
});

/** Opens the page with `conversation` stored as the open one (as an earlier visit would have left it). */
async function withStored(page: Page, url: string, conversation: Conversation) {
  await page.goto(`${url}/`);
  await page.evaluate((stored) => {
    localStorage.setItem(`docent:c:${stored.id}`, JSON.stringify(stored));
    localStorage.setItem('docent:list', JSON.stringify([{ id: stored.id, title: stored.title, updatedAt: stored.updatedAt }]));
    localStorage.setItem('docent:open', JSON.stringify(stored.id));
  }, conversation);
  await page.reload();
  await page.locator('.dc-turn').waitFor();
}

describe('Markdown', () => {
  it('renders an LLM answer as Markdown: headings, emphasis, lists, code, safe links; raw HTML stays text', async () => {
    llm.respond((request) => {
      const n = passageNumber(request, FACT);
      return {
        text: [
          '### Peacekeeping Mission-2009',
          '',
          `China and Mongolia held the **joint exercise** Peacekeeping Mission-2009 in Beijing [${n}].`,
          '',
          `- It took place in *June and July 2009* [${n}].`,
          `- Its codename was \`Peacekeeping Mission-2009\` [${n}].`,
          '',
          '```',
          'codename = "Peacekeeping Mission-2009"',
          '```',
          '',
          'See [the UN site](https://peacekeeping.un.org/), not [this](javascript:alert(1)), and <img src=x onerror=alert(1)> with snake_case_words.',
        ].join('\n'),
      };
    });
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.newPage({ colorScheme });
      const problems = watch(page);
      await page.goto(`${llmServer.url}/`);
      const reply = await askInUi(page, 'body', QUESTION);
      const text = reply.locator('.dc-text');
      expect(await text.locator('h6, h5, h4').first().textContent()).toBe('Peacekeeping Mission-2009');
      expect(await text.locator('strong').first().textContent()).toBe('joint exercise');
      expect(await text.locator('li').count()).toBe(2);
      expect(await text.locator('li em').textContent()).toBe('June and July 2009');
      expect(await text.locator('li code').textContent()).toBe('Peacekeeping Mission-2009');
      expect(await text.locator('pre code').textContent()).toContain('codename = "Peacekeeping Mission-2009"');
      const link = text.locator('a');
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute('href')).toBe('https://peacekeeping.un.org/');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await text.textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await text.textContent()).toContain('snake_case_words');
      expect(await page.locator('.docent img').count()).toBe(0);
      // Citation markers inside list items are buttons too; each opens the exact span.
      expect(await text.locator('li button.dc-marker').count()).toBe(2);
      await text.locator('li button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      const shown = await shownHighlight(page.locator('.dc-source'));
      const [start, end] = shown.ranges[0]!;
      expect(shown.ranges).toHaveLength(1);
      expect(shown.text.slice(start, end)).toContain('China and Mongolia held a joint exercise');
      // The checker's verdicts on the answer's sentences are shown.
      expect(await reply.locator('.dc-check summary').textContent()).toMatch(/sentences? (is|are) not fully supported/);
      await screenshot(page, `markdown-answer-${colorScheme}.png`);
      expect(problems).toEqual([]);
    }
  });

  it('renders the source with its structure and highlights exactly the cited span across marks', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await session.newPage({ colorScheme });
      const problems = watch(page);
      await page.goto(`${mokaServer.url}/`);
      const reply = await askInUi(page, 'body', 'What is a moka pot?');
      await reply.locator('button.dc-marker').first().click();
      await page.locator('.dc-viewer mark').first().waitFor();
      const source = page.locator('.dc-source');
      const text = await sourceText(mokaServer.url, 'moka.md');
      const shown = await shownHighlight(source);
      expect(shown.text).toBe(text);
      expect(shown.ranges).toHaveLength(1);
      expect(text.slice(...shown.ranges[0]!)).toMatch(/^The moka pot is a stovetop coffee maker/);
      expect(await source.locator('h4').textContent()).toBe('The Moka Pot');
      expect(await source.locator('h5').textContent()).toBe('History');
      expect(await source.locator('em').first().textContent()).toBe('moka pot');
      expect(await source.locator('strong').first().textContent()).toBe('stovetop');
      expect(await source.locator('code').first().textContent()).toBe('moka-spec.txt');
      expect(await source.locator('a').getAttribute('href')).toBe('https://example.org/moka');
      expect(await source.locator('a').getAttribute('rel')).toBe('noopener noreferrer');
      expect(await source.locator('pre').textContent()).toBe('brew --strength 3');
      expect(await source.locator('.dc-b-list-item').count()).toBe(2);
      expect(await source.locator('.dc-b-table-row').count()).toBe(2);
      // The highlight is cut around the marks, not the marks around the highlight.
      expect(await source.locator('em mark, strong mark').count()).toBe(2);
      await screenshot(page, `markdown-source-${colorScheme}.png`);
      expect(problems).toEqual([]);
    }
  });

  it('highlights a span across blocks, groups [1, 2], shows the short answer in bold and a contradicted sentence', async () => {
    const text = await sourceText(mokaServer.url, 'moka.md');
    const start = text.indexOf('It became an icon');
    const end = text.indexOf(' up to the valve');
    const year = text.indexOf('1933');
    const invented = text.indexOf('The moka pot was invented');
    const citation = (n: number, from: number, to: number) => ({ n, chunkId: `c${n}`, source: 'moka.md', start: from, end: to, quote: text.slice(from, to), section: ['The Moka Pot', 'History'], score: 1, support: 1 });
    const answer = 'Alfonso Bialetti invented it in 1933 [1, 2]. It was made in Milan [2].';
    const conversation: Conversation = {
      id: 'stored1',
      title: 'Who invented the moka pot?',
      updatedAt: Date.now(),
      turns: [
        {
          id: 't1',
          question: 'Who invented the moka pot?',
          result: {
            answer,
            answerable: true,
            answerer: 'extractive',
            standaloneQuestion: 'Who invented the moka pot?',
            citations: [citation(1, invented, year + 5), citation(2, start, end)],
            shortAnswer: { text: '1933', n: 1, start: year, end: year + 4 },
            verification: {
              supported: false,
              unsupportedSentences: 1,
              sentences: [
                { text: 'Alfonso Bialetti invented it in 1933 [1, 2].', start: 0, end: 44, citations: [1, 2], verdict: 'supported', score: 1, flagged: false },
                { text: 'It was made in Milan [2].', start: 45, end: 70, citations: [2], verdict: 'contradicted' as 'supported', score: 0.2, flagged: true },
              ],
            },
          },
        },
      ],
    };
    const page = await session.newPage();
    const problems = watch(page);
    await withStored(page, mokaServer.url, conversation);
    const reply = page.locator('.dc-a');
    expect(await reply.locator('.dc-text').textContent()).toBe(answer);
    expect(await reply.locator('.dc-cite').first().locator('button.dc-marker').allTextContents()).toEqual(['1', '2']);
    expect(await reply.locator('strong.dc-short').textContent()).toBe('1933');
    await reply.locator('.dc-check summary').click();
    expect(await reply.locator('.dc-check li').textContent()).toBe('“It was made in Milan [2].” — contradicted by the cited text');

    await reply.locator('button.dc-marker[data-n="2"]').first().click();
    await expect.poll(() => page.locator('.dc-viewer mark').first().getAttribute('data-start')).toBe(String(start));
    let shown = await shownHighlight(page.locator('.dc-source'));
    expect(shown.text).toBe(text);
    expect(shown.ranges).toEqual([[start, end]]);
    expect(await page.locator('.dc-viewer .dc-b-list-item mark').count()).toBe(1);
    expect(await page.locator('.dc-vnote').isHidden()).toBe(true);

    // The short answer is bold inside its citation's highlight.
    await reply.locator('button.dc-marker[data-n="1"]').first().click();
    await expect.poll(() => page.locator('.dc-viewer mark').first().getAttribute('data-start')).toBe(String(invented));
    shown = await shownHighlight(page.locator('.dc-source'));
    expect(shown.ranges).toEqual([[invented, year + 5]]);
    expect(await page.locator('.dc-viewer mark strong.dc-short').textContent()).toBe('1933');
    await screenshot(page, 'markdown-short-answer.png');
    expect(problems).toEqual([]);
  });
});
