/**
 * `npx tsx bench/lexical-search.ts <index version folder> <questions.json>`: on a built index, the time
 * to read lexical.bin (file read, checksum-free decode) and BM25 search time per question (top 50),
 * with the CPU ms per search (user + system), which still compares runs on a loaded machine.
 * That its rankings equal MiniSearch's (the library it replaced) is tests/index/bm25-top.test.ts's job.
 * Prints JSON.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LexicalIndex } from '../src/index/lexical-index.js';
import { latency } from './stats.js';

const DEPTH = 50;
const [versionDir, questionsFile] = z.tuple([z.string(), z.string()]).parse(process.argv.slice(2));
const file = path.join(versionDir, 'lexical.bin');
const questions = z.array(z.string()).parse(JSON.parse(await fs.readFile(questionsFile, 'utf8')));

const readStartedAt = performance.now();
const bytes = await fs.readFile(file);
const readMs = performance.now() - readStartedAt;
const lexical = LexicalIndex.decode(bytes, file);
const loadMs = performance.now() - readStartedAt;

const ms: number[] = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let searchCpuMs = 0;
for (let round = 0; round < 3; round++) {
  const roundStart = cpuMs();
  for (const question of questions) {
    const startedAt = performance.now();
    lexical.search(question, DEPTH);
    if (round > 0) ms.push(performance.now() - startedAt);
  }
  // The first round compiles the scorer and reads each term's postings for the first time.
  if (round > 0) searchCpuMs += cpuMs() - roundStart;
}
console.log(
  JSON.stringify({
    chunks: lexical.documentCount,
    fileBytes: bytes.length,
    readMs,
    loadMs,
    questions: questions.length,
    search: latency(ms),
    cpuMsPerSearch: Math.round((searchCpuMs / ms.length) * 1000) / 1000,
    loadAverage: (await fs.readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' '),
  }),
);
