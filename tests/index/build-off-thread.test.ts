import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.js';
import { folderStorage } from '../../src/index/folder-storage.js';
import { FILES } from '../../src/index/folder-files.js';
import { versionDir } from '../../src/index/versions.js';
import { buildOptions } from '../../src/service.js';
import { hashEmbedder } from '../helpers/hash-embedder.js';
import { makeCorpus, testConfig } from '../helpers/fixtures.js';

const WORDS = ['tide', 'harbour', 'lantern', 'granite', 'current', 'keel', 'beacon', 'shoal', 'reef', 'gale', 'anchor', 'chart'];

/** Enough small chunks (over two embedding steps) that a new index is built in the insertion worker. */
function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let file = 0; file < 40; file++) {
    const sentences = Array.from({ length: 110 }, (_, i) => `Note ${file}-${i} on the ${WORDS[(file + i) % WORDS.length]} and the ${WORDS[(file * 7 + i * 3) % WORDS.length]}.`);
    files[`notes-${String(file).padStart(2, '0')}.md`] = sentences.join('\n\n');
  }
  return files;
}

describe('buildIndex off the main thread', () => {
  it('writes the same index as inserting every vector on the main thread', async () => {
    const corpusDir = await makeCorpus(corpusFiles());
    const env = { CHUNK_SIZE: '100', CHUNK_OVERLAP: '0' };
    const pipelined = await testConfig(corpusDir, env);
    const inPlace = await testConfig(corpusDir, env);
    const storage = folderStorage(pipelined.indexDir, pipelined.hnsw);
    let workerBuilds = 0;
    const counted = { ...storage, buildVectors: (dimensions: number, capacity: number) => (workerBuilds++, storage.buildVectors!(dimensions, capacity)) };
    const offThread = await buildIndex(hashEmbedder(), buildOptions(pipelined, { storage: counted }));
    const reference = await buildIndex(hashEmbedder(), buildOptions(inPlace, { storage: { ...folderStorage(inPlace.indexDir, inPlace.hnsw), buildVectors: undefined } }));

    expect(offThread.chunks).toBeGreaterThan(2048);
    expect(workerBuilds).toBe(1);
    expect(offThread.chunks).toBe(reference.chunks);
    for (const file of [FILES.documents, FILES.chunks, FILES.lexical]) {
      const [a, b] = await Promise.all([pipelined, inPlace].map((config, i) => fs.readFile(path.join(versionDir(config.indexDir, [offThread, reference][i]!.version), file), 'utf8')));
      expect(a, file).toBe(b);
    }
    // The same graph: every chunk's text finds the same neighbours in the same order.
    const embedder = hashEmbedder();
    const [built, expected] = [offThread.index!, reference.index!];
    for (const chunk of built.chunks.filter((_, i) => i % 97 === 0)) {
      const query = await embedder.embedQuery(chunk.text);
      expect(await built.vectors.search(query, 10)).toEqual(await expected.vectors.search(query, 10));
    }
    // No scratch file is left beside the versions.
    expect((await fs.readdir(pipelined.indexDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
