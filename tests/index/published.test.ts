import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCorpus, tempDir } from '../helpers/fixtures.js';
import { call, publish, publishWithTestModel, sleep, startServer, until, type ServerProcess } from '../helpers/processes.js';

/**
 * The deployment of docs/deployment.md on one machine: one indexer publishing into a folder
 * (`npm run index -- --publish`) and two READ_ONLY servers following its CURRENT pointer, each a
 * real process, with a client asking both while the indexer publishes.
 */

interface Citation {
  source: string;
  start: number;
  end: number;
  quote: string;
}
interface Answer {
  answer: string;
  citations: Citation[];
}
interface Health {
  state: string;
  version: string;
}

// Each corpus version carries its own codename in every document: an answer quoting two codenames mixes versions.
const CODENAMES = ['Aurora', 'Borealis', 'Cygnus', 'Draco', 'Eridanus'];
const corpusFiles = (codename: string) => ({
  'release.md': `# Release\n\nThe release codename is ${codename}.\n`,
  'moka.md': `# Moka pot\n\nThe ${codename} notes say the moka pot was invented by Alfonso Bialetti in 1933.\n`,
});
const QUESTIONS = ['What is the release codename?', 'Who invented the moka pot?'];
const codenamesIn = (text: string) => CODENAMES.filter((codename) => text.includes(codename));

const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function writeCorpus(corpusDir: string, codename: string) {
  for (const [name, text] of Object.entries(corpusFiles(codename))) await fs.writeFile(path.join(corpusDir, name), text);
}

describe('published, immutable index versions served by read-only replicas', () => {
  it('two READ_ONLY servers follow three publishes with no failed or mixed answer, and refuse a version from another model', async () => {
    const corpusDir = await makeCorpus(corpusFiles(CODENAMES[0]!));
    const indexDir = await tempDir('docent-published-');
    /** Version id → codename of the corpus it was built from, in publishing order. */
    const published = new Map<string, string>([[await publish(corpusDir, indexDir), CODENAMES[0]!]]);

    const env = { INDEX_DIR: indexDir, CORPUS_DIR: corpusDir, READ_ONLY: '1', INDEX_POLL_MS: '100', RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: '0' };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    const health = (server: ServerProcess) => call<Health>(`${server.url}/api/health`).then(({ json }) => json);
    const servedBy = async (version: string) => {
      for (const server of servers) await until(async () => (await health(server)).version === version, `${server.url} to serve ${version}`);
    };
    await servedBy([...published.keys()][0]!);

    const failures: string[] = [];
    const answers: Array<{ server: number; version: string; codenames: string[] }> = [];
    let checked = 0;
    let running = true;
    const client = (async () => {
      for (let i = 0; running; i++) {
        const server = i % servers.length;
        const base = servers[server]!.url;
        try {
          const asked = await call<Answer>(`${base}/api/ask`, { question: QUESTIONS[Math.floor(i / 2) % QUESTIONS.length] });
          if (asked.status !== 200 || !asked.version) {
            failures.push(`ask on server ${server}: ${asked.status} ${JSON.stringify(asked.json)}`);
            continue;
          }
          const quoted = asked.json.citations.map((citation) => citation.quote).join(' ');
          answers.push({ server, version: asked.version, codenames: codenamesIn(`${asked.json.answer} ${quoted}`) });
          for (const citation of asked.json.citations) {
            const source = await call<{ text: string }>(`${base}/api/sources/${encodeURIComponent(citation.source)}`);
            // A newer version may have been swapped in since the answer: compare only within one version.
            if (source.version !== asked.version) continue;
            if (source.status !== 200 || source.json.text.slice(citation.start, citation.end) !== citation.quote) failures.push(`inexact on server ${server}: ${JSON.stringify(citation)}`);
            checked++;
          }
        } catch (error) {
          failures.push(`server ${server}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await sleep(10);
      }
    })();

    for (const codename of CODENAMES.slice(1, 4)) {
      await writeCorpus(corpusDir, codename);
      const version = await publish(corpusDir, indexDir);
      published.set(version, codename);
      await servedBy(version);
      // Let the client ask each server a few times on this version.
      const seen = answers.length;
      await until(() => answers.length >= seen + 4, 'answers from the new version');
    }
    const last = [...published.keys()].at(-1)!;

    // A version built with another embedding model: refused, with a clear message, and the last one stays served.
    await writeCorpus(corpusDir, CODENAMES[4]!);
    const foreign = await publishWithTestModel(corpusDir, indexDir);
    expect(foreign).not.toBe(last);
    for (const server of servers) {
      await until(() => /built with embedding model test-hash/.test(server.output()), `${server.url} to refuse ${foreign}`);
      expect(server.output()).toMatch(new RegExp(`still serving version ${last}: .*built with embedding model test-hash`));
    }
    const before = answers.length;
    await until(() => answers.length >= before + 4, 'answers after the refused version');
    running = false;
    await client;

    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    const order = [...published.keys()];
    for (const [server] of servers.entries()) {
      const mine = answers.filter((answer) => answer.server === server);
      // Every answer comes from one published version, quotes only that version's codename, and a server never goes back.
      for (const answer of mine) expect(answer.codenames, `answer from version ${answer.version}`).toEqual([published.get(answer.version)]);
      const positions = mine.map((answer) => order.indexOf(answer.version));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(order.length);
    }
    for (const server of servers) expect(await health(server)).toMatchObject({ state: 'ready', version: last });
  }, 600_000);
});
