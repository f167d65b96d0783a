/**
 * `npx tsx bench/lexical-search.ts <index version folder> <questions.json>`: BM25 search time on a built
 * index, MiniSearch's own search (what the lexical index ran before issue 10) beside the lexical
 * index's top-k scorer, and whether their top 50 agree (ids and scores). MiniSearch is vacuumed first:
 * with removed chunks still in its postings, its document counts depend on the searches run before.
 * Prints JSON.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { CONTEXT_BOOST, LexicalIndex, type LexicalEntry, type StoredLexicalIndex } from '../src/index/lexical-index.js';
import { terms } from '../src/match/analyzer.js';
import { latency } from './stats.js';

const DEPTH = 50;
const [versionDir, questionsFile] = z.tuple([z.string(), z.string()]).parse(process.argv.slice(2));
const stored = JSON.parse(await fs.readFile(path.join(versionDir, 'lexical.json'), 'utf8')) as StoredLexicalIndex;
const questions = z.array(z.string()).parse(JSON.parse(await fs.readFile(questionsFile, 'utf8')));
const queryTerms = (query: string) => [...new Set(terms(query))].slice(0, 64);
const miniSearch = MiniSearch.loadJS<LexicalEntry>(stored.search, { fields: ['text', 'context'], tokenize: (text) => terms(text), processTerm: (term) => term });
const lexical = LexicalIndex.load(stored);
const removedChunks = miniSearch.dirtCount;
await miniSearch.vacuum();

const before = (query: string) =>
  miniSearch
    .search(query, { combineWith: 'OR', boost: { context: CONTEXT_BOOST }, tokenize: queryTerms })
    .slice(0, DEPTH)
    .map((result) => ({ id: String(result.id), score: result.score }));
const after = (query: string) => lexical.search(query, DEPTH);

function time(search: (query: string) => unknown, rounds: number): number[] {
  const ms: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const startedAt = performance.now();
      search(question);
      if (round > 0) ms.push(performance.now() - startedAt);
    }
  }
  return ms;
}

const disagreements = questions.filter((question) => JSON.stringify(before(question)) !== JSON.stringify(after(question))).length;
console.log(
  JSON.stringify({
    chunks: stored.documentCount,
    removedChunks,
    questions: questions.length,
    disagreements,
    miniSearch: latency(time(before, 3)),
    topK: latency(time(after, 3)),
    loadAverage: (await fs.readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' '),
  }),
);
