import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpora, htmlToText } from '../../bench/corpora.js';
import { questionsFrom } from '../../bench/questions.js';
import { htmlReport, textTable, type BenchResults } from '../../bench/report.js';
import { latency } from '../../bench/stats.js';
import { exactTopK, syntheticVectors } from '../../bench/vectors.js';
import { keyedRandom } from '../../tools/build-model/random.js';

describe('bench building blocks', () => {
  it('turns HTML into plain text: no scripts or tags, entities decoded, blocks apart', () => {
    const text = htmlToText('<html><head><title>x</title></head><body><script>alert(1)</script><h1>Title &amp; more</h1><p>First&nbsp;para &#233;&#x41;.</p><p>Second</p></body></html>');
    expect(text).toBe('Title & more\n\nFirst para éA.\n\nSecond');
  });

  it('builds nested corpora from a source tree, each size a prefix of the next, and reuses them', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-bench-src-'));
    for (let i = 0; i < 30; i++) await fs.writeFile(path.join(root, `page${String(i).padStart(2, '0')}.html`), `<p>${`Sentence number ${i} explains how tables and indexes are stored on disk. `.repeat(30)}</p>`);
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-bench-out-'));
    const trees = [{ name: 'test', root, accept: (file: string) => file.endsWith('.html') }];
    const chunking = { chunkSize: 800, chunkOverlap: 120 };
    const corpora = await buildCorpora(out, [10, 40], chunking, trees);
    const small = await fs.readdir(corpora.get(10)!.dir);
    const large = await fs.readdir(corpora.get(40)!.dir);
    expect(small.length).toBeLessThan(large.length);
    expect(large.slice(0, small.length)).toEqual(small);
    expect(corpora.get(10)!.chunks).toBeGreaterThanOrEqual(10);
    expect(corpora.get(40)!.chunks).toBeGreaterThanOrEqual(40);
    expect((await buildCorpora(out, [10, 40], chunking, [])).get(40)).toEqual(corpora.get(40));

    const questions = await questionsFrom(corpora.get(40)!.dir, 5);
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) expect(question).toMatch(/^What does the documentation say about \S+ \S+ \S+\?$/);
  });

  it('asks distinct questions from several sentences of each file when the corpus has fewer files than questions wanted', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-bench-questions-'));
    const topics = [['vacuum', 'autovacuum', 'freezing'], ['replication', 'standby', 'failover'], ['checkpoint', 'writeahead', 'durability'], ['planner', 'statistics', 'estimates']];
    const sentence = (words: string[], i: number) => `Section ${i} describes ${words.join(' and ')} for every administrator reading this manual.`;
    await fs.writeFile(path.join(dir, 'a.txt'), topics.slice(0, 2).map(sentence).join(' '));
    await fs.writeFile(path.join(dir, 'b.txt'), topics.slice(2).map(sentence).join(' '));
    const questions = await questionsFrom(dir, 4);
    expect(questions).toHaveLength(4);
    expect(new Set(questions).size).toBe(4);
  });

  it('finds the exact nearest neighbours that recall is measured against', () => {
    const set = syntheticVectors('clustered', 300, 16, 5, keyedRandom('test', 'vectors'));
    const [truth] = exactTopK(set, 3);
    const query = set.queries.subarray(0, 16);
    const scores = Array.from({ length: 300 }, (_, row) => set.data.subarray(row * 16, row * 16 + 16).reduce((sum, value, i) => sum + value * query[i]!, 0));
    const best = scores.map((score, row) => [score, row] as const).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, row]) => row);
    expect([...truth!]).toEqual(best);
  });

  it('reports percentiles and renders the table and a self-contained HTML page', () => {
    expect(latency([5, 1, 4, 2, 3])).toMatchObject({ count: 5, p50Ms: 3, p99Ms: 5 });
    const measured = latency([1, 2, 3]);
    const results: BenchResults = {
      machine: { cpus: 2, node: 'v20', loadAverage: [1, 1, 1] },
      startedAt: 'now',
      mode: 'quick',
      scale: [1000, 10000].map((chunks) => ({
        targetChunks: chunks,
        documents: 10,
        chunks,
        index: { seconds: 1, embedChunksPerSecond: 3000, peakRssMiB: 400 },
        reindexUnchangedSeconds: 1,
        reindexFullSeconds: 2,
        indexMiB: 5,
        embeddingCacheMiB: 3,
        startup: { seconds: 1, modelLoadMs: 300, openMs: 200 },
        inProcess: { ask: measured, search: measured, rssMiB: 250 },
        http: [
          {
            workers: 1,
            requests: 10,
            concurrency: 2,
            failures: 0,
            requestsPerSecond: 100,
            latency: measured,
            startSeconds: 1,
            rssMiB: { primary: 250, maxWorker: 0 },
            coldStart: { requests: 5, concurrency: 2, failures: 1, requestsPerSecond: 50, latency: latency([10, 20, 90]) },
          },
        ],
      })),
    };
    // The measured load and a cold start's first requests are reported apart, and a cold start's errors are not hidden.
    expect(textTable(results)).toContain('1w 100 req/s, p99 3 (cold start: 90 over 5) (1 errors)');
    const html = htmlReport(results);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});
