import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Bm25Top } from '../../src/index/bm25-top.js';
import { CONTEXT_BOOST, LexicalIndex, type LexicalEntry } from '../../src/index/lexical-index.js';
import { terms } from '../../src/match/analyzer.js';
import { keyedRandom } from '../../tools/build-model/random.js';

/**
 * The lexical index's own format against MiniSearch, the library it replaced (built with the same
 * analyzer): ids, scores and order must be identical, through additions, removals and writes.
 */
const MINISEARCH_OPTIONS = { fields: ['text', 'context'], tokenize: (text: string) => terms(text), processTerm: (term: string) => term, autoVacuum: false as const };
const queryTerms = (query: string) => [...new Set(terms(query))].slice(0, 64);

/** MiniSearch's own ranking, as the lexical index ran it before; vacuumed first (unvacuumed, its document counts depend on earlier searches). */
async function miniSearchTop(search: MiniSearch<LexicalEntry>, query: string, limit: number, contextBoost: number, accept?: (id: string) => boolean) {
  if (search.dirtCount > 0) await search.vacuum();
  return search
    .search(query, { combineWith: 'OR', boost: { context: contextBoost }, tokenize: queryTerms, ...(accept ? { filter: (result) => accept(String(result.id)) } : {}) })
    .slice(0, limit)
    .map((result) => ({ id: String(result.id), score: result.score }));
}

/** The same changes applied to MiniSearch and to the lexical index (returned: a write reads back a new one). */
class Twins {
  readonly search = new MiniSearch<LexicalEntry>(MINISEARCH_OPTIONS);
  lexical = LexicalIndex.build([]);

  add(entries: readonly LexicalEntry[]) {
    this.search.addAll(entries);
    this.lexical.add(entries);
  }

  remove(entries: readonly LexicalEntry[]) {
    for (const entry of entries) this.search.discard(entry.id);
    this.lexical.remove(entries);
  }

  /** Writes the lexical index and reads it back, as the indexer and a serving worker do. */
  rewrite() {
    const bytes = Buffer.concat(this.lexical.encode());
    // An unaligned copy too: the reader must not depend on where the buffer starts.
    const unaligned = Buffer.alloc(bytes.length + 1).subarray(1);
    bytes.copy(unaligned);
    this.lexical = LexicalIndex.decode(unaligned, 'lexical.bin');
  }

  async expectSame(queries: readonly string[], limits: readonly number[], contextBoost = CONTEXT_BOOST) {
    const top = new Bm25Top(this.lexical, [1, contextBoost]);
    for (const [i, query] of queries.entries()) {
      const accept = i % 3 === 0 ? (id: string) => id.length % 2 === 0 : undefined;
      for (const limit of limits) {
        const expected = await miniSearchTop(this.search, query, limit, contextBoost, accept);
        expect(top.top(queryTerms(query), limit, accept)).toEqual(expected);
        if (contextBoost === CONTEXT_BOOST && !accept) expect(this.lexical.search(query, limit)).toEqual(expected);
      }
    }
  }
}

const WORDS = Array.from({ length: 60 }, (_, i) => `w${i}`);

function synthetic(count: number, random: () => number, from = 0): LexicalEntry[] {
  // Skewed word choice, so some terms reach most chunks and others few, and scores tie now and then.
  const word = () => WORDS[Math.floor(random() ** 2 * WORDS.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    id: `c${from + i}`,
    text: Array.from({ length: 1 + Math.floor(random() * 30) }, word).join(' '),
    context: Array.from({ length: Math.floor(random() * 4) }, word).join(' '),
  }));
}

/** ../shared/eval/squad beside the checkout (from the working directory or this file); a clone elsewhere has none and skips that comparison. */
const squadDir = [path.resolve('../shared/eval/squad'), path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/eval/squad')].find((dir) => fs.existsSync(dir));

describe('BM25 top-k over the lexical index', () => {
  for (const contextBoost of [1, 0.5]) {
    it(`gives MiniSearch's ids, scores and order exactly, through additions, removals and rewrites (context boost ${contextBoost})`, async () => {
      const random = keyedRandom('bm25-top', String(contextBoost));
      const twins = new Twins();
      const entries = synthetic(400, random);
      twins.add(entries);
      const queries = Array.from({ length: 40 }, () => [...Array.from({ length: 1 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]!), 'absent'].join(' '));
      const check = () => twins.expectSame(queries, [1, 10, 50], contextBoost);
      await check();
      // Every third chunk, so removed postings sit between live ones.
      twins.remove(entries.filter((_, i) => i % 3 === 0));
      twins.add(synthetic(150, random, 400));
      await check();
      twins.rewrite();
      await check();
      // Changes to an index read back from its file, then written and read again.
      twins.remove(entries.filter((_, i) => i % 3 === 1));
      twins.add(synthetic(50, random, 550));
      await check();
      twins.rewrite();
      await check();
    });
  }

  it.skipIf(!squadDir)('ranks a real corpus as MiniSearch does for every SQuAD question, before and after re-adding documents', async () => {
    const corpusDir = path.join(squadDir!, 'corpus');
    const documents = fs.readdirSync(corpusDir).sort().map((file) => {
      const paragraphs = fs.readFileSync(path.join(corpusDir, file), 'utf8').split(/\n\s*\n/).filter((paragraph) => paragraph.trim());
      return paragraphs.map((text, i) => ({ id: `${file}#${i}`, text, context: `${file.replace(/\.txt$/, '')} — part ${Math.floor(i / 5)}` }));
    });
    const questions = fs.readFileSync(path.join(squadDir!, 'questions.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question);
    expect(questions.length).toBeGreaterThan(600);
    const twins = new Twins();
    twins.add(documents.flat());
    twins.rewrite();
    await twins.expectSame(questions, [5, 50]);
    // An incremental build: two documents changed (removed, then added again at the end).
    const changed = [documents[1]!, documents[4]!].flat();
    twins.remove(changed);
    twins.add(changed);
    await twins.expectSame(questions.slice(0, 200), [50]);
    twins.rewrite();
    await twins.expectSame(questions.slice(0, 200), [50]);
  });

  it('returns nothing for terms no chunk uses', () => {
    const index = LexicalIndex.build(synthetic(20, keyedRandom('bm25-top', 'empty')));
    expect(index.search('nowhere', 10)).toEqual([]);
    expect(LexicalIndex.build([]).search('w1', 10)).toEqual([]);
  });
});
