import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_FILE, FEEDBACK_ROTATED_FILE, feedbackLog } from '../../src/feedback/log.js';
import { openDocent } from '../../src/service.js';
import { postJson, testApp } from '../helpers/app.js';
import { openTestDocent, tempDir } from '../helpers/fixtures.js';

const RATING = { id: 'a1', rating: 'down', comment: 'Wrong year', question: 'When?', answer: 'In 2009. [1]', citations: [{ n: 1, source: 'a.md', start: 0, end: 8 }] };

describe('POST /api/feedback', () => {
  it('appends a validated record (with time and index version) to feedback.jsonl under the index folder', async () => {
    const docent = await openTestDocent();
    const app = await testApp(docent);
    const first = await app.request('/api/feedback', postJson(RATING));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ recorded: true, id: 'a1' });
    expect((await app.request('/api/feedback', postJson({ ...RATING, rating: 'up', comment: undefined }))).status).toBe(201);
    const lines = (await fs.readFile(path.join(docent.config.indexDir, FEEDBACK_FILE), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ ...RATING, version: docent.status.version });
    expect(Date.parse(lines[0].at)).not.toBeNaN();
    expect(lines[1]).toMatchObject({ id: 'a1', rating: 'up' });
    expect(lines[1].comment).toBeUndefined();
  });

  it('refuses invalid feedback with a JSON 400 naming the field', async () => {
    const app = await testApp(await openTestDocent());
    for (const body of [{ ...RATING, rating: 'meh' }, { ...RATING, question: '' }, { ...RATING, comment: 'x'.repeat(2001) }, { rating: 'up' }, '{not json']) {
      const response = await app.request('/api/feedback', postJson(body));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toMatch(/^invalid_/);
    }
  });

  it('is refused (403) by a READ_ONLY server, which never writes its index folder', async () => {
    const built = await openTestDocent();
    const reader = await openDocent({ ...built.config, readOnly: true }, { embedder: built.embedder });
    const response = await (await testApp(reader)).request('/api/feedback', postJson(RATING));
    expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([403, 'read_only']);
    await expect(fs.stat(path.join(built.config.indexDir, FEEDBACK_FILE))).rejects.toThrow();
  });

  it('is covered by the rate limits', async () => {
    const app = await testApp(await openTestDocent(undefined, { RATE_LIMIT_PER_MIN: '2' }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.request('/api/feedback', postJson(RATING))).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('feedbackLog', () => {
  it('stays bounded: past maxBytes the file is rotated, keeping one previous file', async () => {
    const dir = await tempDir();
    const log = feedbackLog(dir, 1024);
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.append({ i, text: 'x'.repeat(80) })));
    const current = await fs.readFile(path.join(dir, FEEDBACK_FILE), 'utf8');
    const rotated = await fs.readFile(path.join(dir, FEEDBACK_ROTATED_FILE), 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(1024);
    expect(Buffer.byteLength(rotated)).toBeLessThanOrEqual(1024);
    // Whole lines only, in order, the newest last.
    const numbers = `${rotated}${current}`.trimEnd().split('\n').map((line) => JSON.parse(line).i);
    expect(numbers.at(-1)).toBe(39);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});
