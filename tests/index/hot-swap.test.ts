import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/types.js';
import { watchCorpus } from '../../src/index/watch.js';
import { VERSION_HEADER } from '../../src/server/middleware/served-version.js';
import { openDocent, startDocent } from '../../src/service.js';
import { postJson, testApp } from '../helpers/app.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The test embedder, made slow, so requests overlap a build. */
function slowEmbedder(ms: number): Embedder {
  const inner = hashEmbedder();
  return { ...inner, embedDocuments: async (texts) => (await sleep(ms), inner.embedDocuments(texts)) };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface Cited {
  source: string;
  start: number;
  end: number;
  quote: string;
}

describe('kept up to date while serving', () => {
  it('picks up files added, changed and removed while a client loop asks: no failed request, no answer mixing versions', async () => {
    const corpusDir = await makeCorpus({
      'moka.md': '# Moka pot\n\nThe moka pot was invented by Alfonso Bialetti in 1933. It brews coffee on a stove.\n',
      'bread.txt': 'Bread is baked from flour, water and yeast. Sourdough uses a starter instead of yeast.\n',
    });
    const config = await testConfig(corpusDir, { RATE_LIMIT_PER_MIN: '0' });
    const docent = await openDocent(config, { embedder: slowEmbedder(30) });
    const app = await testApp(docent);
    const watcher = watchCorpus(corpusDir, { debounceMs: 100, onChange: () => void docent.refresh() });
    const questions = ['Who invented the moka pot?', 'What is bread baked from?', 'What does sourdough use?', 'How is espresso brewed?'];
    const failures: string[] = [];
    const versions = new Set<string>();
    let checked = 0;
    let running = true;
    const client = (async () => {
      for (let i = 0; running; i++) {
        // In-process requests resolve in microtasks: yield so timers (the watcher's debounce) run, as they would between real clients' requests.
        await sleep(1);
        const response = await app.request('/api/ask', postJson({ question: questions[i % questions.length] }));
        if (response.status !== 200) {
          failures.push(`ask ${response.status}: ${await response.text()}`);
          continue;
        }
        const version = response.headers.get(VERSION_HEADER)!;
        versions.add(version);
        const { citations } = (await response.json()) as { citations: Cited[] };
        for (const citation of citations) {
          const source = await app.request(`/api/sources/${encodeURIComponent(citation.source)}`);
          // The source may be gone or changed in a newer version; compare only within one version.
          if (source.headers.get(VERSION_HEADER) !== version) continue;
          const { text } = (await source.json()) as { text: string };
          if (text.slice(citation.start, citation.end) !== citation.quote) failures.push(`mixed: ${JSON.stringify(citation)}`);
          checked++;
        }
      }
    })();
    const served = () => docent.status.version;
    const changeAndWait = async (change: () => Promise<void>) => {
      const before = served();
      await change();
      await until(() => served() !== before && !docent.status.state.startsWith('indexing'), 'the new version');
      await sleep(150);
    };
    await sleep(150);
    await changeAndWait(() => fs.writeFile(path.join(corpusDir, 'espresso.md'), '# Espresso\n\nEspresso is brewed by forcing hot water through finely ground coffee.\n'));
    await changeAndWait(() => fs.writeFile(path.join(corpusDir, 'moka.md'), '# Moka pot\n\nThe moka pot was patented by Alfonso Bialetti, an Italian engineer, in 1933.\n'));
    await changeAndWait(() => fs.rm(path.join(corpusDir, 'bread.txt')));
    running = false;
    await client;
    watcher.close();

    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    expect(versions.size).toBeGreaterThanOrEqual(3);
    const espresso = (await (await app.request('/api/ask', postJson({ question: 'How is espresso brewed?' }))).json()) as { citations: Cited[] };
    expect(espresso.citations.map((citation) => citation.source)).toContain('espresso.md');
    expect((await app.request('/api/sources/bread.txt')).status).toBe(404);
    expect(docent.index.manifest.documents.map((entry) => entry.source)).toEqual(['espresso.md', 'moka.md']);
  }, 120_000);

  it('keeps a request on the version it started with when another is swapped in half-way', async () => {
    const corpusDir = await makeCorpus({ 'moka.md': 'The moka pot was invented by Alfonso Bialetti in 1933.\n' });
    const docent = await openDocent(await testConfig(corpusDir), { embedder: hashEmbedder() });
    const first = docent.index;
    await fs.writeFile(path.join(corpusDir, 'moka.md'), 'Long ago, in 1933, the moka pot was invented by Alfonso Bialetti.\n');
    const seen = await docent.pin(async () => {
      const answer = await docent.ask('Who invented the moka pot?');
      await docent.refresh();
      // Swapped in for new requests, not for this one.
      expect(docent.status.version).not.toBe(first.version);
      return { answer, index: docent.index };
    });
    expect(seen.index).toBe(first);
    for (const citation of seen.answer.citations) expect(seen.index.documents.get(citation.source)!.slice(citation.start, citation.end)).toBe(citation.quote);
    expect(docent.index).not.toBe(first);
  });
});

describe('readiness', () => {
  it('answers health with `starting` and other routes with 503 until the first version is loaded, then `indexing` during a rebuild', async () => {
    const corpusDir = await makeCorpus({ 'moka.md': 'The moka pot was invented by Alfonso Bialetti in 1933.\n' });
    const docent = startDocent(await testConfig(corpusDir), { embedder: slowEmbedder(300) });
    const app = await testApp(docent);
    const health = async (query = '') => {
      const response = await app.request(`/api/health${query}`);
      return { httpStatus: response.status, ...((await response.json()) as { state: string; version: string; documents: number }) };
    };
    expect(await health()).toMatchObject({ httpStatus: 200, state: 'starting', version: '', documents: 0 });
    expect((await health('?ready=1')).httpStatus).toBe(503);
    const early = await app.request('/api/ask', postJson({ question: 'Who invented the moka pot?' }));
    expect(early.status).toBe(503);
    expect(early.headers.get('Retry-After')).toBe('2');
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('starting');
    expect((await app.request('/')).status).toBe(200);

    const loading = docent.refresh();
    expect((await health()).state).toBe('starting');
    await loading;
    const ready = await health('?ready=1');
    expect(ready).toMatchObject({ httpStatus: 200, state: 'ready', documents: 1 });
    expect(ready.version).toMatch(/^[0-9a-f]{32}$/);

    await fs.writeFile(path.join(corpusDir, 'tea.md'), 'Tea is steeped in hot water.\n');
    const rebuilding = docent.refresh();
    expect((await health()).state).toBe('indexing');
    const during = await app.request('/api/ask', postJson({ question: 'Who invented the moka pot?' }));
    expect([during.status, during.headers.get(VERSION_HEADER)]).toEqual([200, ready.version]);
    await rebuilding;
    expect(await health()).toMatchObject({ state: 'ready', documents: 2 });
  });
});
