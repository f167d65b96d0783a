import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/eval/report/html.js';
import { reportSet, type ReportSet } from '../../src/eval/report/rows.js';
import { evaluate } from '../../src/eval/run.js';
import { DEFAULT_SOURCE, openTestDocent, tempDir } from '../helpers/fixtures.js';

const SCREENSHOTS = path.resolve('artifacts/screenshots');
const XSS = '<img src=x onerror="window.__pwned=1"> Who painted the Mona Lisa?';

let browser: Browser;
let file: string;
let sets: ReportSet[];

/** Two small sets on the default corpus: passes, a wrong answer, a hostile question, a declined one. */
beforeAll(async () => {
  const dir = await tempDir('docent-report-');
  const write = async (name: string, lines: object[]) => {
    const target = path.join(dir, name, 'questions.jsonl');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, lines.map((line) => JSON.stringify(line)).join('\n'));
    return target;
  };
  const first = await write('facts', [
    { id: 'f1', question: 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?', answerable: true, must_contain: ['2009'], source: 'Peacekeeping Mission-2009' },
    { id: 'f2', question: 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?', answerable: true, must_contain: ['a phrase no answer contains'], source: 'Peacekeeping Mission-2009' },
    { id: 'f3', question: XSS, answerable: false, must_contain: [], source: '' },
  ]);
  const second = await write('declines', [{ id: 'd1', question: 'Who won the 2018 FIFA World Cup?', answerable: false, must_contain: [], source: '' }]);
  const docent = await openTestDocent();
  const texts = (source: string) => docent.index.documents.get(source);
  sets = [reportSet(await evaluate(docent, first, 'hybrid'), texts), reportSet(await evaluate(docent, second, 'hybrid'), texts)];
  file = path.join(dir, 'report.html');
  await fs.writeFile(file, renderReport(sets, { generatedAt: new Date('2025-01-01T00:00:00Z'), version: '0.1.0', embeddingModel: 'test-hash', answerer: 'extractive' }));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND'] });
});

afterAll(() => browser?.close());

describe('the HTML evaluation report', () => {
  it('says why each question passed or failed', () => {
    const [facts] = sets;
    expect(facts!.rows.map((row) => [row.id, row.pass])).toEqual([['f1', true], ['f2', false], ['f3', true]]);
    expect(facts!.rows[1]!.why).toMatch(/^the answer lacks "a phrase no answer contains"; the evidence was retrieved at rank 1$/);
    expect(facts!.rows[0]!.citations.every((citation) => citation.valid && citation.source === DEFAULT_SOURCE)).toBe(true);
  });

  it('renders in Chromium from a file, loads nothing, logs no errors, and filters to failures', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);

    expect(await page.locator('table.metrics thead th').allTextContents()).toEqual(['metric', 'facts/questions', 'declines/questions']);
    expect(await page.locator('#charts svg').count()).toBe(2);
    expect(await page.locator('#latency svg rect.bar').count()).toBeGreaterThan(0);
    const rows = page.locator('#question-rows tr');
    expect(await rows.count()).toBe(4);
    expect(await page.locator('#shown-count').textContent()).toBe('Showing 4 of 4');
    // The hostile question is text, not markup.
    expect(await page.locator('#question-rows').textContent()).toContain(XSS);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await fs.mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'eval-report.png'), fullPage: true });

    await page.locator('#failures-only').check();
    expect(await page.locator('#question-rows tr:not([hidden])').count()).toBe(1);
    expect(await page.locator('#question-rows tr:not([hidden]) td.result').textContent()).toBe('fail');
    expect(await page.locator('#shown-count').textContent()).toBe('Showing 1 of 4');
    await page.locator('#failures-only').uncheck();
    await page.locator('#set-filter').selectOption('declines/questions');
    expect(await page.locator('#question-rows tr:not([hidden])').count()).toBe(1);
    await page.locator('#set-filter').selectOption('');
    await page.locator('#text-filter').fill('mongolia');
    expect(await page.locator('#question-rows tr:not([hidden])').count()).toBe(2);

    await page.goto(`${pathToFileURL(file).href}#failures`);
    await page.reload();
    expect(await page.locator('#question-rows tr:not([hidden])').count()).toBe(1);

    expect(problems).toEqual([]);
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    await page.close();
  });
});
